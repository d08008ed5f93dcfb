/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.semantics.security;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.backendreview.semantics.project.AnalysisContext;
import org.backendreview.semantics.project.ClassHierarchy;
import org.backendreview.tree.Api;
import org.backendreview.tree.Fqns;
import org.backendreview.tree.Literals;
import org.backendreview.tree.Trees;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.ClassDef;
import org.sonar.plugins.python.api.tree.Decorator;
import org.sonar.plugins.python.api.tree.Expression;
import org.sonar.plugins.python.api.tree.FunctionDef;
import org.sonar.plugins.python.api.tree.ImportFrom;
import org.sonar.plugins.python.api.tree.ImportName;
import org.sonar.plugins.python.api.tree.Name;
import org.sonar.plugins.python.api.tree.QualifiedExpression;
import org.sonar.plugins.python.api.tree.Statement;
import org.sonar.plugins.python.api.tree.SubscriptionExpression;
import org.sonar.plugins.python.api.tree.Tree;

/**
 * Django's cookie-session authentication as the access-control rules see it: the CSRF exemption decorator, the
 * decorators and mixins that require a logged-in user, the calls that rotate the session key on login, the session keys
 * that hold the authenticated identity, and the reads that show a view acts for the user of the session cookie.
 */
public final class DjangoSessionAuth {

  public static final Api CSRF_EXEMPT = Api.of("django.views.decorators.csrf.csrf_exempt");
  public static final Api METHOD_DECORATOR = Api.of("django.utils.decorators.method_decorator");
  /** Decorators that let only an authenticated (and possibly authorized) session user in. */
  public static final Api LOGIN_DECORATORS = Api.of("django.contrib.auth.decorators.login_required",
    "django.contrib.auth.decorators.permission_required", "django.contrib.auth.decorators.user_passes_test",
    "django.contrib.admin.views.decorators.staff_member_required");
  /** Class-based-view mixins with the same effect. */
  public static final Api LOGIN_MIXINS = Api.of("django.contrib.auth.mixins.LoginRequiredMixin",
    "django.contrib.auth.mixins.PermissionRequiredMixin", "django.contrib.auth.mixins.UserPassesTestMixin");
  /** Django's login, which rotates the session key ({@code cycle_key()}) before storing the user. */
  public static final Api LOGIN = Api.of("django.contrib.auth.login");
  /** The session key under which Django stores the authenticated user's id. */
  public static final Api SESSION_KEY = Api.of("django.contrib.auth.SESSION_KEY");
  /** Session methods that give the session a new key (or a new, empty session). */
  public static final Set<String> SESSION_ROTATIONS = Set.of("cycle_key", "flush", "create");
  /** Literal session keys that, once set, make the session an authenticated one. */
  public static final Set<String> IDENTITY_SESSION_KEYS = Set.of("user", "user_id", "userid", "uid", "user_pk", "username",
    "user_name", "account_id", "member_id", "authenticated", "is_authenticated", "logged_in", "is_logged_in", "auth_user",
    "auth_user_id", "_auth_user_id", "logged_user", "current_user", "login_user");
  /** Words of call names that verify who sent a request without the session cookie: a signature, a token, a MAC. */
  private static final Set<String> VERIFICATION_WORDS = Set.of("verify", "verified", "signature", "signed", "sign", "unsign",
    "hmac", "authenticate", "token", "compare", "digest", "validate");

  private DjangoSessionAuth() {
  }

  /** True when the module imports Django (its sessions live on the server). */
  public static boolean importsDjango(AnalysisContext context) {
    for (Statement statement : context.imports()) {
      if (statement instanceof ImportFrom from && from.module() != null && !from.module().names().isEmpty()
        && "django".equals(from.module().names().get(0).name())) {
        return true;
      }
      if (statement instanceof ImportName importName && importName.modules().stream()
        .anyMatch(m -> "django".equals(m.dottedName().names().get(0).name()))) {
        return true;
      }
    }
    return false;
  }

  /** The decorator's API name, for {@code @d} and {@code @d(...)}. */
  public static Optional<String> decoratorFqn(Decorator decorator) {
    Expression expression = decorator.expression();
    return expression instanceof CallExpression call ? Fqns.ofCallee(call) : Fqns.of(expression);
  }

  /** The {@code @csrf_exempt} or {@code @method_decorator(csrf_exempt)} decorator of a function, if any. */
  public static Optional<Decorator> csrfExemption(FunctionDef function) {
    return function.decorators().stream().filter(DjangoSessionAuth::isCsrfExemption).findFirst();
  }

  /** {@code @csrf_exempt}, {@code @method_decorator(csrf_exempt)}, {@code @method_decorator([csrf_exempt, ...])}. */
  public static boolean isCsrfExemption(Decorator decorator) {
    Expression expression = decorator.expression();
    if (CSRF_EXEMPT.matches(expression)) {
      return true;
    }
    if (expression instanceof CallExpression call && METHOD_DECORATOR.isCalledBy(call) && !call.arguments().isEmpty()
      && call.arguments().get(0) instanceof org.sonar.plugins.python.api.tree.RegularArgument first) {
      Expression decorated = first.expression();
      return CSRF_EXEMPT.matches(decorated) || Literals.collectionElements(decorated)
        .map(elements -> elements.stream().anyMatch(CSRF_EXEMPT::matches)).orElse(false);
    }
    return false;
  }

  /** True when a decorator of the function (directly or through {@code method_decorator}) requires a logged-in user. */
  public static boolean requiresLogin(FunctionDef function) {
    for (Decorator decorator : function.decorators()) {
      Expression expression = decorator.expression();
      if (LOGIN_DECORATORS.matches(expression) || expression instanceof CallExpression call && (LOGIN_DECORATORS.isCalledBy(call)
        || METHOD_DECORATOR.isCalledBy(call) && call.arguments().stream().anyMatch(a -> a instanceof org.sonar.plugins.python.api.tree.RegularArgument r
          && (LOGIN_DECORATORS.matches(r.expression()) || r.expression() instanceof CallExpression inner && LOGIN_DECORATORS.isCalledBy(inner))))) {
        return true;
      }
    }
    return false;
  }

  /** True when the class-based view requires a logged-in user through a mixin. */
  public static boolean requiresLogin(ClassDef view) {
    return ClassHierarchy.extendsAny(view, LOGIN_MIXINS);
  }

  /**
   * True for the request's session-authenticated user or session: {@code request.user}, {@code request.session},
   * {@code self.request.user}.
   */
  public static boolean isSessionIdentityRead(Tree tree) {
    return tree instanceof QualifiedExpression qualified && ("user".equals(qualified.name().name()) || "session".equals(qualified.name().name()))
      && isRequest(qualified.qualifier());
  }

  /** {@code request}, {@code self.request}. */
  public static boolean isRequest(Expression expression) {
    Expression e = Trees.skipParentheses(expression);
    if (e instanceof Name name) {
      return "request".equals(name.name()) || "req".equals(name.name());
    }
    return e instanceof QualifiedExpression qualified && "request".equals(qualified.name().name())
      && Trees.skipParentheses(qualified.qualifier()) instanceof Name self && "self".equals(self.name());
  }

  /** {@code request.session[KEY]} with a key that names the authenticated identity; the key expression. */
  public static Optional<Expression> identitySessionKey(Expression target) {
    if (!(Trees.skipParentheses(target) instanceof SubscriptionExpression subscription)
      || !(Trees.skipParentheses(subscription.object()) instanceof QualifiedExpression session)
      || !"session".equals(session.name().name()) || !isRequest(session.qualifier())
      || subscription.subscripts().expressions().size() != 1) {
      return Optional.empty();
    }
    Expression key = subscription.subscripts().expressions().get(0);
    boolean identity = Literals.stringValue(key).map(k -> IDENTITY_SESSION_KEYS.contains(k.toLowerCase(Locale.ROOT))).orElse(false)
      || SESSION_KEY.matches(key);
    return identity ? Optional.of(key) : Optional.empty();
  }

  /** {@code request.session.cycle_key()}/{@code flush()}, or Django's {@code login(request, user)}. */
  public static boolean rotatesSession(CallExpression call) {
    if (LOGIN.isCalledBy(call)) {
      return true;
    }
    Optional<String> method = Fqns.calleeName(call);
    Optional<Expression> receiver = Fqns.receiver(call);
    return method.isPresent() && SESSION_ROTATIONS.contains(method.get()) && receiver.isPresent()
      && Trees.skipParentheses(receiver.get()) instanceof QualifiedExpression session && "session".equals(session.name().name());
  }

  /**
   * True for a call that verifies who sent the request by other means than the session cookie: a constant-time
   * comparison, an HMAC, or a function named for a signature, token or verification ({@code verify_signature(...)},
   * {@code signing.loads(...)}, {@code check_token(...)}).
   */
  public static boolean isRequestVerification(CallExpression call) {
    if (SecurityApi.CONSTANT_TIME_COMPARE.isCalledBy(call) || SecurityApi.HMAC_NEW.isCalledBy(call) || SecurityApi.HMAC_DIGEST.isCalledBy(call)) {
      return true;
    }
    Optional<String> name = Fqns.calleeName(call);
    if (name.isEmpty()) {
      return false;
    }
    if ("loads".equals(name.get()) && Fqns.ofCallee(call).filter(f -> f.startsWith("django.core.signing")).isPresent()) {
      return true;
    }
    return Secrets.words(name.get()).stream().anyMatch(VERIFICATION_WORDS::contains);
  }

  /** Words of decorator names that restrict a view to some users ({@code @login_required}, {@code @staff_required}, {@code @owner_only}). */
  private static final Set<String> ACCESS_WORDS = Set.of("login", "permission", "permissions", "perm", "perms", "staff", "superuser",
    "auth", "authenticated", "authorized", "admin", "owner", "only", "required", "member", "moderator", "role", "roles", "access");
  /** Names read in a view body that show an inline access check ({@code if not request.user.is_authenticated: ...}). */
  private static final Set<String> INLINE_CHECKS = Set.of("is_authenticated", "is_anonymous", "has_perm", "has_perms",
    "has_module_perms", "is_staff", "is_superuser", "PermissionDenied", "HttpResponseForbidden", "redirect_to_login",
    "check_permissions", "check_object_permissions", "user_passes_test");
  /** Words of view names that are public by design: logins, sign-ups, password resets, webhooks, health checks. */
  private static final Set<String> PUBLIC_VIEW_WORDS = Set.of("login", "logout", "signin", "signup", "register", "registration",
    "password", "reset", "activate", "activation", "confirm", "verify", "webhook", "callback", "hook", "health", "ping",
    "subscribe", "unsubscribe", "contact", "feedback", "public", "anonymous", "token", "oauth", "saml", "sso", "cas", "openid",
    "invitation", "invite", "accept");

  /** True when a decorator of the function is named for access control (Django's own, or a project's {@code @staff_only}). */
  public static boolean hasAccessDecorator(FunctionDef function) {
    if (requiresLogin(function)) {
      return true;
    }
    for (Decorator decorator : function.decorators()) {
      Expression expression = decorator.expression();
      Expression callee = expression instanceof CallExpression call ? call.callee() : expression;
      Optional<String> name = Trees.skipParentheses(callee) instanceof QualifiedExpression q ? Optional.of(q.name().name())
        : Trees.skipParentheses(callee) instanceof Name n ? Optional.of(n.name()) : Optional.empty();
      if (name.isPresent() && Secrets.words(name.get()).stream().anyMatch(ACCESS_WORDS::contains)) {
        return true;
      }
    }
    return false;
  }

  /** True when the function's body checks the user's access itself (a name or attribute of {@link #INLINE_CHECKS}). */
  public static boolean checksAccessInline(FunctionDef function) {
    boolean[] found = {false};
    Trees.walk(function.body(), t -> !found[0], t -> {
      if (t instanceof Name name && INLINE_CHECKS.contains(name.name())) {
        found[0] = true;
      }
    });
    return found[0];
  }

  /** True when the view's name says it is public by design (a login, a sign-up, a password reset, a webhook). */
  public static boolean isPublicByName(String viewName) {
    return Secrets.words(viewName).stream().anyMatch(PUBLIC_VIEW_WORDS::contains);
  }

  /**
   * A write a view makes: a proven Django ORM write, a queryset write on a manager chain ({@code Model.objects...}) even
   * when the model's module does not resolve, or a {@code save()}/{@code delete()} (a model instance or a model form).
   */
  public static boolean isViewWrite(CallExpression call, org.sonar.plugins.python.api.SubscriptionContext ctx) {
    if (org.backendreview.semantics.django.DjangoWrites.of(call, ctx).isPresent()) {
      return true;
    }
    Optional<String> method = Fqns.calleeName(call);
    Optional<Expression> receiver = Fqns.receiver(call);
    if (method.isEmpty() || receiver.isEmpty()) {
      return false;
    }
    if (org.backendreview.semantics.django.DjangoWrites.QUERYSET_WRITES.contains(method.get()) && onManager(receiver.get())) {
      return true;
    }
    return ("save".equals(method.get()) || "delete".equals(method.get())) && !isRequest(receiver.get())
      && !(Trees.skipParentheses(receiver.get()) instanceof QualifiedExpression session && "session".equals(session.name().name()));
  }

  private static boolean onManager(Expression receiver) {
    Expression e = Trees.skipParentheses(receiver);
    while (true) {
      if (e instanceof QualifiedExpression qualified) {
        if ("objects".equals(qualified.name().name())) {
          return true;
        }
        e = Trees.skipParentheses(qualified.qualifier());
      } else if (e instanceof CallExpression call) {
        e = Trees.skipParentheses(call.callee());
      } else {
        return false;
      }
    }
  }
}
