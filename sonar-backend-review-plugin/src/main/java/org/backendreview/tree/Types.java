/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.tree;

import java.util.Optional;
import javax.annotation.Nullable;
import org.sonar.plugins.python.api.tree.Expression;
import org.sonar.plugins.python.api.types.v2.ClassType;
import org.sonar.plugins.python.api.types.v2.ObjectType;
import org.sonar.plugins.python.api.types.v2.PythonType;

/**
 * The frontend's types of values ({@code Expression.typeV2()}): an instance is an {@link ObjectType} wrapping the type
 * of its class. The one place of the {@code ObjectType -> ClassType} unwrap.
 */
public final class Types {

  private Types() {
  }

  /** The class of the instance the expression holds (its type is an instance of a resolved class), or empty. */
  public static Optional<ClassType> classOf(Expression expression) {
    return classOf(expression.typeV2());
  }

  /** The class of an instance type, or empty (not an instance, or an instance of something other than a resolved class). */
  public static Optional<ClassType> classOf(@Nullable PythonType type) {
    return instanceType(type) instanceof ClassType classType ? Optional.of(classType) : Optional.empty();
  }

  /**
   * The type an instance type wraps (a class, an unresolved import, a union...), or null when the type is not an
   * instance ({@link ObjectType}).
   */
  @Nullable
  public static PythonType instanceType(@Nullable PythonType type) {
    return type instanceof ObjectType object ? object.unwrappedType() : null;
  }

  /** The class of an instance, or the type itself when it is not an instance (a class stays a class). */
  @Nullable
  public static PythonType classOrSelf(@Nullable PythonType type) {
    return type instanceof ObjectType object ? object.unwrappedType() : type;
  }
}
