/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.security;

import java.util.Optional;
import org.backendreview.flow.TaintFlow;
import org.backendreview.semantics.security.InjectionSinks;
import org.backendreview.semantics.security.InjectionSinks.Kind;
import org.backendreview.semantics.security.InjectionSinks.Sink;
import org.backendreview.tree.Trees;
import org.sonar.check.Rule;
import org.sonar.plugins.python.api.SubscriptionContext;
import org.sonar.plugins.python.api.symbols.v2.SymbolV2;
import org.sonar.plugins.python.api.symbols.v2.UsageV2;
import org.sonar.plugins.python.api.tree.AssignmentStatement;
import org.sonar.plugins.python.api.tree.ExpressionList;
import org.sonar.plugins.python.api.tree.Name;
import org.sonar.plugins.python.api.tree.NumericLiteral;
import org.sonar.plugins.python.api.tree.QualifiedExpression;

/**
 * A redirect ({@code redirect}, {@code HttpResponseRedirect}, {@code RedirectResponse}) to a target chosen by
 * request data, without {@code url_has_allowed_host_and_scheme} or an allow-list. A target that starts with a fixed
 * path ({@code f"/orders/{id}"}) or a fixed origin stays on the site and is not reported, nor is a response whose
 * status the view then sets to a code that browsers do not follow ({@code response.status_code = 200}).
 */
@Rule(key = "OpenRedirect")
public class OpenRedirectCheck extends TaintSinkCheck {

  public OpenRedirectCheck() {
    super(Kind.REDIRECT, InjectionSinks::redirects);
  }

  @Override
  protected Optional<TaintFlow> flow(Sink sink, SubscriptionContext ctx) {
    return notFollowed(sink) ? Optional.empty() : super.flow(sink, ctx);
  }

  /** {@code response = HttpResponseRedirect(url)} then {@code response.status_code = 200}: the browser does not follow it. */
  private static boolean notFollowed(Sink sink) {
    if (!(sink.call().parent() instanceof AssignmentStatement assignment) || assignment.lhsExpressions().size() != 1
      || assignment.lhsExpressions().get(0).expressions().size() != 1
      || !(assignment.lhsExpressions().get(0).expressions().get(0) instanceof Name response) || response.symbolV2() == null) {
      return false;
    }
    SymbolV2 symbol = response.symbolV2();
    for (UsageV2 usage : symbol.usages()) {
      if (usage.tree().parent() instanceof QualifiedExpression attribute && "status_code".equals(attribute.name().name())
        && attribute.parent() instanceof ExpressionList list && list.parent() instanceof AssignmentStatement set
        && Trees.skipParentheses(set.assignedValue()) instanceof NumericLiteral code
        && Trees.enclosingFunction(set) == Trees.enclosingFunction(assignment)) {
        long value = code.valueAsLong();
        if (value < 300 || value >= 400) {
          return true;
        }
      }
    }
    return false;
  }

  @Override
  protected String message(Sink sink, TaintFlow flow) {
    return "Check that " + flow.sourceText() + " points to this site (url_has_allowed_host_and_scheme() or an allow-list) before redirecting to it.";
  }
}
