/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.semantics.python;

import java.util.Set;
import org.backendreview.tree.Fqns;
import org.backendreview.tree.Trees;
import org.sonar.plugins.python.api.symbols.v2.SymbolV2;
import org.sonar.plugins.python.api.symbols.v2.UsageV2;
import org.sonar.plugins.python.api.tree.AssignmentStatement;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.ExpressionList;
import org.sonar.plugins.python.api.tree.Expression;
import org.sonar.plugins.python.api.tree.Name;

/**
 * Values made fresh by the code at the call: the current time, a random UUID, a random token. A database lookup on such
 * a value never matches a row that existed before (a "check" for it is a collision check, a get_or_create() on it always
 * creates). Recognised as a call, or a name bound once to such a call; {@code now().date()} and
 * {@code str(uuid4())} / {@code uuid4().hex} count too.
 */
public final class FreshValues {

  private static final Set<String> FRESH_CALLS = Set.of(
    "django.utils.timezone.now", "datetime.datetime.now", "datetime.datetime.utcnow", "datetime.datetime.today",
    "time.time", "time.time_ns",
    "uuid.uuid1", "uuid.uuid4",
    "secrets.token_hex", "secrets.token_urlsafe", "secrets.token_bytes", "os.urandom",
    "django.utils.crypto.get_random_string");
  private static final Set<String> WRAPPERS = Set.of("str", "bytes", "int");

  private FreshValues() {
  }

  /** True when the expression's value is fresh as described in the class comment. */
  public static boolean isFresh(Expression expression) {
    return isFresh(expression, 0);
  }

  /** Every binding of the name is a plain {@code name = <fresh>} (e.g. a token drawn again until it is unused). */
  private static boolean everyAssignedValueFresh(Name name, int depth) {
    SymbolV2 symbol = name.symbolV2();
    if (symbol == null) {
      return false;
    }
    boolean any = false;
    for (UsageV2 usage : symbol.usages()) {
      if (!usage.isBindingUsage()) {
        continue;
      }
      if (usage.kind() != UsageV2.Kind.ASSIGNMENT_LHS || !(usage.tree().parent() instanceof ExpressionList targets)
        || targets.expressions().size() != 1 || !(targets.parent() instanceof AssignmentStatement assignment)
        || !isFresh(assignment.assignedValue(), depth + 1)) {
        return false;
      }
      any = true;
    }
    return any;
  }

  private static boolean isFresh(Expression expression, int depth) {
    if (depth > 4) {
      return false;
    }
    Expression expr = Trees.skipParentheses(expression);
    if (expr instanceof Name name) {
      return everyAssignedValueFresh(name, depth);
    }
    if (expr instanceof org.sonar.plugins.python.api.tree.QualifiedExpression qualified) {
      // uuid4().hex, now().date
      return isFresh(qualified.qualifier(), depth + 1);
    }
    if (!(expr instanceof CallExpression call)) {
      return false;
    }
    if (Fqns.ofCallee(call).filter(FRESH_CALLS::contains).isPresent()) {
      return true;
    }
    if (call.callee() instanceof Name wrapper && WRAPPERS.contains(wrapper.name()) && call.arguments().size() == 1
      && call.arguments().get(0) instanceof org.sonar.plugins.python.api.tree.RegularArgument argument && argument.keywordArgument() == null) {
      return isFresh(argument.expression(), depth + 1);
    }
    // now().date(), uuid4().hex.upper()
    return Fqns.receiver(call).map(r -> isFresh(r, depth + 1)).orElse(false);
  }
}
