/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.orm;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.backendreview.checks.BackendReviewCheck;
import org.backendreview.semantics.django.DjangoApi;
import org.backendreview.semantics.django.DjangoQuerySets;
import org.backendreview.semantics.drf.DrfApi;
import org.backendreview.semantics.drf.DrfSerializers;
import org.backendreview.semantics.project.AnalysisContext;
import org.backendreview.semantics.sqlalchemy.SqlAlchemyResults;
import org.backendreview.semantics.web.RequestHandlers;
import org.backendreview.tree.Api;
import org.backendreview.tree.Arguments;
import org.backendreview.tree.Fqns;
import org.backendreview.tree.Literals;
import org.backendreview.tree.Trees;
import org.backendreview.tree.ValueResolver;
import org.sonar.check.Rule;
import org.sonar.plugins.python.api.SubscriptionContext;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.ComprehensionExpression;
import org.sonar.plugins.python.api.tree.DictionaryLiteral;
import org.sonar.plugins.python.api.tree.Expression;
import org.sonar.plugins.python.api.tree.FunctionDef;
import org.sonar.plugins.python.api.tree.KeyValuePair;
import org.sonar.plugins.python.api.tree.ReturnStatement;
import org.sonar.plugins.python.api.tree.Tree;
import org.sonar.plugins.python.api.types.v2.ClassType;

/**
 * For hand-written handlers: a Django view, a DRF {@code APIView}/{@code @api_view} handler or a FastAPI path
 * operation that returns or serialises every row of a model ({@code Model.objects.all()} or a queryset of a known
 * model built without {@code filter}/{@code exclude} and without slicing) in one response. Serialising means: returned
 * (FastAPI), {@code list(qs)}, a comprehension over it, {@code JsonResponse}/{@code Response}, {@code serializers.serialize},
 * a DRF serializer with {@code many=True}, or a value of the context dictionary given to {@code render()}. Handlers
 * that paginate anything ({@code Paginator}, {@code paginate_queryset}...) are left alone.
 * <p>
 * The same for SQLAlchemy ({@link SqlAlchemyResults}), also in Flask views: every row of a mapped class read with
 * {@code session.scalars(select(M)).all()}, {@code session.execute(select(M)).scalars().all()} or
 * {@code session.query(M).all()}, without a {@code where}/{@code filter} or a {@code limit}/{@code offset}/{@code slice}.
 */
@Rule(key = "UnboundedQuerySetResponse")
public class UnboundedQuerySetResponseCheck extends BackendReviewCheck {

  private static final Set<String> FILTERING = Set.of("filter", "exclude", "complex_filter", "extra", "none", "get", "in_bulk", "raw",
    "aggregate", "count", "exists", "first", "last", "latest", "earliest", "iterator", "dates", "datetimes");
  private static final Set<String> RESPONSES = Api.anyOf(DjangoApi.JSON_RESPONSE, DrfApi.RESPONSE).fqns();
  private static final Set<String> SERIALIZE = DjangoApi.SERIALIZE.fqns();
  private static final Set<String> RENDER = Api.anyOf(DjangoApi.RENDER, DjangoApi.TEMPLATE_RESPONSE, DjangoApi.RENDER_TO_STRING).fqns();

  @Override
  protected void register(Context context) {
    context.registerSyntaxNodeConsumer(Tree.Kind.FUNCDEF, UnboundedQuerySetResponseCheck::check);
  }

  private static void check(SubscriptionContext ctx) {
    FunctionDef function = (FunctionDef) ctx.syntaxNode();
    Optional<RequestHandlers.Handler> handler = RequestHandlers.of(function, ctx);
    if (handler.isEmpty() || paginates(function)) {
      return;
    }
    // Flask views: SQLAlchemy results only (Flask has no Django querysets)
    boolean flask = handler.get().framework() == RequestHandlers.Framework.FLASK;
    boolean fastApi = handler.get().framework() == RequestHandlers.Framework.FASTAPI;
    ValueResolver resolver = AnalysisContext.of(ctx).values();
    Trees.walk(function.body(), t -> !t.is(Tree.Kind.FUNCDEF, Tree.Kind.LAMBDA, Tree.Kind.CLASSDEF), t -> {
      for (Expression listed : listedExpressions(t, fastApi, ctx)) {
        if (flask || !report(listed, ctx)) {
          reportSqlAlchemy(listed, resolver, ctx);
        }
      }
    });
  }

  private static void reportSqlAlchemy(Expression listed, ValueResolver resolver, SubscriptionContext ctx) {
    SqlAlchemyResults.of(listed, resolver, ctx).ifPresent(rows -> ctx.addIssue(listed, "Paginate or limit this list of every \"" + rows.model()
      + "\" row: the response grows with the table.").secondary(rows.query(), "Select without a filter or a limit"));
  }

  /** The expressions this node turns into a whole response or list. */
  private static List<Expression> listedExpressions(Tree node, boolean fastApi, SubscriptionContext ctx) {
    if (node instanceof ReturnStatement returned && fastApi && returned.expressions().size() == 1) {
      return List.of(returned.expressions().get(0));
    }
    if (node instanceof ComprehensionExpression comprehension) {
      return List.of(comprehension.comprehensionFor().iterable());
    }
    if (!(node instanceof CallExpression call)) {
      return List.of();
    }
    if (Fqns.isCallTo(call, "list") || isCallToAny(call, RESPONSES)) {
      return Arguments.value(call, 0, "data").stream().toList();
    }
    if (isCallToAny(call, SERIALIZE)) {
      return Arguments.value(call, 1, "queryset").stream().toList();
    }
    if (isCallToAny(call, RENDER)) {
      int position = DjangoApi.RENDER_TO_STRING.isCalledBy(call) ? 1 : 2;
      return Arguments.value(call, position, "context").map(Trees::skipParentheses)
        .filter(DictionaryLiteral.class::isInstance).map(d -> contextValues((DictionaryLiteral) d)).orElse(List.of());
    }
    if (Arguments.value(call, -1, "many").flatMap(Literals::booleanValue).orElse(false)
      && call.callee().typeV2() instanceof ClassType serializer && DrfSerializers.isSerializerClass(serializer, ctx)) {
      return Arguments.value(call, 0, "instance").stream().toList();
    }
    return List.of();
  }

  private static List<Expression> contextValues(DictionaryLiteral dictionary) {
    return dictionary.elements().stream().filter(KeyValuePair.class::isInstance).map(e -> ((KeyValuePair) e).value()).toList();
  }

  private static boolean isCallToAny(CallExpression call, Set<String> fqns) {
    return Fqns.ofCallee(call).filter(fqns::contains).isPresent();
  }

  /** Reports a Django queryset of every row; true when the expression is a Django queryset (reported or not). */
  private static boolean report(Expression listed, SubscriptionContext ctx) {
    Optional<DjangoQuerySets.QuerySet> qs = DjangoQuerySets.of(listed, ctx);
    if (qs.isEmpty()) {
      return false;
    }
    if (qs.get().sliced() || qs.get().model() == null
      || qs.get().methods().stream().anyMatch(m -> Fqns.calleeName(m).filter(FILTERING::contains).isPresent())) {
      return true;
    }
    ctx.addIssue(listed, "Paginate or slice this list of every \"" + qs.get().model().name() + "\" row: the response grows with the table.")
      .secondary(qs.get().origin(), "Queryset without a filter or a limit");
    return true;
  }

  /** True when the handler paginates or slices in any way the rule does not follow. */
  private static boolean paginates(FunctionDef function) {
    boolean[] found = {false};
    Trees.walk(function.body(), t -> !found[0], t -> {
      if (t instanceof CallExpression call && Fqns.calleeName(call).filter(n -> n.toLowerCase(java.util.Locale.ROOT).contains("paginat")).isPresent()) {
        found[0] = true;
      }
    });
    return found[0];
  }
}
