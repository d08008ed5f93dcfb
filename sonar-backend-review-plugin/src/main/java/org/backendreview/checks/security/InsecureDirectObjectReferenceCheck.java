/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.backendreview.checks.BackendReviewCheck;
import org.backendreview.semantics.project.AnalysisContext;
import org.backendreview.semantics.project.ClassHierarchy;
import org.backendreview.semantics.security.ObjectAccess;
import org.backendreview.semantics.web.RequestHandlers;
import org.backendreview.tree.TestCode;
import org.backendreview.tree.Trees;
import org.sonar.check.Rule;
import org.sonar.plugins.python.api.SubscriptionContext;
import org.sonar.plugins.python.api.symbols.v2.SymbolV2;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.ClassDef;
import org.sonar.plugins.python.api.tree.FunctionDef;
import org.sonar.plugins.python.api.tree.Tree;

/**
 * SEC-24, insecure direct object reference (IDOR): a handler that requires only a login loads an object by an id from
 * the URL or the query string ({@code get_object_or_404(Order, pk=pk)}, {@code Order.objects.get(id=...)},
 * {@code session.get(Order, order_id)}, {@code select(Order).where(Order.id == order_id)}) with no filter on the user,
 * owner or tenant and no access check on the object. Any logged-in user can then read or change another user's object by
 * changing the id. The object may be public to every logged-in user: a human confirms, the message says "verify".
 * Silent for handlers that are not proven authenticated (SEC-23's concern), staff-only or custom-restricted handlers,
 * lookups scoped by the user, and handlers that check access themselves. Also covers {@code get_object()} of a
 * class-based view, where the lookup usually lives.
 */
@Rule(key = "InsecureDirectObjectReference")
public class InsecureDirectObjectReferenceCheck extends BackendReviewCheck {

  private static final String MESSAGE = "Verify that the user may access this \"%s\": it is loaded by %s with no owner filter or"
    + " permission check.";

  @Override
  protected void register(Context context) {
    context.registerSyntaxNodeConsumer(Tree.Kind.FUNCDEF, InsecureDirectObjectReferenceCheck::checkFunction);
  }

  private static void checkFunction(SubscriptionContext ctx) {
    FunctionDef function = (FunctionDef) ctx.syntaxNode();
    if (TestCode.isTestScenario(function) || RequestHandlers.isBuiltByFactory(function)) {
      return;
    }
    Optional<RequestHandlers.Handler> handler = RequestHandlers.of(function, ctx).or(() -> getObjectMethod(function));
    if (handler.isEmpty()) {
      return;
    }
    Optional<ObjectAccess.Authentication> authentication = ObjectAccess.loginOnly(handler.get(), ctx);
    if (authentication.isEmpty() || ObjectAccess.checksAccess(function, authentication.get())) {
      return;
    }
    Map<SymbolV2, ObjectAccess.RequestId> ids = ObjectAccess.requestIds(handler.get());
    AnalysisContext context = AnalysisContext.of(ctx);
    List<ObjectAccess.Lookup> lookups = new ArrayList<>();
    for (CallExpression call : Trees.descendantsInSameScope(function.body(), Tree.Kind.CALL_EXPR, CallExpression.class)) {
      ObjectAccess.unscopedLookup(call, ids, context.values(), ctx).ifPresent(lookups::add);
    }
    if (lookups.isEmpty()) {
      return;
    }
    ObjectAccess.Lookup first = lookups.get(0);
    var issue = ctx.addIssue(first.call(), String.format(MESSAGE, first.model(), first.id().description()))
      .secondary(first.id().location(), "The id comes from the request.")
      .secondary(authentication.get().location(), "Only a login is required here.");
    for (ObjectAccess.Lookup other : lookups.subList(1, lookups.size())) {
      issue.secondary(other.call(), "\"" + other.model() + "\" is loaded the same way here.");
    }
  }

  /** {@code get_object()} of a Django or DRF class-based view: where detail views look their object up. */
  private static Optional<RequestHandlers.Handler> getObjectMethod(FunctionDef function) {
    ClassDef owner = Trees.methodOwner(function);
    if (owner == null || !"get_object".equals(function.name().name())) {
      return Optional.empty();
    }
    if (ClassHierarchy.extendsAny(owner, fqn -> fqn.startsWith("rest_framework."))) {
      return Optional.of(new RequestHandlers.Handler(function, RequestHandlers.Framework.DRF, Set.of(), null));
    }
    if (ClassHierarchy.extendsAny(owner, fqn -> fqn.startsWith("django.views."))) {
      return Optional.of(new RequestHandlers.Handler(function, RequestHandlers.Framework.DJANGO, Set.of(), null));
    }
    return Optional.empty();
  }
}
