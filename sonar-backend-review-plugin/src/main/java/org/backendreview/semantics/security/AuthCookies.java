/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.semantics.security;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.backendreview.tree.Arguments;
import org.backendreview.tree.Fqns;
import org.backendreview.tree.Literals;
import org.backendreview.tree.Trees;
import org.backendreview.tree.ValueResolver;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.Expression;
import org.sonar.plugins.python.api.tree.Name;
import org.sonar.plugins.python.api.tree.QualifiedExpression;

/**
 * Cookies set in code ({@code response.set_cookie(key, value, ...)} of Django, Starlette/FastAPI and Werkzeug/Flask, and
 * Django's {@code set_signed_cookie}) and whether one carries authentication: a cookie name that says so
 * ({@code sessionid}, {@code access_token}, {@code jwt}, {@code auth}, {@code remember_me}), or a value the code names a
 * token or mints with {@code jwt.encode}. CSRF cookies are meant to be read by scripts and do not count.
 */
public final class AuthCookies {

  private static final Set<String> SET_COOKIE = Set.of("set_cookie", "set_signed_cookie");
  private static final Set<String> AUTH_WORDS = Set.of("session", "sessionid", "sid", "token", "jwt", "auth", "authorization", "remember",
    "login", "apikey", "bearer", "credentials", "refresh");
  private static final Set<String> NOT_AUTH_WORDS = Set.of("csrf", "xsrf", "csrftoken", "state", "nonce", "lang", "language", "theme",
    "tz", "timezone", "consent");

  private AuthCookies() {
  }

  /** True for a {@code set_cookie(...)} / {@code set_signed_cookie(...)} method call. */
  public static boolean isSetCookie(CallExpression call) {
    return Fqns.receiver(call).isPresent() && Fqns.calleeName(call).filter(SET_COOKIE::contains).isPresent();
  }

  /** The cookie's name as the code spells it: a literal, a constant, or the name of the variable or setting holding it. */
  public static Optional<String> cookieName(CallExpression call) {
    Optional<Expression> key = Arguments.value(call, 0, "key");
    if (key.isEmpty()) {
      return Optional.empty();
    }
    Expression e = Trees.skipParentheses(key.get());
    Optional<String> literal = Literals.stringValue(e);
    if (literal.isPresent()) {
      return literal;
    }
    if (e instanceof Name name) {
      Optional<String> constant = ValueResolver.singleAssignedValue(name).flatMap(Literals::stringValue);
      return constant.isPresent() ? constant : Optional.of(name.name());
    }
    if (e instanceof QualifiedExpression q) {
      return Optional.of(q.name().name());
    }
    return Optional.empty();
  }

  /** True when the cookie carries authentication, by its name or by its value. */
  public static boolean carriesAuth(CallExpression call) {
    Optional<String> name = cookieName(call);
    if (name.isPresent()) {
      List<String> words = Secrets.words(name.get());
      if (words.stream().anyMatch(NOT_AUTH_WORDS::contains) || words.stream().anyMatch(w -> w.startsWith("csrf") || w.startsWith("xsrf"))) {
        return false;
      }
      if (words.stream().anyMatch(AUTH_WORDS::contains)) {
        return true;
      }
    }
    Optional<Expression> value = Arguments.value(call, 1, "value").map(Trees::skipParentheses);
    if (value.isEmpty() || Literals.stringValue(value.get()).isPresent()) {
      return false;
    }
    return Secrets.nameOf(value.get()).filter(Secrets::isSecretName).isPresent() || isMintedToken(value.get());
  }

  /** True when the cookie is being deleted: an empty literal value, or {@code max_age=0}. */
  public static boolean isDeletion(CallExpression call) {
    Optional<Expression> value = Arguments.value(call, 1, "value");
    if (value.flatMap(Literals::stringValue).filter(String::isEmpty).isPresent()) {
      return true;
    }
    return Arguments.keyword(call, "max_age").map(a -> a.expression().firstToken().value()).filter("0"::equals).isPresent();
  }

  private static boolean isMintedToken(Expression value) {
    Expression e = value;
    if (e instanceof Name name) {
      Optional<Expression> assigned = ValueResolver.singleAssignedValue(name);
      if (assigned.isEmpty()) {
        return false;
      }
      e = Trees.skipParentheses(assigned.get());
    }
    return e instanceof CallExpression call && SecurityApi.JWT_ENCODE.isCalledBy(call);
  }
}
