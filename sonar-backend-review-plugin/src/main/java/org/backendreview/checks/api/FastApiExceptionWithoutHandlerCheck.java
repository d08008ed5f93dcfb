/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.api;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.backendreview.checks.BackendReviewCheck;
import org.backendreview.semantics.fastapi.FastApi;
import org.backendreview.semantics.fastapi.FastApiApi;
import org.backendreview.semantics.fastapi.FastApiExceptionHandlers;
import org.backendreview.semantics.fastapi.FastApiIncludedRouters;
import org.backendreview.tree.Api;
import org.backendreview.semantics.project.AnalysisContext;
import org.backendreview.tree.Fqns;
import org.backendreview.tree.Trees;
import org.backendreview.tree.ValueResolver;
import org.sonar.check.Rule;
import org.sonar.plugins.python.api.SubscriptionContext;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.Expression;
import org.sonar.plugins.python.api.tree.FileInput;
import org.sonar.plugins.python.api.tree.FunctionDef;
import org.sonar.plugins.python.api.tree.Name;
import org.sonar.plugins.python.api.tree.QualifiedExpression;
import org.sonar.plugins.python.api.tree.RaiseStatement;
import org.sonar.plugins.python.api.tree.Tree;
import org.sonar.plugins.python.api.types.v2.ClassType;

/**
 * A path operation of a FastAPI application created in the same module raises an exception class
 * of the project that none of the application's exception handlers (for the class or one of its bases) maps to a
 * response, so the client gets a generic 500. Only applications whose handlers the module shows completely are
 * considered (see {@link FastApiExceptionHandlers}). Routes of an {@code APIRouter} of another module are checked at
 * {@code app.include_router(module.router)} or {@code app.include_router(router)} (imported from its module) in the
 * application's module, through that module's source (see
 * {@link FastApiIncludedRouters}); a router's routes in a module that does not create the application are not checked
 * there, since the router does not know the application it is included into.
 */
@Rule(key = "FastApiExceptionWithoutHandler")
public class FastApiExceptionWithoutHandlerCheck extends BackendReviewCheck {

  /** Exceptions FastAPI/Starlette turn into responses by themselves. */
  private static final Set<String> HANDLED_BY_FRAMEWORK = Api.anyOf(FastApiApi.HTTP_EXCEPTION, FastApiApi.WEBSOCKET_EXCEPTION,
    FastApiApi.VALIDATION_ERRORS).fqns();
  private static final Set<String> BASES = Set.of("Exception", "BaseException");

  private ValueResolver resolver;
  private FastApiExceptionHandlers handlers;

  @Override
  protected void register(Context context) {
    context.registerSyntaxNodeConsumer(Tree.Kind.FILE_INPUT, ctx -> {
      resolver = AnalysisContext.of(ctx).values();
      handlers = null;
    });
    context.registerSyntaxNodeConsumer(Tree.Kind.RAISE_STMT, this::check);
    context.registerSyntaxNodeConsumer(Tree.Kind.CALL_EXPR, this::checkIncludedRouter);
  }

  /** {@code app.include_router(routes.router)}: the raises of the routes of a router defined in another module. */
  private void checkIncludedRouter(SubscriptionContext ctx) {
    CallExpression include = (CallExpression) ctx.syntaxNode();
    if (!Fqns.calleeName(include).filter("include_router"::equals).isPresent() || !FastApi.isAppMethod(include, "include_router")) {
      return;
    }
    CallExpression app = Fqns.receiver(include).map(o -> FastApiExceptionHandlers.application(o, resolver, ctx)).orElse(null);
    if (app == null) {
      return;
    }
    Optional<Set<String>> handled = handlers(include, ctx).handledBy(app);
    if (handled.isEmpty()) {
      return;
    }
    Optional<List<FastApiIncludedRouters.RouteRaise>> raises = FastApiIncludedRouters.raises(include, ctx);
    if (raises.isEmpty()) {
      return;
    }
    Set<String> reported = new java.util.HashSet<>();
    for (FastApiIncludedRouters.RouteRaise raise : raises.get()) {
      Optional<List<String>> hierarchy = unhandledHierarchy(raise.exception(), handled.get());
      if (hierarchy.isPresent() && reported.add(raise.exception().name())) {
        String name = raise.exception().name();
        ctx.addIssue(include.arguments().get(0), String.format("Register an exception handler for \"%s\" (\"@app.exception_handler(%s)\") or raise an "
          + "HTTPException in route \"%s\": no handler of this application maps it and clients get a generic 500.", name, name, raise.route()))
          .secondary(raise.location(), "Raised here")
          .secondary(app, "Application without a handler for it");
      }
    }
  }

  private FastApiExceptionHandlers handlers(Tree node, SubscriptionContext ctx) {
    if (handlers == null) {
      handlers = FastApiExceptionHandlers.of((FileInput) Trees.firstAncestor(node, Tree.Kind.FILE_INPUT), resolver, ctx);
    }
    return handlers;
  }

  /** The class hierarchy of a project exception that neither the framework nor the given handlers map; empty otherwise. */
  private static Optional<List<String>> unhandledHierarchy(ClassType exception, Set<String> handled) {
    if (exception.definitionLocation().isEmpty()) {
      return Optional.empty();
    }
    Optional<List<String>> hierarchy = FastApiExceptionHandlers.hierarchy(exception);
    if (hierarchy.isEmpty() || hierarchy.get().stream().noneMatch(BASES::contains) || hierarchy.get().stream().anyMatch(HANDLED_BY_FRAMEWORK::contains)
      || hierarchy.get().stream().anyMatch(handled::contains)) {
      return Optional.empty();
    }
    return hierarchy;
  }

  private void check(SubscriptionContext ctx) {
    RaiseStatement raise = (RaiseStatement) ctx.syntaxNode();
    if (raise.expressions().isEmpty()) {
      return;
    }
    Expression raised = Trees.skipParentheses(raise.expressions().get(0));
    Expression classExpression = raised instanceof CallExpression call ? call.callee() : raised;
    if (!(Trees.skipParentheses(classExpression) instanceof Name || Trees.skipParentheses(classExpression) instanceof QualifiedExpression)
      || !(classExpression.typeV2() instanceof ClassType exception) || exception.definitionLocation().isEmpty()) {
      return;
    }
    FunctionDef function = Trees.enclosingFunction(raise);
    Optional<FastApi.Route> route = function == null ? Optional.empty() : FastApi.route(function);
    if (route.isEmpty() || route.get().websocket() || Trees.firstAncestor(raise, t -> t == function || t.is(Tree.Kind.TRY_STMT)) != function) {
      return;
    }
    Optional<List<String>> hierarchy = FastApiExceptionHandlers.hierarchy(exception);
    if (hierarchy.isEmpty() || hierarchy.get().stream().noneMatch(BASES::contains)
      || hierarchy.get().stream().anyMatch(HANDLED_BY_FRAMEWORK::contains)) {
      return;
    }
    Optional<Expression> owner = Fqns.receiver(route.get().decorator());
    CallExpression app = owner.map(o -> FastApiExceptionHandlers.application(o, resolver, ctx)).orElse(null);
    if (app == null) {
      return;
    }
    if (handlers == null) {
      handlers = FastApiExceptionHandlers.of((FileInput) Trees.firstAncestor(raise, Tree.Kind.FILE_INPUT), resolver, ctx);
    }
    Optional<Set<String>> handled = handlers.handledBy(app);
    if (handled.isEmpty() || hierarchy.get().stream().anyMatch(handled.get()::contains)) {
      return;
    }
    String name = exception.name();
    ctx.addIssue(classExpression, String.format("Register an exception handler for \"%s\" (\"@app.exception_handler(%s)\") or raise an "
      + "HTTPException: no handler of this application maps it and clients get a generic 500.", name, name))
      .secondary(app, "Application without a handler for it");
  }
}
