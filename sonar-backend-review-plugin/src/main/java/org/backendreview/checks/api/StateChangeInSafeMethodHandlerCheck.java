/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.api;

import java.util.Optional;
import java.util.Set;
import org.backendreview.checks.BackendReviewCheck;
import org.backendreview.semantics.django.DjangoModels;
import org.backendreview.semantics.fastapi.FastApi;
import org.backendreview.semantics.http.ClientObjects;
import org.backendreview.semantics.project.ClassHierarchy;
import org.backendreview.semantics.sqlalchemy.SqlAlchemyApi;
import org.backendreview.semantics.web.RequestHandlers.Handler;
import org.backendreview.semantics.web.RequestHandlers;
import org.backendreview.tree.Fqns;
import org.backendreview.tree.Trees;
import org.backendreview.tree.Types;
import org.sonar.check.Rule;
import org.sonar.plugins.python.api.SubscriptionContext;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.Expression;
import org.sonar.plugins.python.api.tree.FunctionDef;
import org.sonar.plugins.python.api.tree.Name;
import org.sonar.plugins.python.api.tree.QualifiedExpression;
import org.sonar.plugins.python.api.tree.Tree;

/**
 * A handler that serves only safe methods (FastAPI {@code @app.get}, DRF {@code @api_view(["GET"])}, the
 * {@code get()} method of a DRF or Django class-based view, a Django view with {@code @require_GET}) writes to the
 * database: SQLAlchemy session {@code add/delete/merge/commit/flush} or {@code execute(insert/update/delete(...))},
 * Django {@code save()/delete()} on a model instance or a writing manager/queryset method.
 */
@Rule(key = "StateChangeInSafeMethodHandler")
public class StateChangeInSafeMethodHandlerCheck extends BackendReviewCheck {

  private static final Set<String> SESSION_WRITES = Set.of("add", "add_all", "delete", "merge", "commit", "flush", "bulk_save_objects",
    "bulk_insert_mappings", "bulk_update_mappings");
  private static final Set<String> SQL_WRITES = SqlAlchemyApi.DML_CONSTRUCTORS.fqns();
  private static final Set<String> MANAGER_WRITES = Set.of("create", "update", "delete", "get_or_create", "update_or_create", "bulk_create",
    "bulk_update", "acreate", "aupdate", "adelete", "aget_or_create", "aupdate_or_create", "abulk_create", "abulk_update");
  private static final Set<String> INSTANCE_WRITES = Set.of("save", "delete", "asave", "adelete");

  @Override
  protected void register(Context context) {
    context.registerSyntaxNodeConsumer(Tree.Kind.FUNCDEF, StateChangeInSafeMethodHandlerCheck::check);
  }

  private static void check(SubscriptionContext ctx) {
    FunctionDef function = (FunctionDef) ctx.syntaxNode();
    Tree handlerLocation;
    String method;
    Optional<FastApi.Route> route = FastApi.route(function);
    if (route.isPresent()) {
      if (route.get().websocket() || route.get().methods().isEmpty() || !RequestHandlers.SAFE_METHODS.containsAll(route.get().methods())) {
        return;
      }
      handlerLocation = route.get().decorator();
      method = String.join("/", route.get().methods());
    } else {
      Optional<Handler> handler = RequestHandlers.of(function, ctx);
      if (handler.isEmpty() || handler.get().framework() == RequestHandlers.Framework.FASTAPI || !handler.get().servesOnlySafeMethods()) {
        return;
      }
      handlerLocation = function.name();
      method = String.join("/", handler.get().httpMethods());
    }
    for (CallExpression call : Trees.descendantsInSameScope(function.body(), Tree.Kind.CALL_EXPR, CallExpression.class)) {
      if (isWrite(call, ctx)) {
        ctx.addIssue(call, "Move this write out of the " + method + " handler \"" + function.name().name() + "\" into a POST, PUT, PATCH or "
          + "DELETE endpoint: safe methods are not CSRF-protected and may be prefetched or retried.")
          .secondary(handlerLocation, "Safe-method handler");
        return;
      }
    }
  }

  private static boolean isWrite(CallExpression call, SubscriptionContext ctx) {
    Expression callee = Trees.skipParentheses(call.callee());
    if (!(callee instanceof QualifiedExpression qualified)) {
      return false;
    }
    String method = qualified.name().name();
    Expression receiver = qualified.qualifier();
    if (ClientObjects.isA(receiver, ClientObjects.SA_SESSION, ClientObjects.SA_ASYNC_SESSION)) {
      if (SESSION_WRITES.contains(method)) {
        return true;
      }
      if ("execute".equals(method) && !call.arguments().isEmpty()
        && call.arguments().get(0) instanceof org.sonar.plugins.python.api.tree.RegularArgument first && isDmlStatement(first.expression())) {
        return true;
      }
      return false;
    }
    Optional<String> managerMethod = DjangoModels.managerMethod(call);
    if (managerMethod.isPresent()) {
      return MANAGER_WRITES.contains(managerMethod.get());
    }
    if (INSTANCE_WRITES.contains(method)) {
      Expression expr = Trees.skipParentheses(receiver);
      if (Types.instanceType(expr.typeV2()) != null && ClassHierarchy.typeIsOrExtends(Types.instanceType(expr.typeV2()), DjangoModels.MODEL)) {
        return true;
      }
      return expr instanceof Name name && DjangoModels.instanceOrigin(name, ctx).isPresent();
    }
    return false;
  }

  /** {@code insert(User)...}, {@code update(User).where(...)...}: the root of the builder chain is a DML constructor. */
  private static boolean isDmlStatement(Expression statement) {
    Expression current = Trees.skipParentheses(statement);
    while (current instanceof CallExpression call) {
      if (Fqns.ofCallee(call).filter(SQL_WRITES::contains).isPresent()) {
        return true;
      }
      Optional<Expression> receiver = Fqns.receiver(call);
      if (receiver.isEmpty()) {
        return false;
      }
      current = Trees.skipParentheses(receiver.get());
    }
    return false;
  }
}
