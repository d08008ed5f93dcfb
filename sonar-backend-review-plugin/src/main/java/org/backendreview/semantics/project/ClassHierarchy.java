/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.semantics.project;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.backendreview.tree.Fqns;
import org.sonar.plugins.python.api.tree.Argument;
import org.sonar.plugins.python.api.tree.ClassDef;
import org.sonar.plugins.python.api.tree.Expression;
import org.sonar.plugins.python.api.tree.RegularArgument;
import org.sonar.plugins.python.api.types.v2.ClassType;
import org.sonar.plugins.python.api.types.v2.FullyQualifiedNameHelper;
import org.sonar.plugins.python.api.types.v2.PythonType;
import org.sonar.plugins.python.api.types.v2.TypeWrapper;
import org.sonar.plugins.python.api.types.v2.UnknownType;

/**
 * Class inheritance by fully qualified name, across modules. Works where the frontend resolved the hierarchy (project
 * classes, stubbed libraries) and where a base is only known by its import path (libraries without stubs, such as
 * Django REST framework): an unresolved base still names its FQN. A hierarchy that cannot be followed gives false.
 */
public final class ClassHierarchy {

  private static final int MAX_CLASSES = 200;

  private ClassHierarchy() {
  }

  /** True when the class, or one of its ancestors, has an FQN accepted by the predicate. */
  public static boolean extendsAny(ClassDef classDef, Predicate<String> fqn) {
    if (classDef.args() == null) {
      return false;
    }
    for (Argument argument : classDef.args().arguments()) {
      if (argument instanceof RegularArgument regular && regular.keywordArgument() == null && isOrExtends(regular.expression(), fqn)) {
        return true;
      }
    }
    return false;
  }

  /** True when the expression names a class that is, or extends, a class with an accepted FQN. */
  public static boolean isOrExtends(Expression classExpression, Predicate<String> fqn) {
    Optional<String> name = Fqns.of(classExpression);
    if (name.isPresent() && fqn.test(name.get())) {
      return true;
    }
    return typeIsOrExtends(classExpression.typeV2(), fqn);
  }

  /** True when the type is a class type that is, or extends, a class with an accepted FQN. */
  public static boolean typeIsOrExtends(PythonType type, Predicate<String> fqn) {
    Deque<PythonType> toVisit = new ArrayDeque<>();
    Set<PythonType> visited = new HashSet<>();
    toVisit.add(type);
    while (!toVisit.isEmpty() && visited.size() < MAX_CLASSES) {
      PythonType current = toVisit.poll();
      if (current == null || !visited.add(current)) {
        continue;
      }
      if (current instanceof ClassType classType) {
        if (classType.fullyQualifiedName() != null && fqn.test(classType.fullyQualifiedName())) {
          return true;
        }
        for (TypeWrapper superClass : classType.superClasses()) {
          toVisit.add(superClass.type());
        }
      } else if (current instanceof UnknownType.UnresolvedImportType unresolved) {
        if (fqn.test(unresolved.importPath())) {
          return true;
        }
      } else if (current != PythonType.UNKNOWN) {
        Optional<String> name = FullyQualifiedNameHelper.getFullyQualifiedName(current);
        if (name.isPresent() && fqn.test(name.get())) {
          return true;
        }
      }
    }
    return false;
  }

  /** Predicate accepting exactly one of the given FQNs. */
  public static Predicate<String> oneOf(String... fqns) {
    Set<String> set = Set.of(fqns);
    return set::contains;
  }
}
