/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.semantics.security;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.backendreview.semantics.project.AnalysisContext;
import org.backendreview.tree.Arguments;
import org.backendreview.tree.Fqns;
import org.backendreview.tree.Literals;
import org.backendreview.tree.Trees;
import org.backendreview.tree.ValueResolver;
import org.sonar.plugins.python.api.SubscriptionContext;
import org.sonar.plugins.python.api.symbols.v2.SymbolV2;
import org.sonar.plugins.python.api.symbols.v2.UsageV2;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.DictionaryLiteral;
import org.sonar.plugins.python.api.tree.DictionaryLiteralElement;
import org.sonar.plugins.python.api.tree.Expression;
import org.sonar.plugins.python.api.tree.KeyValuePair;
import org.sonar.plugins.python.api.tree.Name;
import org.sonar.plugins.python.api.tree.RegularArgument;
import org.sonar.plugins.python.api.tree.SubscriptionExpression;
import org.sonar.plugins.python.api.tree.Tree;

/**
 * JSON Web Tokens as PyJWT and python-jose mint and read them: the claims a {@code jwt.encode} payload sets, when the
 * code shows them all, and the verification options of a {@code jwt.decode}.
 */
public final class JwtTokens {

  private static final AnalysisContext.Key<Boolean> MINTS_AUDIENCE = AnalysisContext.Key.of("module mints JWT with aud");

  private JwtTokens() {
  }

  /** The payload argument of a {@code jwt.encode} call. */
  public static Optional<Expression> encodedPayload(CallExpression encode) {
    return Arguments.value(encode, 0, "payload").or(() -> Arguments.keyword(encode, "claims").map(RegularArgument::expression));
  }

  /**
   * The claims a payload sets, each with the expression of its value, when the code shows every key: a dict literal
   * with constant keys (or {@code dict(k=v)}), directly or through a local variable assigned once whose later updates are
   * constant-key subscript assignments ({@code payload["exp"] = ...}). Empty when any key is not known (a {@code **}
   * unpacking, an {@code update()}, a parameter, a variable passed elsewhere).
   */
  public static Optional<Map<String, Tree>> claims(Expression payload) {
    Expression e = Trees.skipParentheses(payload);
    Map<String, Tree> claims = new LinkedHashMap<>();
    if (e instanceof Name name) {
      Optional<Expression> value = ValueResolver.singleAssignedValue(name);
      SymbolV2 symbol = name.symbolV2();
      if (value.isEmpty() || symbol == null || !literalClaims(value.get(), claims)) {
        return Optional.empty();
      }
      for (UsageV2 usage : symbol.usages()) {
        Tree use = usage.tree();
        if (usage.kind() == UsageV2.Kind.ASSIGNMENT_LHS || use == e) {
          continue;
        }
        if (!(use.parent() instanceof SubscriptionExpression subscript && subscript.object() == use
          && subscript.subscripts().expressions().size() == 1)) {
          // any other use (update(), passed to a helper, returned, unpacked) may add claims the rule cannot see
          return Optional.empty();
        }
        Optional<String> key = Literals.stringValue(subscript.subscripts().expressions().get(0));
        if (key.isEmpty()) {
          return Optional.empty();
        }
        claims.putIfAbsent(key.get(), subscript);
      }
      return Optional.of(claims);
    }
    return literalClaims(e, claims) ? Optional.of(claims) : Optional.empty();
  }

  private static boolean literalClaims(Expression value, Map<String, Tree> claims) {
    Expression e = Trees.skipParentheses(value);
    if (e instanceof DictionaryLiteral dict) {
      for (DictionaryLiteralElement element : dict.elements()) {
        if (!(element instanceof KeyValuePair pair)) {
          return false;
        }
        Optional<String> key = Literals.stringValue(pair.key());
        if (key.isEmpty()) {
          return false;
        }
        claims.put(key.get(), pair.value());
      }
      return true;
    }
    if (e instanceof CallExpression call && Fqns.isCallTo(call, "dict") && !Arguments.hasUnpacking(call)) {
      for (var argument : call.arguments()) {
        if (!(argument instanceof RegularArgument regular) || regular.keywordArgument() == null) {
          return false;
        }
        claims.put(regular.keywordArgument().name(), regular.expression());
      }
      return true;
    }
    return false;
  }

  /** The verification options a decode call sets to a constant boolean ({@code options={"verify_exp": False}}). */
  public static Map<String, Tree> disabledOptions(CallExpression decode) {
    Map<String, Tree> disabled = new LinkedHashMap<>();
    Optional<RegularArgument> options = Arguments.keyword(decode, "options");
    if (options.isEmpty()) {
      return disabled;
    }
    Expression value = Trees.skipParentheses(options.get().expression());
    if (value instanceof Name name) {
      value = ValueResolver.singleAssignedValue(name).orElse(value);
    }
    Map<String, Tree> literal = new LinkedHashMap<>();
    if (literalClaims(value, literal)) {
      literal.forEach((key, v) -> {
        if (v instanceof Expression expression && Literals.booleanValue(expression).filter(b -> !b).isPresent()) {
          disabled.put(key, v);
        }
      });
    }
    return disabled;
  }

  /** True when a {@code jwt.encode} of the module puts an {@code aud} claim in its payload. */
  public static boolean moduleMintsAudience(SubscriptionContext ctx) {
    return AnalysisContext.of(ctx).fact(MINTS_AUDIENCE, c -> c.calls().stream()
      .filter(SecurityApi.JWT_ENCODE::isCalledBy)
      .map(JwtTokens::encodedPayload)
      .flatMap(Optional::stream)
      .map(JwtTokens::claims)
      .flatMap(Optional::stream)
      .anyMatch(claims -> claims.containsKey("aud")));
  }
}
