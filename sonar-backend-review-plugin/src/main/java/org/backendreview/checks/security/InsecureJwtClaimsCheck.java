/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.security;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.backendreview.checks.BackendReviewCheck;
import org.backendreview.semantics.security.JwtTokens;
import org.backendreview.semantics.security.Secrets;
import org.backendreview.semantics.security.SecurityApi;
import org.backendreview.tree.SourceText;
import org.backendreview.tree.TestCode;
import org.backendreview.tree.Trees;
import org.sonar.check.Rule;
import org.sonar.plugins.python.api.SubscriptionContext;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.Expression;
import org.sonar.plugins.python.api.tree.FunctionDef;
import org.sonar.plugins.python.api.tree.Tree;

/**
 * SEC-14: JWT claim hygiene with PyJWT and python-jose. A {@code jwt.encode} payload whose keys the code shows in full
 * and that sets no expiry ({@code exp}, or an expiry of its own: {@code expires}, {@code valid_until}...); a password,
 * password hash or secret put in a payload; a {@code jwt.decode} that turns off {@code verify_exp} or
 * {@code verify_aud}. A decode that also turns off {@code verify_signature} is left to SonarPython's S5659.
 */
@Rule(key = "InsecureJwtClaims")
public class InsecureJwtClaimsCheck extends BackendReviewCheck {

  private static final Set<String> PRIVATE_WORDS = Set.of("password", "passwd", "pwd", "passphrase", "secret");
  private static final Set<String> EXPIRY_WORDS = Set.of("valid", "until", "ttl", "lifetime", "expiration", "deadline");
  private static final Map<String, String> DISABLED_CHECKS = Map.of(
    "verify_exp", "expired tokens would be accepted forever",
    "verify_aud", "tokens issued for another service or client would be accepted; pass \"audience=\" instead");

  @Override
  protected void register(Context context) {
    context.registerSyntaxNodeConsumer(Tree.Kind.CALL_EXPR, InsecureJwtClaimsCheck::check);
  }

  private static void check(SubscriptionContext ctx) {
    CallExpression call = (CallExpression) ctx.syntaxNode();
    FunctionDef function = Trees.enclosingFunction(call);
    if (function != null && TestCode.isTestScenario(function)) {
      return;
    }
    if (SecurityApi.JWT_ENCODE.isCalledBy(call)) {
      checkEncode(ctx, call);
    } else if (SecurityApi.JWT_DECODE.isCalledBy(call)) {
      Map<String, Tree> disabled = JwtTokens.disabledOptions(call);
      if (disabled.containsKey("verify_signature")) {
        return;
      }
      DISABLED_CHECKS.forEach((option, consequence) -> {
        Tree value = disabled.get(option);
        if (value != null) {
          ctx.addIssue(value.parent(), "Remove \"" + option + "\": False from this jwt.decode(): " + consequence + ".");
        }
      });
    }
  }

  private static void checkEncode(SubscriptionContext ctx, CallExpression call) {
    Optional<Expression> payload = JwtTokens.encodedPayload(call);
    Optional<Map<String, Tree>> claims = payload.flatMap(JwtTokens::claims);
    if (claims.isEmpty()) {
      return;
    }
    for (Map.Entry<String, Tree> claim : claims.get().entrySet()) {
      if (isPrivate(claim.getKey()) || claim.getValue() instanceof Expression value && isPrivateValue(value)) {
        Tree location = claim.getValue().parent() != null && claim.getValue().parent().is(Tree.Kind.KEY_VALUE_PAIR) ? claim.getValue().parent() : claim.getValue();
        ctx.addIssue(location, "Remove \"" + claim.getKey() + "\" from this token's payload: a JWT is only base64-encoded, whoever holds it can read it.")
          .secondary(call.callee(), "The token is minted here.");
      }
    }
    boolean expires = claims.get().keySet().stream().anyMatch(key -> key.toLowerCase(java.util.Locale.ROOT).contains("exp")
      || Secrets.words(key).stream().anyMatch(EXPIRY_WORDS::contains));
    if (!expires) {
      ctx.addIssue(call.callee(), "Add an \"exp\" claim to this token: without one, a leaked or stolen token stays valid forever.")
        .secondary(payload.get(), claims.get().isEmpty() ? "The payload sets no claim." : "Claims: " + String.join(", ", claims.get().keySet()) + ".");
    }
  }

  private static boolean isPrivate(String key) {
    List<String> words = Secrets.words(key);
    return words.stream().anyMatch(PRIVATE_WORDS::contains) && !words.contains("changed") && !words.contains("reset") && !words.contains("expires");
  }

  private static boolean isPrivateValue(Expression value) {
    return Secrets.nameOf(value).filter(name -> Secrets.words(name).stream().anyMatch(w -> w.equals("password") || w.equals("passwd"))).isPresent()
      && !SourceText.of(value).contains("(");
  }
}
