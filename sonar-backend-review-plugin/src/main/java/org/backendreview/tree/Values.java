/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.tree;

import java.util.Optional;
import org.sonar.plugins.python.api.symbols.v2.SymbolV2;
import org.sonar.plugins.python.api.symbols.v2.UsageV2;
import org.sonar.plugins.python.api.tree.AnnotatedAssignment;
import org.sonar.plugins.python.api.tree.AssignmentStatement;
import org.sonar.plugins.python.api.tree.Expression;
import org.sonar.plugins.python.api.tree.Name;
import org.sonar.plugins.python.api.tree.Tree;

/** Values of names that are bound exactly once. */
public final class Values {

  private Values() {
  }

  /**
   * The value assigned to a name bound by exactly one plain assignment ({@code x = value} or {@code x: T = value})
   * in its scope, or empty (several bindings, parameters, loop variables, tuple unpacking, imports...).
   */
  public static Optional<Expression> singleAssignedValue(Name name) {
    SymbolV2 symbol = name.symbolV2();
    if (symbol == null) {
      return Optional.empty();
    }
    Optional<UsageV2> binding = symbol.getSingleBindingUsage();
    if (binding.isEmpty() || binding.get().kind() != UsageV2.Kind.ASSIGNMENT_LHS) {
      return Optional.empty();
    }
    Tree target = binding.get().tree();
    Tree parent = target.parent();
    if (parent != null && parent.is(Tree.Kind.EXPRESSION_LIST)) {
      Tree statement = parent.parent();
      if (statement instanceof AssignmentStatement assignment && ((org.sonar.plugins.python.api.tree.ExpressionList) parent).expressions().size() == 1) {
        return Optional.of(assignment.assignedValue());
      }
      return Optional.empty();
    }
    if (parent instanceof AnnotatedAssignment annotated && annotated.variable() == target) {
      return Optional.ofNullable(annotated.assignedValue());
    }
    return Optional.empty();
  }
}
