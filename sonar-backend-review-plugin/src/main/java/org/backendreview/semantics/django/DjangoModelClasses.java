/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.semantics.django;

import java.util.function.Predicate;
import org.backendreview.semantics.project.ClassHierarchy;
import org.backendreview.tree.Types;
import org.sonar.plugins.python.api.tree.ClassDef;
import org.sonar.plugins.python.api.tree.Expression;
import org.sonar.plugins.python.api.types.v2.ClassType;
import org.sonar.plugins.python.api.types.v2.PythonType;
import org.sonar.plugins.python.api.types.v2.SelfType;

/**
 * What a Django model class is, and nothing more: the ground floor that {@link DjangoModelIndex},
 * {@link DjangoQuerySets} and {@link DjangoModels} all build on, so that none of them needs another one for it.
 */
public final class DjangoModelClasses {

  /** The FQNs of Django's model base class. */
  public static final Predicate<String> MODEL = DjangoApi.MODEL;

  private DjangoModelClasses() {
  }

  /** True when the expression names a Django model class. */
  public static boolean isModelClass(Expression expression) {
    return ClassHierarchy.isOrExtends(expression, MODEL);
  }

  /** True when the class definition is a Django model (abstract or not). */
  public static boolean isModelClassDef(ClassDef classDef) {
    return ClassHierarchy.extendsAny(classDef, MODEL);
  }

  /** The class type behind a class, an instance or a {@code Self} type; null for anything else. */
  public static ClassType classType(PythonType type) {
    PythonType current = type;
    for (int i = 0; i < 4 && current != null; i++) {
      if (current instanceof ClassType classType) {
        return classType;
      }
      if (Types.instanceType(current) != null) {
        current = Types.instanceType(current);
      } else if (current instanceof SelfType selfType) {
        current = selfType.innerType();
      } else {
        return null;
      }
    }
    return null;
  }
}
