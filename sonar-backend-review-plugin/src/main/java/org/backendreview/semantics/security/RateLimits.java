/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.semantics.security;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.backendreview.semantics.django.DjangoQuerySets;
import org.backendreview.semantics.project.AnalysisContext;
import org.backendreview.semantics.project.ClassHierarchy;
import org.backendreview.tree.Api;
import org.backendreview.tree.Arguments;
import org.backendreview.tree.Fqns;
import org.backendreview.tree.Literals;
import org.backendreview.tree.SourceText;
import org.backendreview.tree.Trees;
import org.backendreview.tree.ValueResolver;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.ClassDef;
import org.sonar.plugins.python.api.tree.Decorator;
import org.sonar.plugins.python.api.tree.Expression;
import org.sonar.plugins.python.api.tree.FunctionDef;
import org.sonar.plugins.python.api.tree.Name;
import org.sonar.plugins.python.api.tree.Parameter;
import org.sonar.plugins.python.api.tree.QualifiedExpression;
import org.sonar.plugins.python.api.tree.Tree;

/**
 * What limits the rate of requests to an endpoint, as far as the code shows it: DRF's {@code throttle_classes} (on the
 * view, {@code @throttle_classes([...])}, {@code as_view(throttle_classes=...)}), django-ratelimit's {@code @ratelimit}
 * and {@code is_ratelimited()}, django-axes' and django-defender's decorators, slowapi's {@code @limiter.limit(...)},
 * fastapi-limiter's {@code RateLimiter} dependency (on the route or its router), Flask-Limiter; and, by name, the
 * project's own limiter ({@code @rate_limit}, {@code check_throttle(...)}, {@code LoginAttempt} counters). The project
 * settings side (DRF's {@code DEFAULT_THROTTLE_CLASSES}, django-axes in {@code INSTALLED_APPS}) is
 * {@link org.backendreview.semantics.django.DjangoProjectSettings.Throttling}. A limit set by a reverse proxy or an API
 * gateway is invisible here.
 */
public final class RateLimits {

  /** Modules whose decorators limit the rate of calls or lock out failed logins. */
  private static final Set<String> LIMITER_MODULES = Set.of("django_ratelimit", "ratelimit", "axes", "defender", "brake", "slowapi",
    "fastapi_limiter", "flask_limiter", "limits");
  // the endpoints that take a credential (or send a password-reset mail) on each request
  public static final Api DJANGO_AUTHENTICATE = Api.of("django.contrib.auth.authenticate");
  public static final Api PASSWORD_RESET_FORM = Api.of("django.contrib.auth.forms.PasswordResetForm");
  public static final Api OTP_MATCH = Api.of("django_otp.match_token", "django_otp.verify_token");
  public static final Api FASTAPI_PASSWORD_FORM = Api.of("fastapi.security.OAuth2PasswordRequestForm",
    "fastapi.security.oauth2.OAuth2PasswordRequestForm", "fastapi.security.OAuth2PasswordRequestFormStrict",
    "fastapi.security.oauth2.OAuth2PasswordRequestFormStrict");
  /** Library views that take a password (or send a reset mail) on each request. */
  public static final Predicate<String> TOKEN_VIEWS = ClassHierarchy.oneOf("rest_framework.authtoken.views.ObtainAuthToken",
    "rest_framework_simplejwt.views.TokenObtainPairView", "rest_framework_simplejwt.views.TokenObtainSlidingView",
    "rest_framework_simplejwt.views.TokenObtainView", "dj_rest_auth.views.LoginView", "rest_auth.views.LoginView");
  public static final Predicate<String> DJANGO_LOGIN_VIEWS = ClassHierarchy.oneOf("django.contrib.auth.views.LoginView",
    "django.contrib.auth.views.PasswordResetView");
  public static final Api OBTAIN_AUTH_TOKEN = Api.of("rest_framework.authtoken.views.obtain_auth_token");
  public static final Predicate<String> DJANGO_PASSWORD_RESET_VIEW = ClassHierarchy.oneOf("django.contrib.auth.views.PasswordResetView");
  public static final Api DRF_THROTTLE_DECORATOR = Api.of("rest_framework.decorators.throttle_classes");
  /** Words in names of decorators, calls and dependencies that limit attempts. */
  private static final Set<String> LIMIT_WORDS = Set.of("ratelimit", "ratelimited", "throttle", "throttled", "throttles", "throttling",
    "limiter", "lockout", "attempt", "slowapi", "middleware_limit", "bruteforce", "brute", "attempts", "axes", "defender");
  private static final Predicate<String> LIMITER_TEXT = text -> {
    String lower = text.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT).replace("rate_limit", "ratelimit").replace("brute_force", "bruteforce");
    for (String word : lower.split("[^a-z0-9]+")) {
      if (LIMIT_WORDS.contains(word) || word.startsWith("ratelimit") || word.startsWith("throttl")) {
        return true;
      }
    }
    return false;
  };

  private static final AnalysisContext.Key<Boolean> MODULE_WIDE = AnalysisContext.Key.of("rate-limits-module-wide");

  private RateLimits() {
  }

  /**
   * True when the module sets a limit on every route: a limiter built with default limits
   * ({@code Limiter(key_func=..., default_limits=["100/minute"])} of slowapi or Flask-Limiter) or a rate-limiting
   * middleware added to the application ({@code app.add_middleware(SlowAPIMiddleware)}).
   */
  public static boolean moduleWideLimit(AnalysisContext context) {
    return context.fact(MODULE_WIDE, c -> c.calls().stream().anyMatch(call ->
      Fqns.calleeName(call).filter("Limiter"::equals).isPresent() && Arguments.keyword(call, "default_limits").isPresent()
        || Fqns.calleeName(call).filter("add_middleware"::equals).isPresent() && call.arguments().stream()
          .anyMatch(a -> namesLimiter(SourceText.of(a)))));
  }

  /** True when the text of a decorator, a dependency or a call names a rate limiter. */
  public static boolean namesLimiter(String text) {
    return LIMITER_TEXT.test(text);
  }

  /** A decorator of the function that limits its rate, directly or through {@code method_decorator(...)}. */
  public static Optional<Decorator> limitingDecorator(FunctionDef function) {
    return function.decorators().stream().filter(RateLimits::isLimitingDecorator).findFirst();
  }

  private static boolean isLimitingDecorator(Decorator decorator) {
    Expression expression = decorator.expression();
    Optional<String> fqn = DjangoSessionAuth.decoratorFqn(decorator);
    if (fqn.isPresent() && (LIMITER_MODULES.contains(fqn.get().split("\\.")[0]) || DRF_THROTTLE_DECORATOR.contains(fqn.get()))) {
      return true;
    }
    // @limiter.limit("5/minute") on a slowapi/Flask-Limiter object, @method_decorator(ratelimit(...)), the project's own
    return namesLimiter(SourceText.of(expression)) || expression instanceof CallExpression call
      && Fqns.calleeName(call).filter(n -> "limit".equals(n) || "limits".equals(n)).isPresent();
  }

  /**
   * True when a FastAPI route's decorator or parameters, or the router it is declared on, carry a limiter dependency
   * ({@code dependencies=[Depends(RateLimiter(times=5, seconds=60))]}, a parameter {@code = Depends(limiter)}).
   */
  public static boolean hasLimiterDependency(FunctionDef function) {
    for (Decorator decorator : function.decorators()) {
      if (!(decorator.expression() instanceof CallExpression route)) {
        continue;
      }
      if (Arguments.keyword(route, "dependencies").filter(a -> namesLimiter(SourceText.of(a.expression()))).isPresent()) {
        return true;
      }
      Optional<Expression> owner = Fqns.receiver(route).map(Trees::skipParentheses);
      if (owner.isPresent() && owner.get() instanceof Name router && ValueResolver.singleAssignedValue(router)
        .filter(v -> v instanceof CallExpression c && Arguments.keyword(c, "dependencies").filter(a -> namesLimiter(SourceText.of(a.expression()))).isPresent())
        .isPresent()) {
        return true;
      }
    }
    if (function.parameters() != null) {
      for (Tree parameter : function.parameters().all()) {
        if (parameter instanceof Parameter p && p.defaultValue() != null && namesLimiter(SourceText.of(p.defaultValue()))) {
          return true;
        }
      }
    }
    return false;
  }

  /** A call in the body that checks or counts attempts ({@code is_ratelimited(...)}, {@code self.check_throttles(request)}). */
  public static Optional<CallExpression> limitingCall(Tree body) {
    CallExpression[] found = {null};
    Trees.walk(body, t -> found[0] == null && !t.is(Tree.Kind.FUNCDEF, Tree.Kind.LAMBDA, Tree.Kind.CLASSDEF), t -> {
      if (found[0] == null && t instanceof CallExpression call && (Fqns.ofCallee(call).filter(f -> LIMITER_MODULES.contains(f.split("\\.")[0])).isPresent()
        || Fqns.calleeName(call).filter(RateLimits::namesLimiter).isPresent()
        || call.callee() instanceof QualifiedExpression q && namesLimiter(SourceText.of(q.qualifier())))) {
        found[0] = call;
      }
    });
    return Optional.ofNullable(found[0]);
  }

  /**
   * The DRF view's own {@code throttle_classes}: TRUE when set to a non-empty value, FALSE when set to an empty list or
   * tuple (throttling switched off), empty when the class body does not set it.
   */
  public static Optional<Boolean> drfThrottleClasses(ClassDef view) {
    return DjangoQuerySets.classAttribute(view, "throttle_classes").map(RateLimits::nonEmpty);
  }

  /** {@code View.as_view(throttle_classes=[...])} or a limiter decorator around it in a URL pattern. */
  public static Optional<Boolean> throttleKeyword(CallExpression asView) {
    return Arguments.keyword(asView, "throttle_classes").map(a -> nonEmpty(a.expression()));
  }

  private static boolean nonEmpty(Expression value) {
    return !Literals.isNone(value) && Literals.collectionElements(value).map(elements -> !elements.isEmpty()).orElse(true);
  }
}
