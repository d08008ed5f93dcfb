/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.configuration;

import java.util.List;
import java.util.Optional;
import org.backendreview.semantics.django.DjangoSettings;
import org.backendreview.tree.Fqns;
import org.backendreview.tree.Literals;
import org.backendreview.tree.Trees;
import org.sonar.check.Rule;
import org.sonar.plugins.python.api.SubscriptionContext;
import org.sonar.plugins.python.api.tree.AssignmentStatement;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.CompoundAssignmentStatement;
import org.sonar.plugins.python.api.tree.Expression;
import org.sonar.plugins.python.api.tree.ExpressionList;
import org.sonar.plugins.python.api.tree.FileInput;
import org.sonar.plugins.python.api.tree.Name;
import org.sonar.plugins.python.api.tree.Tree;

/** {@code ALLOWED_HOSTS} accepts any host in deployable Django settings. */
@Rule(key = "AllowedHostsWildcard")
public class AllowedHostsWildcardCheck extends DeployableSettingsCheck {

  static final String MESSAGE = "Replace this \"*\" with the host names the site serves: a wildcard in ALLOWED_HOSTS accepts "
    + "any Host header.";
  private static final String SETTING = "ALLOWED_HOSTS";

  @Override
  protected void checkSettings(SubscriptionContext ctx, FileInput module) {
    Trees.walk(module.statements(), DjangoSettings::isModuleLevelBlock, t -> {
      if (DjangoSettings.isGuardedByDebug(t)) {
        return;
      }
      if (t instanceof AssignmentStatement assignment && assignsAllowedHosts(assignment)) {
        reportWildcards(ctx, assignment.assignedValue());
      } else if (t instanceof CompoundAssignmentStatement compound && isAllowedHosts(compound.lhsExpression())) {
        reportWildcards(ctx, compound.rhsExpression());
      } else if (t.is(Tree.Kind.EXPRESSION_STMT)) {
        t.children().stream().filter(CallExpression.class::isInstance).map(CallExpression.class::cast).forEach(call -> checkMutation(ctx, call));
      }
    });
  }

  private static boolean assignsAllowedHosts(AssignmentStatement assignment) {
    for (ExpressionList lhs : assignment.lhsExpressions()) {
      for (Expression target : lhs.expressions()) {
        if (isAllowedHosts(target)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean isAllowedHosts(Expression expression) {
    return expression instanceof Name name && SETTING.equals(name.name());
  }

  /** {@code ALLOWED_HOSTS.append("*")}, {@code .extend(["*"])}, {@code .insert(0, "*")}. */
  private static void checkMutation(SubscriptionContext ctx, CallExpression call) {
    Optional<Expression> receiver = Fqns.receiver(call);
    Optional<String> method = Fqns.calleeName(call);
    if (receiver.isEmpty() || !isAllowedHosts(receiver.get()) || method.isEmpty()) {
      return;
    }
    call.arguments().stream()
      .filter(a -> a instanceof org.sonar.plugins.python.api.tree.RegularArgument)
      .map(a -> ((org.sonar.plugins.python.api.tree.RegularArgument) a).expression())
      .forEach(value -> {
        switch (method.get()) {
          case "append", "insert" -> reportIfWildcard(ctx, value);
          case "extend" -> reportWildcards(ctx, value);
          default -> {
            // other list methods add nothing
          }
        }
      });
  }

  private static void reportWildcards(SubscriptionContext ctx, Expression value) {
    Optional<List<Expression>> elements = Literals.collectionElements(value);
    if (elements.isPresent()) {
      elements.get().forEach(element -> reportIfWildcard(ctx, element));
    } else {
      // a bare string is iterated character by character by Django: "*" still matches every host
      reportIfWildcard(ctx, value);
    }
  }

  private static void reportIfWildcard(SubscriptionContext ctx, Expression element) {
    if (Literals.stringValue(element).filter("*"::equals).isPresent()) {
      ctx.addIssue(element, MESSAGE);
    }
  }
}
