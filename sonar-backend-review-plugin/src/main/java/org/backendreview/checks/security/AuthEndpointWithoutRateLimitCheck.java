/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.security;

import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.backendreview.checks.BackendReviewCheck;
import org.backendreview.semantics.django.DjangoProjectSettings;
import org.backendreview.semantics.django.DjangoQuerySets;
import org.backendreview.semantics.drf.DrfViews;
import org.backendreview.semantics.project.AnalysisContext;
import org.backendreview.semantics.project.ClassHierarchy;
import org.backendreview.semantics.security.DjangoSessionAuth;
import org.backendreview.semantics.security.PasswordVerifications;
import org.backendreview.semantics.security.RateLimits;
import org.backendreview.semantics.web.RequestHandlers;
import org.backendreview.semantics.web.RequestHandlers.Framework;
import org.backendreview.semantics.web.RequestHandlers.Handler;
import org.backendreview.tree.Api;
import org.backendreview.tree.Fqns;
import org.backendreview.tree.SourceText;
import org.backendreview.tree.TestCode;
import org.backendreview.tree.Trees;
import org.backendreview.tree.ValueResolver;
import org.sonar.check.Rule;
import org.sonar.plugins.python.api.SubscriptionContext;
import org.sonar.plugins.python.api.TriBool;
import org.sonar.plugins.python.api.tree.Argument;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.ClassDef;
import org.sonar.plugins.python.api.tree.Expression;
import org.sonar.plugins.python.api.tree.FunctionDef;
import org.sonar.plugins.python.api.tree.Name;
import org.sonar.plugins.python.api.tree.Parameter;
import org.sonar.plugins.python.api.tree.QualifiedExpression;
import org.sonar.plugins.python.api.tree.RegularArgument;
import org.sonar.plugins.python.api.tree.Tree;

/**
 * SEC-25: an endpoint that checks a credential with no limit on the attempts: a Django, DRF, FastAPI or Flask handler
 * that calls {@code authenticate(...)}, verifies a password ({@link PasswordVerifications}), checks a one-time code
 * (pyotp's {@code verify}, django-otp's {@code match_token}/{@code device.verify_token}) or sends a password reset mail;
 * a subclass of DRF's {@code ObtainAuthToken}, simplejwt's {@code TokenObtainPairView}, Django's {@code LoginView} or
 * {@code PasswordResetView}, and the same views routed with {@code as_view()} in a URL pattern. Silent when the
 * endpoint is throttled where the code shows it ({@link RateLimits}: DRF {@code throttle_classes} on the view or its
 * project base, {@code DEFAULT_THROTTLE_CLASSES} in the project's settings, {@code @ratelimit}, slowapi's
 * {@code @limiter.limit}, a {@code RateLimiter} dependency, the module's own limiter), when django-axes or
 * django-defender guard {@code authenticate()}, for password re-checks behind a login (a password change), and in
 * tests. A limit set by a reverse proxy cannot be seen: the message asks to verify.
 */
@Rule(key = "AuthEndpointWithoutRateLimit")
public class AuthEndpointWithoutRateLimitCheck extends BackendReviewCheck {

  enum Kind {
    LOGIN("login", "passwords"), TOKEN("token", "passwords"), OTP("one-time code", "codes"), RESET("password reset", "reset mails");

    final String endpoint;
    final String guessed;

    Kind(String endpoint, String guessed) {
      this.endpoint = endpoint;
      this.guessed = guessed;
    }
  }

  private static final Set<String> OTP_NAMES = Set.of("verify_otp", "check_otp", "verify_totp", "verify_hotp", "validate_otp");
  private static final Set<String> URL_PATTERNS = Set.of("path", "re_path", "url");

  @Override
  protected void register(Context context) {
    context.registerSyntaxNodeConsumer(Tree.Kind.FUNCDEF, AuthEndpointWithoutRateLimitCheck::checkHandler);
    context.registerSyntaxNodeConsumer(Tree.Kind.CLASSDEF, AuthEndpointWithoutRateLimitCheck::checkViewClass);
    context.registerSyntaxNodeConsumer(Tree.Kind.CALL_EXPR, AuthEndpointWithoutRateLimitCheck::checkUrlPattern);
  }

  private static void checkHandler(SubscriptionContext ctx) {
    FunctionDef function = (FunctionDef) ctx.syntaxNode();
    if (TestCode.isTestScenario(function)) {
      return;
    }
    Optional<Handler> handler = RequestHandlers.of(function, ctx);
    if (handler.isEmpty() || RequestHandlers.isBuiltByFactory(function)) {
      return;
    }
    ClassDef owner = Trees.methodOwner(function);
    if (owner != null && (TestCode.isTestClass(owner) || ClassHierarchy.extendsAny(owner, RateLimits.TOKEN_VIEWS.or(RateLimits.DJANGO_LOGIN_VIEWS)))) {
      // the view class is reported once, on its name
      return;
    }
    Evidence evidence = evidence(function, handler.get());
    if (evidence == null || evidence.kind == Kind.LOGIN && evidence.passwordRecheck && requiresLogin(function, owner)) {
      return;
    }
    if (isLimited(function, owner, handler.get(), evidence, ctx)) {
      return;
    }
    var issue = ctx.addIssue(function.name(), message(evidence.kind, handler.get().framework()));
    if (evidence.call != null) {
      issue.secondary(evidence.call, evidence.kind == Kind.RESET ? "The reset mail is sent here." : "The credential is checked here.");
    }
  }

  private record Evidence(Kind kind, CallExpression call, boolean passwordRecheck, boolean djangoAuthenticate) {
  }

  private static Evidence evidence(FunctionDef function, Handler handler) {
    Evidence[] found = {null};
    Trees.walk(function.body(), t -> found[0] == null && !t.is(Tree.Kind.FUNCDEF, Tree.Kind.LAMBDA, Tree.Kind.CLASSDEF), t -> {
      if (found[0] == null && t instanceof CallExpression call) {
        found[0] = evidence(call);
      }
    });
    if (found[0] == null && handler.framework() == Framework.FASTAPI && passwordForm(function)) {
      // a token route taking OAuth2PasswordRequestForm: the check may sit in a helper
      found[0] = new Evidence(Kind.TOKEN, null, false, false);
    }
    return found[0];
  }

  private static Evidence evidence(CallExpression call) {
    Optional<String> name = Fqns.calleeName(call);
    if (name.isEmpty()) {
      return null;
    }
    Optional<Expression> receiver = Fqns.receiver(call).map(Trees::skipParentheses);
    if (RateLimits.DJANGO_AUTHENTICATE.isCalledBy(call)) {
      return new Evidence(Kind.LOGIN, call, false, true);
    }
    if (("authenticate".equals(name.get()) || "authenticate_user".equals(name.get())) && receiver.filter(r -> r instanceof Name n
      && ("self".equals(n.name()) || "cls".equals(n.name()))).isEmpty() && mentionsPassword(call)) {
      return new Evidence(Kind.LOGIN, call, false, false);
    }
    if (PasswordVerifications.isVerification(call)) {
      return new Evidence(Kind.LOGIN, call, true, false);
    }
    if (RateLimits.OTP_MATCH.isCalledBy(call) || OTP_NAMES.contains(name.get())
      || "verify_token".equals(name.get()) && receiver.map(SourceText::of).filter(r -> r.toLowerCase(java.util.Locale.ROOT).contains("device")).isPresent()
      || "verify".equals(name.get()) && (Fqns.ofCallee(call).filter(f -> f.startsWith("pyotp.")).isPresent() || receiver.filter(AuthEndpointWithoutRateLimitCheck::isOneTimePassword).isPresent())) {
      return new Evidence(Kind.OTP, call, false, false);
    }
    if (RateLimits.PASSWORD_RESET_FORM.isCalledBy(call) || sendsResetMail(name.get())) {
      return new Evidence(Kind.RESET, call, false, false);
    }
    return null;
  }

  /** {@code totp} in {@code totp.verify(code)}: built by pyotp, or named for a TOTP/HOTP. */
  private static boolean isOneTimePassword(Expression receiver) {
    if (receiver instanceof Name name) {
      if (name.name().toLowerCase(java.util.Locale.ROOT).matches("[th]?otp|.*_[th]?otp|[th]?otp_.*")) {
        return true;
      }
      return ValueResolver.singleAssignedValue(name).filter(v -> v instanceof CallExpression c
        && Fqns.ofCallee(c).or(() -> Fqns.calleeName(c)).filter(f -> f.startsWith("pyotp.") || "TOTP".equals(f) || "HOTP".equals(f)).isPresent()).isPresent();
    }
    return receiver instanceof CallExpression c && Fqns.ofCallee(c).filter(f -> f.startsWith("pyotp.")).isPresent();
  }

  private static boolean mentionsPassword(CallExpression call) {
    for (Argument argument : call.arguments()) {
      if (argument instanceof RegularArgument regular && SourceText.of(regular).toLowerCase(java.util.Locale.ROOT).matches("(?s).*(password|passwd|pwd|credential).*")) {
        return true;
      }
    }
    return false;
  }

  private static boolean sendsResetMail(String name) {
    String lower = name.toLowerCase(java.util.Locale.ROOT);
    return lower.contains("reset") && lower.contains("password") && (lower.contains("mail") || lower.contains("send") || lower.contains("notify"));
  }

  private static boolean passwordForm(FunctionDef function) {
    for (Parameter parameter : RequestHandlers.namedParameters(function)) {
      if (parameter.typeAnnotation() != null && RateLimits.FASTAPI_PASSWORD_FORM.matches(parameter.typeAnnotation().expression())) {
        return true;
      }
      if (parameter.defaultValue() instanceof CallExpression depends && depends.arguments().size() == 1
        && depends.arguments().get(0) instanceof RegularArgument dependency && RateLimits.FASTAPI_PASSWORD_FORM.matches(dependency.expression())) {
        return true;
      }
    }
    return false;
  }

  private static boolean requiresLogin(FunctionDef function, ClassDef owner) {
    return DjangoSessionAuth.requiresLogin(function) || owner != null && DjangoSessionAuth.requiresLogin(owner);
  }

  private static boolean isLimited(FunctionDef function, ClassDef owner, Handler handler, Evidence evidence, SubscriptionContext ctx) {
    if (RateLimits.limitingDecorator(function).isPresent() || RateLimits.hasLimiterDependency(function)
      || RateLimits.limitingCall(function.body()).isPresent() || importsLimiter(ctx)) {
      return true;
    }
    if (owner != null && (owner.decorators().stream().anyMatch(d -> RateLimits.namesLimiter(SourceText.of(d.expression())))
      || method(owner, "dispatch").filter(d -> RateLimits.limitingDecorator(d).isPresent()).isPresent())) {
      return true;
    }
    DjangoProjectSettings.Throttling project = DjangoProjectSettings.of(ctx).throttling();
    if (evidence.djangoAuthenticate && project.bruteForceApp() == TriBool.TRUE) {
      return true;
    }
    if (handler.framework() == Framework.DRF) {
      return drfThrottled(owner, ctx, project);
    }
    return false;
  }

  /** Throttling of a DRF view: its own or a project base's {@code throttle_classes}, else the project default. */
  private static boolean drfThrottled(ClassDef view, SubscriptionContext ctx, DjangoProjectSettings.Throttling project) {
    if (view != null) {
      Optional<Boolean> own = RateLimits.drfThrottleClasses(view);
      if (own.isPresent()) {
        return own.get();
      }
      if (DrfViews.setsAttribute(view, "throttle_classes", ctx) != TriBool.FALSE || method(view, "get_throttles").isPresent()) {
        return true;
      }
    }
    return project.drfDefaultThrottle() == TriBool.TRUE;
  }

  private static void checkViewClass(SubscriptionContext ctx) {
    ClassDef view = (ClassDef) ctx.syntaxNode();
    if (TestCode.isTestClass(view)) {
      return;
    }
    boolean token = ClassHierarchy.extendsAny(view, RateLimits.TOKEN_VIEWS);
    if (!token && !ClassHierarchy.extendsAny(view, RateLimits.DJANGO_LOGIN_VIEWS)) {
      return;
    }
    if (view.decorators().stream().anyMatch(d -> RateLimits.namesLimiter(SourceText.of(d.expression()))) || importsLimiter(ctx)
      || method(view, "dispatch").filter(d -> RateLimits.limitingDecorator(d).isPresent()
        || RateLimits.limitingCall(d.body()).isPresent()).isPresent()
      || method(view, "post").filter(d -> RateLimits.limitingDecorator(d).isPresent()
        || RateLimits.limitingCall(d.body()).isPresent()).isPresent()) {
      return;
    }
    DjangoProjectSettings.Throttling project = DjangoProjectSettings.of(ctx).throttling();
    if (token ? drfThrottled(view, ctx, project) : project.bruteForceApp() == TriBool.TRUE) {
      return;
    }
    boolean reset = ClassHierarchy.extendsAny(view, RateLimits.DJANGO_PASSWORD_RESET_VIEW);
    ctx.addIssue(view.name(), message(reset ? Kind.RESET : token ? Kind.TOKEN : Kind.LOGIN, token ? Framework.DRF : Framework.DJANGO));
  }

  /** {@code path("token/", TokenObtainPairView.as_view())}, {@code path("login/", LoginView.as_view())}, {@code obtain_auth_token}. */
  private static void checkUrlPattern(SubscriptionContext ctx) {
    CallExpression pattern = (CallExpression) ctx.syntaxNode();
    if (Fqns.calleeName(pattern).filter(URL_PATTERNS::contains).isEmpty() || pattern.arguments().size() < 2
      || !(pattern.arguments().get(1) instanceof RegularArgument viewArgument) || viewArgument.keywordArgument() != null) {
      return;
    }
    Expression view = Trees.skipParentheses(viewArgument.expression());
    boolean token;
    Kind kind;
    if (RateLimits.OBTAIN_AUTH_TOKEN.matches(view)) {
      token = true;
      kind = Kind.TOKEN;
    } else if (view instanceof CallExpression asView && Fqns.calleeName(asView).filter("as_view"::equals).isPresent()
      && asView.callee() instanceof QualifiedExpression q) {
      token = ClassHierarchy.isOrExtends(q.qualifier(), RateLimits.TOKEN_VIEWS);
      boolean login = ClassHierarchy.isOrExtends(q.qualifier(), RateLimits.DJANGO_LOGIN_VIEWS);
      if (!token && !login || Trees.enclosingClass(pattern) != null) {
        return;
      }
      if (isProjectClass(q.qualifier())) {
        // the class itself is reported where it is defined
        return;
      }
      Optional<Boolean> keyword = RateLimits.throttleKeyword(asView);
      if (keyword.isPresent() && keyword.get()) {
        return;
      }
      kind = token ? Kind.TOKEN : Fqns.of(q.qualifier()).filter(f -> f.endsWith("PasswordResetView")).isPresent() ? Kind.RESET : Kind.LOGIN;
    } else {
      return;
    }
    DjangoProjectSettings.Throttling project = DjangoProjectSettings.of(ctx).throttling();
    if (importsLimiter(ctx) || (token ? project.drfDefaultThrottle() == TriBool.TRUE : project.bruteForceApp() == TriBool.TRUE)) {
      return;
    }
    ctx.addIssue(view, message(kind, token ? Framework.DRF : Framework.DJANGO));
  }

  private static Optional<FunctionDef> method(ClassDef classDef, String name) {
    return Optional.ofNullable(DjangoQuerySets.method(classDef, name));
  }

  private static boolean isProjectClass(Expression classExpression) {
    return Fqns.of(classExpression).filter(f -> f.startsWith("rest_framework") || f.startsWith("django.") || f.startsWith("dj_rest_auth")
      || f.startsWith("rest_auth")).isEmpty();
  }

  private static boolean importsLimiter(SubscriptionContext ctx) {
    return RateLimits.moduleWideLimit(AnalysisContext.of(ctx));
  }

  private static String message(Kind kind, Framework framework) {
    String limiters = switch (framework) {
      case DRF -> "DRF \"throttle_classes\" or django-axes";
      case DJANGO -> "django-axes or django-ratelimit's @ratelimit";
      case FASTAPI -> "slowapi's @limiter.limit or fastapi-limiter's RateLimiter";
      case FLASK -> "Flask-Limiter's @limiter.limit";
    };
    return "Limit the attempts on this " + kind.endpoint + " endpoint (" + limiters + "), or verify that a proxy does: without a limit, "
      + kind.guessed + " can be " + (kind == Kind.RESET ? "sent" : "guessed") + " at full speed.";
  }
}
