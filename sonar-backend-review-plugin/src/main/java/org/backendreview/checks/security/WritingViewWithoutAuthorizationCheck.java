/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.security;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.backendreview.checks.BackendReviewCheck;
import org.backendreview.semantics.django.DjangoProjectSettings;
import org.backendreview.semantics.drf.DrfPermissions;
import org.backendreview.semantics.fastapi.FastApi;
import org.backendreview.semantics.fastapi.FastApiAuth;
import org.backendreview.semantics.project.AnalysisContext;
import org.backendreview.semantics.security.DjangoSessionAuth;
import org.backendreview.semantics.security.Secrets;
import org.backendreview.semantics.web.RequestHandlers;
import org.backendreview.tree.Fqns;
import org.backendreview.tree.TestCode;
import org.backendreview.tree.Trees;
import org.sonar.check.Rule;
import org.sonar.plugins.python.api.PythonCheck.PreciseIssue;
import org.sonar.plugins.python.api.SubscriptionContext;
import org.sonar.plugins.python.api.TriBool;
import org.sonar.plugins.python.api.symbols.v2.SymbolV2;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.ClassDef;
import org.sonar.plugins.python.api.tree.Decorator;
import org.sonar.plugins.python.api.tree.FunctionDef;
import org.sonar.plugins.python.api.tree.Name;
import org.sonar.plugins.python.api.tree.QualifiedExpression;
import org.sonar.plugins.python.api.tree.Tree;

/**
 * SEC-23, missing authorization on an endpoint that writes, where its siblings require one (a human confirms: the
 * message says "verify"):
 * <ul>
 *   <li>Django function views (below);</li>
 *   <li>Django REST framework views and viewsets that write (create/update/destroy generics and mixins, write methods,
 *   writing {@code @action}s, {@code @api_view} functions with write methods) with {@code permission_classes} set to
 *   {@code [AllowAny]}, {@code []} or {@code ()}, or with none where the project's settings leave DRF's default
 *   ({@code AllowAny}), in a module where at least two other views declare restrictive {@code permission_classes}; silent
 *   for views public by design (sign-up, login, token, password reset, webhook: by name or base), views that compute
 *   their permissions or check the user inline, and project base classes that may set permissions;</li>
 *   <li>FastAPI routes that write (PUT, PATCH, DELETE, or a POST named for a create/update/delete or whose body writes)
 *   with no authentication dependency, on a router or application built and included without dependencies, while at least
 *   two sibling routes of the same router declare one ({@link FastApiAuth}); silent for authentication endpoints, routes
 *   public by name, routes with other decorators or unreadable dependencies, and routes that verify a token themselves.</li>
 * </ul>
 * Django function views: a module-level Django view that writes (an ORM write, a {@code save()} or
 * {@code delete()}) with no access decorator and no access check in its body, in a module where at least two other
 * views require a login or a permission ({@code @login_required}, {@code @permission_required}, a project decorator
 * named for access control). The siblings show the module's views are meant to be protected; this one may have been
 * forgotten. A human confirms: the message says "verify". Silent for views named for public use (login, sign-up,
 * password reset, webhook, callback), for views with a decorator the rule does not know (it may check access), in
 * tests, and when the body checks {@code request.user.is_authenticated}, {@code has_perm()} or raises
 * {@code PermissionDenied}.
 */
@Rule(key = "WritingViewWithoutAuthorization")
public class WritingViewWithoutAuthorizationCheck extends BackendReviewCheck {

  private static final int MIN_PROTECTED_SIBLINGS = 2;
  private static final String DJANGO_VIEW_DECORATORS = "django.views.decorators.";
  private static final Set<String> WRITE_METHODS = Set.of("POST", "PUT", "PATCH", "DELETE");
  /** Calls that write in a route body: sessions, ORMs, document stores, caches. */
  private static final Set<String> WRITE_CALLS = Set.of("add", "add_all", "commit", "save", "delete", "insert", "insert_one", "insert_many",
    "update_one", "update_many", "delete_one", "delete_many", "bulk_create", "bulk_update", "create", "merge", "put_item", "upsert",
    "replace_one", "remove");
  /** Words of route names that create, change or delete. */
  private static final Set<String> WRITE_WORDS = Set.of("create", "add", "new", "update", "delete", "remove", "upload", "save", "edit",
    "insert", "import", "submit", "upsert", "replace", "archive", "publish", "cancel", "approve", "reject", "destroy", "write", "modify",
    "change", "set", "assign", "grant", "revoke", "purge", "clear", "reset", "transfer", "send");

  @Override
  protected void register(Context context) {
    context.registerSyntaxNodeConsumer(Tree.Kind.FILE_INPUT, WritingViewWithoutAuthorizationCheck::checkModule);
  }

  private static void checkModule(SubscriptionContext ctx) {
    AnalysisContext context = AnalysisContext.of(ctx);
    checkDjangoFunctionViews(ctx, context);
    checkDrfViews(ctx, context);
    if (context.importsFastApi()) {
      checkFastApiRoutes(ctx, context);
    }
  }

  private static void checkDjangoFunctionViews(SubscriptionContext ctx, AnalysisContext context) {
    List<FunctionDef> protectedViews = new ArrayList<>();
    List<FunctionDef> candidates = new ArrayList<>();
    for (FunctionDef function : context.functions()) {
      if (Trees.enclosingFunction(function) != null || Trees.enclosingClass(function) != null || TestCode.isTestScenario(function)) {
        continue;
      }
      Optional<RequestHandlers.Handler> handler = RequestHandlers.of(function, ctx);
      if (handler.isEmpty() || handler.get().framework() != RequestHandlers.Framework.DJANGO) {
        continue;
      }
      if (DjangoSessionAuth.hasAccessDecorator(function)) {
        protectedViews.add(function);
      } else if (!handler.get().servesOnlySafeMethods() && onlyDjangoDecorators(function)) {
        candidates.add(function);
      }
    }
    if (protectedViews.size() < MIN_PROTECTED_SIBLINGS) {
      return;
    }
    for (FunctionDef view : candidates) {
      if (DjangoSessionAuth.isPublicByName(view.name().name()) || DjangoSessionAuth.checksAccessInline(view) || isCalledInModule(view)) {
        continue;
      }
      Optional<CallExpression> write = firstWrite(view, ctx);
      if (write.isPresent()) {
        ctx.addIssue(view.name(), "Verify that \"" + view.name().name() + "\" may be called by anyone: it writes with no login or"
          + " permission check, while " + protectedViews.size() + " views of this module require one.")
          .secondary(write.get(), "Writes here.")
          .secondary(protectedViews.get(0).decorators().get(0), "A sibling view requires a login.");
      }
    }
  }

  // ------------------------------------------------------------------ Django REST framework

  /** A DRF view of the module with how its permissions read. */
  private record DrfView(Tree view, Name name, DrfPermissions.Access access) {
  }

  private static void checkDrfViews(SubscriptionContext ctx, AnalysisContext context) {
    List<DrfView> views = new ArrayList<>();
    for (ClassDef classDef : context.classes()) {
      if (Trees.enclosingClass(classDef) == null && Trees.enclosingFunction(classDef) == null && !TestCode.isTestClass(classDef)
        && DrfPermissions.isView(classDef)) {
        views.add(new DrfView(classDef, classDef.name(), DrfPermissions.access(classDef)));
      }
    }
    for (FunctionDef function : context.functions()) {
      if (Trees.enclosingFunction(function) == null && Trees.enclosingClass(function) == null && DrfPermissions.isFunctionView(function)) {
        views.add(new DrfView(function, function.name(), DrfPermissions.access(function)));
      }
    }
    List<DrfView> restricted = views.stream().filter(v -> v.access() == DrfPermissions.Access.RESTRICTED).toList();
    if (restricted.size() < MIN_PROTECTED_SIBLINGS) {
      return;
    }
    Boolean defaultAllowsAny = null;
    for (DrfView view : views) {
      if (view.access() == DrfPermissions.Access.DEFAULT && defaultAllowsAny == null) {
        defaultAllowsAny = DjangoProjectSettings.of(ctx).defaultPermissionAllowsAny() == TriBool.TRUE;
      }
      boolean open = view.access() == DrfPermissions.Access.ALLOW_ANY
        || view.access() == DrfPermissions.Access.DEFAULT && Boolean.TRUE.equals(defaultAllowsAny);
      if (!open) {
        continue;
      }
      Optional<Tree> write = drfWrite(view.view(), ctx);
      if (write.isEmpty() || isPublicDrfView(view)) {
        continue;
      }
      String name = view.name().name();
      String how = view.access() == DrfPermissions.Access.ALLOW_ANY ? "its permission_classes let anyone in"
        : "it declares no permission_classes and the project's default is AllowAny";
      PreciseIssue issue = ctx.addIssue(view.name(), "Verify that \"" + name + "\" may be called by anyone: it writes and " + how
        + ", while " + restricted.size() + " views of this module require a permission.");
      DrfPermissions.declaration(view.view()).ifPresent(d -> issue.secondary(d, "Lets anyone in."));
      issue.secondary(write.get(), "Writes here.");
      DrfPermissions.declaration(restricted.get(0).view())
        .ifPresent(d -> issue.secondary(d, "\"" + restricted.get(0).name().name() + "\" requires a permission."));
    }
  }

  private static Optional<Tree> drfWrite(Tree view, SubscriptionContext ctx) {
    return view instanceof ClassDef classDef ? DrfPermissions.write(classDef, ctx) : DrfPermissions.write((FunctionDef) view, ctx).map(Tree.class::cast);
  }

  private static boolean isPublicDrfView(DrfView view) {
    if (view.view() instanceof ClassDef classDef) {
      return DrfPermissions.isPublicByDesign(classDef) || DrfPermissions.checksAccessInline(classDef);
    }
    FunctionDef function = (FunctionDef) view.view();
    return DjangoSessionAuth.isPublicByName(function.name().name()) || DrfPermissions.checksAccessInline(function)
      || function.decorators().stream().anyMatch(d -> DjangoSessionAuth.decoratorFqn(d)
        .filter(f -> f.startsWith("rest_framework.decorators.") || f.startsWith(DJANGO_VIEW_DECORATORS)).isEmpty());
  }

  // ------------------------------------------------------------------ FastAPI

  /** A route of the module and the authentication dependency it declares, if any. */
  private record FastApiRoute(FastApi.Route route, Optional<Tree> authentication) {
  }

  private static void checkFastApiRoutes(SubscriptionContext ctx, AnalysisContext context) {
    Map<SymbolV2, List<FastApiRoute>> byOwner = new LinkedHashMap<>();
    Map<SymbolV2, Name> owners = new HashMap<>();
    for (FunctionDef function : context.functions()) {
      if (Trees.enclosingFunction(function) != null || Trees.enclosingClass(function) != null || TestCode.isTestScenario(function)) {
        continue;
      }
      Optional<FastApi.Route> route = FastApi.route(function);
      if (route.isEmpty() || route.get().websocket()
        || !(Trees.skipParentheses(route.get().decorator().callee()) instanceof QualifiedExpression callee)
        || !(Trees.skipParentheses(callee.qualifier()) instanceof Name owner) || owner.symbolV2() == null) {
        continue;
      }
      owners.putIfAbsent(owner.symbolV2(), owner);
      byOwner.computeIfAbsent(owner.symbolV2(), k -> new ArrayList<>()).add(new FastApiRoute(route.get(), FastApiAuth.routeDependency(route.get())));
    }
    for (Map.Entry<SymbolV2, List<FastApiRoute>> group : byOwner.entrySet()) {
      List<FastApiRoute> routes = group.getValue();
      List<FastApiRoute> authenticated = routes.stream().filter(r -> r.authentication().isPresent()).toList();
      if (authenticated.size() < MIN_PROTECTED_SIBLINGS) {
        continue;
      }
      Name owner = owners.get(group.getKey());
      Optional<Boolean> ownerDependencies = FastApiAuth.ownerHasDependencies(owner, context.calls(), ctx);
      if (ownerDependencies.isEmpty() || ownerDependencies.get()) {
        continue;
      }
      for (FastApiRoute candidate : routes) {
        if (candidate.authentication().isPresent()) {
          continue;
        }
        Optional<Tree> write = fastApiWrite(candidate.route());
        if (write.isEmpty() || isPublicRoute(candidate.route())) {
          continue;
        }
        FunctionDef function = candidate.route().function();
        String method = String.join("/", new TreeSet<>(candidate.route().methods()));
        ctx.addIssue(function.name(), "Verify that \"" + function.name().name() + "\" may be called by anyone: this " + method
          + " route has no authentication dependency, while " + authenticated.size() + " routes of \"" + owner.name() + "\" declare one.")
          .secondary(write.get(), "Writes here.")
          .secondary(authenticated.get(0).authentication().get(), "A sibling route authenticates its caller.");
      }
    }
  }

  private static Optional<Tree> fastApiWrite(FastApi.Route route) {
    Set<String> methods = route.methods();
    if (methods.stream().noneMatch(WRITE_METHODS::contains)) {
      return Optional.empty();
    }
    FunctionDef function = route.function();
    for (CallExpression call : Trees.descendantsInSameScope(function.body(), Tree.Kind.CALL_EXPR, CallExpression.class)) {
      if (Fqns.calleeName(call).filter(WRITE_CALLS::contains).isPresent() && Fqns.receiver(call).isPresent()) {
        return Optional.of(call);
      }
    }
    boolean named = Secrets.words(function.name().name()).stream().anyMatch(WRITE_WORDS::contains);
    if (named || methods.stream().anyMatch(m -> !"POST".equals(m) && WRITE_METHODS.contains(m))) {
      return Optional.of(route.decorator());
    }
    return Optional.empty();
  }

  private static boolean isPublicRoute(FastApi.Route route) {
    FunctionDef function = route.function();
    if (FastApi.isAuthenticationEndpoint(route) || DjangoSessionAuth.isPublicByName(function.name().name())
      || DjangoSessionAuth.isPublicByName(route.path().replace('/', '_').replace('-', '_'))
      || function.decorators().size() > 1 || FastApiAuth.hasOpaqueDependencies(route)) {
      return true;
    }
    return Trees.descendantsInSameScope(function.body(), Tree.Kind.CALL_EXPR, CallExpression.class).stream()
      .anyMatch(call -> DjangoSessionAuth.isRequestVerification(call) || Fqns.calleeName(call).filter(FastApiAuth::isAuthName).isPresent());
  }

  /** A helper the module's views call ({@code perform_delete(request, comment)}), not a view: its callers check access. */
  private static boolean isCalledInModule(FunctionDef function) {
    SymbolV2 symbol = function.name().symbolV2();
    return symbol != null && symbol.usages().stream()
      .anyMatch(u -> u.tree().parent() instanceof CallExpression call && call.callee() == u.tree());
  }

  private static boolean onlyDjangoDecorators(FunctionDef function) {
    for (Decorator decorator : function.decorators()) {
      Optional<String> fqn = DjangoSessionAuth.decoratorFqn(decorator);
      if (fqn.isEmpty() || !fqn.get().startsWith(DJANGO_VIEW_DECORATORS)) {
        return false;
      }
    }
    return true;
  }

  private static Optional<CallExpression> firstWrite(FunctionDef view, SubscriptionContext ctx) {
    return Trees.descendantsInSameScope(view.body(), Tree.Kind.CALL_EXPR, CallExpression.class).stream()
      .filter(call -> DjangoSessionAuth.isViewWrite(call, ctx)).findFirst();
  }
}
