/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.semantics.web;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.backendreview.semantics.http.HttpLibraries;
import org.backendreview.semantics.project.ClassHierarchy;
import org.backendreview.tree.Arguments;
import org.backendreview.tree.Fqns;
import org.backendreview.tree.Literals;
import org.backendreview.tree.Trees;
import org.sonar.plugins.python.api.SubscriptionContext;
import org.sonar.plugins.python.api.symbols.Symbol;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.ClassDef;
import org.sonar.plugins.python.api.tree.Decorator;
import org.sonar.plugins.python.api.tree.Expression;
import org.sonar.plugins.python.api.tree.FunctionDef;
import org.sonar.plugins.python.api.tree.Name;
import org.sonar.plugins.python.api.tree.Parameter;
import org.sonar.plugins.python.api.tree.Tree;

/**
 * Which functions handle HTTP requests, for which framework and methods:
 * <ul>
 *   <li>FastAPI/Starlette path operations: decorators {@code @app.get(...)}, {@code @router.post(...)},
 *   {@code @app.api_route(..., methods=[...])} on {@code FastAPI}/{@code APIRouter} objects;</li>
 *   <li>Flask views: {@code @app.route(...)}, {@code @bp.get(...)};</li>
 *   <li>DRF: {@code @api_view([...])} functions, and methods of {@code APIView}/{@code ViewSet} subclasses
 *   (HTTP verbs, viewset actions, {@code @action} methods);</li>
 *   <li>Django class-based views: HTTP-verb methods and {@code dispatch} of {@code django.views} subclasses;</li>
 *   <li>Django function views: a module-level function whose first parameter is {@code request} and that is routed in
 *   a {@code urls.py} (SonarPython's Django view index), decorated with a Django view decorator, or defined in a
 *   {@code views} module.</li>
 * </ul>
 * Unknown frameworks or unresolvable decorators give no handler (callers stay silent).
 */
public final class RequestHandlers {

  public enum Framework {
    DJANGO, DRF, FASTAPI, FLASK
  }

  /**
   * A request handler.
   *
   * @param function the handler function
   * @param framework its framework
   * @param httpMethods upper-case HTTP methods it serves; empty when any or unknown
   * @param requestParameter the parameter holding the request object, or null (e.g. FastAPI handlers without one)
   */
  public record Handler(FunctionDef function, Framework framework, Set<String> httpMethods, Name requestParameter) {
    public boolean servesOnlySafeMethods() {
      return !httpMethods.isEmpty() && SAFE_METHODS.containsAll(httpMethods);
    }
  }

  public static final Set<String> HTTP_VERBS = HttpLibraries.ROUTE_VERBS;
  public static final Set<String> SAFE_METHODS = HttpLibraries.SAFE_METHODS;
  private static final Set<String> VIEWSET_ACTIONS = Set.of("list", "create", "retrieve", "update", "partial_update", "destroy");
  private static final Set<String> FASTAPI_ROUTE_OWNERS = Set.of("fastapi.applications.FastAPI", "fastapi.FastAPI",
    "fastapi.routing.APIRouter", "fastapi.APIRouter", "starlette.applications.Starlette", "starlette.routing.Router");
  private static final Set<String> DJANGO_VIEW_DECORATORS = Set.of(
    "django.contrib.auth.decorators.login_required", "django.contrib.auth.decorators.permission_required",
    "django.contrib.auth.decorators.user_passes_test", "django.views.decorators.http.require_http_methods",
    "django.views.decorators.http.require_GET", "django.views.decorators.http.require_POST",
    "django.views.decorators.http.require_safe", "django.views.decorators.csrf.csrf_exempt",
    "django.views.decorators.csrf.csrf_protect", "django.views.decorators.csrf.ensure_csrf_cookie",
    "django.views.decorators.cache.cache_page", "django.views.decorators.cache.never_cache",
    "django.views.decorators.vary.vary_on_headers", "django.views.decorators.vary.vary_on_cookie",
    "django.views.decorators.clickjacking.xframe_options_exempt", "django.views.decorators.gzip.gzip_page");
  private static final Predicate<String> DRF_VIEW = fqn -> fqn.startsWith("rest_framework.views.APIView")
    || fqn.startsWith("rest_framework.generics.") || fqn.startsWith("rest_framework.viewsets.") || fqn.startsWith("rest_framework.mixins.");
  private static final Predicate<String> DJANGO_VIEW = fqn -> fqn.equals("django.views.View") || fqn.startsWith("django.views.generic");

  private RequestHandlers() {
  }

  /** The handler this function is, if it is one. */
  public static Optional<Handler> of(FunctionDef function, SubscriptionContext ctx) {
    for (Decorator decorator : function.decorators()) {
      Optional<Handler> handler = fromDecorator(function, decorator);
      if (handler.isPresent()) {
        return handler;
      }
    }
    ClassDef owner = Trees.methodOwner(function);
    if (owner != null) {
      return classBasedHandler(function, owner);
    }
    if (Trees.enclosingFunction(function) == null && Trees.enclosingClass(function) == null) {
      return djangoFunctionView(function, ctx);
    }
    return Optional.empty();
  }

  private static Optional<Handler> fromDecorator(FunctionDef function, Decorator decorator) {
    Expression expression = decorator.expression();
    if (!(expression instanceof CallExpression call)) {
      return Optional.empty();
    }
    Optional<String> fqn = Fqns.ofCallee(call);
    Optional<String> method = Fqns.calleeName(call);
    if (fqn.isEmpty() || method.isEmpty()) {
      return Optional.empty();
    }
    String name = method.get();
    String owner = fqn.get().endsWith("." + name) ? fqn.get().substring(0, fqn.get().length() - name.length() - 1) : "";
    if (FASTAPI_ROUTE_OWNERS.contains(owner) && (HTTP_VERBS.contains(name) || "api_route".equals(name) || "route".equals(name))) {
      Set<String> methods = HTTP_VERBS.contains(name) ? Set.of(name.toUpperCase(Locale.ROOT)) : methodsArgument(call, "GET");
      return Optional.of(new Handler(function, Framework.FASTAPI, methods, fastApiRequestParameter(function)));
    }
    if (owner.startsWith("flask.") && (HTTP_VERBS.contains(name) || "route".equals(name))) {
      Set<String> methods = HTTP_VERBS.contains(name) ? Set.of(name.toUpperCase(Locale.ROOT)) : methodsArgument(call, "GET");
      return Optional.of(new Handler(function, Framework.FLASK, methods, null));
    }
    if ("rest_framework.decorators.api_view".equals(fqn.get())) {
      Set<String> methods = Arguments.value(call, 0, "http_method_names").map(RequestHandlers::stringSet).orElse(Set.of("GET"));
      return Optional.of(new Handler(function, Framework.DRF, methods, firstParameter(function)));
    }
    return Optional.empty();
  }

  private static Optional<Handler> classBasedHandler(FunctionDef method, ClassDef owner) {
    String name = method.name().name();
    if (ClassHierarchy.extendsAny(owner, DRF_VIEW)) {
      if (HTTP_VERBS.contains(name)) {
        return Optional.of(new Handler(method, Framework.DRF, Set.of(name.toUpperCase(Locale.ROOT)), secondParameter(method)));
      }
      if (VIEWSET_ACTIONS.contains(name) || hasDecorator(method, "rest_framework.decorators.action")) {
        return Optional.of(new Handler(method, Framework.DRF, Set.of(), secondParameter(method)));
      }
      return Optional.empty();
    }
    if (ClassHierarchy.extendsAny(owner, DJANGO_VIEW)) {
      if (HTTP_VERBS.contains(name)) {
        return Optional.of(new Handler(method, Framework.DJANGO, Set.of(name.toUpperCase(Locale.ROOT)), secondParameter(method)));
      }
      if ("dispatch".equals(name)) {
        return Optional.of(new Handler(method, Framework.DJANGO, Set.of(), secondParameter(method)));
      }
    }
    return Optional.empty();
  }

  private static Optional<Handler> djangoFunctionView(FunctionDef function, SubscriptionContext ctx) {
    Name request = firstParameter(function);
    if (request == null || !"request".equals(request.name())) {
      return Optional.empty();
    }
    Set<String> methods = Set.of();
    boolean decorated = false;
    for (Decorator decorator : function.decorators()) {
      Expression expression = decorator.expression();
      CallExpression call = expression instanceof CallExpression c ? c : null;
      Optional<String> fqn = call != null ? Fqns.ofCallee(call) : Fqns.of(expression);
      if (fqn.isPresent() && DJANGO_VIEW_DECORATORS.contains(fqn.get())) {
        decorated = true;
        methods = djangoDecoratorMethods(fqn.get(), call).orElse(methods);
      }
    }
    if (decorated || isRoutedDjangoView(function, ctx) || isViewsModule(ctx)) {
      return Optional.of(new Handler(function, Framework.DJANGO, methods, request));
    }
    return Optional.empty();
  }

  private static Optional<Set<String>> djangoDecoratorMethods(String fqn, CallExpression call) {
    return switch (fqn) {
      case "django.views.decorators.http.require_GET" -> Optional.of(Set.of("GET"));
      case "django.views.decorators.http.require_POST" -> Optional.of(Set.of("POST"));
      case "django.views.decorators.http.require_safe" -> Optional.of(Set.of("GET", "HEAD"));
      case "django.views.decorators.http.require_http_methods" ->
        call == null ? Optional.empty() : Arguments.value(call, 0, "request_method_list").map(RequestHandlers::stringSet);
      default -> Optional.empty();
    };
  }

  private static boolean isRoutedDjangoView(FunctionDef function, SubscriptionContext ctx) {
    Symbol symbol = function.name().symbol();
    if (symbol == null || symbol.fullyQualifiedName() == null) {
      return false;
    }
    try {
      return ctx.getDjangoViewInfo(symbol.fullyQualifiedName()).isPresent();
    } catch (RuntimeException | LinkageError e) {
      // older frontends or contexts without a project table
      return false;
    }
  }

  private static boolean isViewsModule(SubscriptionContext ctx) {
    String fileName = ctx.pythonFile().fileName();
    if ("views.py".equals(fileName) || fileName.endsWith("_views.py")) {
      return true;
    }
    String path = ctx.pythonFile().uri() == null ? "" : ctx.pythonFile().uri().getPath();
    return path != null && path.contains("/views/");
  }

  private static boolean hasDecorator(FunctionDef function, String fqn) {
    for (Decorator decorator : function.decorators()) {
      Expression expression = decorator.expression();
      Optional<String> name = expression instanceof CallExpression call ? Fqns.ofCallee(call) : Fqns.of(expression);
      if (name.isPresent() && name.get().equals(fqn)) {
        return true;
      }
    }
    return false;
  }

  private static Set<String> methodsArgument(CallExpression call, String defaultMethod) {
    return Arguments.keyword(call, "methods").map(a -> stringSet(a.expression())).orElse(Set.of(defaultMethod));
  }

  private static Set<String> stringSet(Expression expression) {
    Set<String> result = new LinkedHashSet<>();
    Literals.collectionElements(expression).ifPresent(elements -> elements.forEach(
      e -> Literals.stringValue(e).ifPresent(v -> result.add(v.toUpperCase(Locale.ROOT)))));
    return Set.copyOf(result);
  }

  private static Name fastApiRequestParameter(FunctionDef function) {
    for (Parameter parameter : parameters(function)) {
      if (parameter.typeAnnotation() != null && parameter.name() != null) {
        Optional<String> type = Fqns.of(parameter.typeAnnotation().expression());
        if (type.isPresent() && (type.get().equals("fastapi.Request") || type.get().equals("starlette.requests.Request")
          || type.get().equals("fastapi.requests.Request"))) {
          return parameter.name();
        }
      }
    }
    return null;
  }

  private static Name firstParameter(FunctionDef function) {
    List<Parameter> parameters = parameters(function);
    return parameters.isEmpty() || parameters.get(0).starToken() != null ? null : parameters.get(0).name();
  }

  private static Name secondParameter(FunctionDef function) {
    List<Parameter> parameters = parameters(function);
    return parameters.size() < 2 || parameters.get(1).starToken() != null ? null : parameters.get(1).name();
  }

  private static List<Parameter> parameters(FunctionDef function) {
    if (function.parameters() == null) {
      return List.of();
    }
    return function.parameters().all().stream()
      .filter(p -> p.is(Tree.Kind.PARAMETER))
      .map(Parameter.class::cast)
      .filter(p -> p.name() != null)
      .toList();
  }

  /** Convenience for checks: all parameters of the function that are plain named parameters. */
  public static List<Parameter> namedParameters(FunctionDef function) {
    return parameters(function);
  }
  /**
   * True for a function that another function builds and returns ({@code def get_request_handler(...): async def
   * app(request): ...; return app}): the ASGI app of a route, written by the framework itself (FastAPI's routing) or a
   * custom route class. It validates whatever the route declares: it is routing machinery, not a handler.
   */
  public static boolean isBuiltByFactory(FunctionDef function) {
    FunctionDef factory = Trees.enclosingFunction(function);
    if (factory == null) {
      return false;
    }
    String name = function.name().name();
    boolean[] returned = {false};
    Trees.walk(factory.body(), t -> !returned[0] && !t.is(Tree.Kind.FUNCDEF, Tree.Kind.LAMBDA, Tree.Kind.CLASSDEF), t -> {
      if (t instanceof org.sonar.plugins.python.api.tree.ReturnStatement ret && ret.expressions().size() == 1
        && Trees.skipParentheses(ret.expressions().get(0)) instanceof Name returnedName && name.equals(returnedName.name())) {
        returned[0] = true;
      }
    });
    return returned[0];
  }
}
