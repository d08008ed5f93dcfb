/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.security;

import java.util.Optional;
import org.backendreview.checks.BackendReviewCheck;
import org.backendreview.semantics.security.GeneratedSecrets;
import org.backendreview.semantics.security.GeneratedSecrets.Destination;
import org.backendreview.tree.TestCode;
import org.backendreview.tree.Trees;
import org.sonar.check.Rule;
import org.sonar.plugins.python.api.SubscriptionContext;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.Expression;
import org.sonar.plugins.python.api.tree.FunctionDef;
import org.sonar.plugins.python.api.tree.SliceExpression;
import org.sonar.plugins.python.api.tree.Tree;

/**
 * SEC-17 (token randomness): a token, reset code, OTP, PIN, API key or generated password made from {@code random.*}
 * (the Mersenne Twister: predictable from a few outputs), from {@code uuid1()} (time and MAC address), or from a
 * {@code uuid4()} cut to fewer than 16 hex digits. Only values the code names as secrets count, unlike SonarPython's
 * S2245, which flags every use of {@code random}.
 */
@Rule(key = "PredictableSecretToken")
public class PredictableSecretTokenCheck extends BackendReviewCheck {

  /** One statement, one finding: the destination last reported (calls of one statement are visited one after the other). */
  private Tree lastDestination;

  @Override
  protected void register(Context context) {
    context.registerSyntaxNodeConsumer(Tree.Kind.CALL_EXPR, this::check);
  }

  private void check(SubscriptionContext ctx) {
    CallExpression call = (CallExpression) ctx.syntaxNode();
    Optional<String> source = GeneratedSecrets.predictableSource(call);
    Expression generated = call;
    String why;
    if (source.isPresent()) {
      why = source.get().startsWith("uuid1")
        ? "uuid1() is made of the time and the machine's MAC address, both guessable"
        : "\"" + source.get() + "\" is predictable: a few observed values reveal the generator's state";
    } else {
      Optional<SliceExpression> cut = GeneratedSecrets.truncatedUuid(call);
      if (cut.isEmpty()) {
        return;
      }
      generated = cut.get();
      why = "a uuid4() cut this short keeps too few random bits to resist guessing";
    }
    FunctionDef function = Trees.enclosingFunction(call);
    if (function != null && TestCode.isTestScenario(function)) {
      return;
    }
    Optional<Destination> destination = GeneratedSecrets.destination(generated).filter(d -> GeneratedSecrets.isSecretOrCodeName(d.name()));
    if (destination.isEmpty() || destination.get().location() == lastDestination) {
      return;
    }
    lastDestination = destination.get().location();
    ctx.addIssue(generated, "Generate \"" + destination.get().name() + "\" with the \"secrets\" module (secrets.token_urlsafe(), "
      + "secrets.randbelow()): " + why + ".")
      .secondary(destination.get().location(), "The value is used as a secret here.");
  }
}
