/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.semantics.django;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.backendreview.semantics.project.AnalysisContext;
import org.backendreview.semantics.security.RequestSources;
import org.backendreview.tree.Fqns;
import org.backendreview.tree.Literals;
import org.backendreview.tree.Trees;
import org.backendreview.tree.ValueResolver;
import org.sonar.plugins.python.api.SubscriptionContext;
import org.sonar.plugins.python.api.symbols.v2.SymbolV2;
import org.sonar.plugins.python.api.symbols.v2.UsageV2;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.Expression;
import org.sonar.plugins.python.api.tree.Name;
import org.sonar.plugins.python.api.tree.QualifiedExpression;
import org.sonar.plugins.python.api.tree.RegularArgument;
import org.sonar.plugins.python.api.tree.SliceExpression;
import org.sonar.plugins.python.api.tree.SliceItem;
import org.sonar.plugins.python.api.tree.SubscriptionExpression;
import org.sonar.plugins.python.api.tree.Tree;

/**
 * How many items a loop goes over, as far as the code proves it: a collection is <em>unbounded</em> when it grows with
 * the data (the rows of a queryset or related manager, a Django admin action's {@code queryset}, the lines of a file or
 * CSV reader) or with the request (a list read from {@code request.POST}/{@code request.data}, a form's or serializer's
 * validated data). Anything else (parameters, constants, attributes of other objects, command-line options) proves
 * nothing, so per-item work over it is not taken for an N+1.
 */
public final class IteratedCollections {

  /** Wrappers that keep the number of items of their (first) argument. */
  private static final Set<String> SAME_SIZE = Set.of("enumerate", "list", "sorted", "set", "tuple", "reversed", "iter", "frozenset");
  /** Methods of a collection (or string) giving as many items as the collection holds. */
  private static final Set<String> SAME_SIZE_METHODS = Set.of("items", "values", "keys", "split", "splitlines", "getlist", "iterator",
    "copy");
  /** Queryset methods returning rows; {@code .all()} on a related manager too. */
  private static final Set<String> ROW_METHODS = Set.of("all", "filter", "exclude", "order_by", "values", "values_list",
    "select_related", "prefetch_related", "select_for_update", "distinct", "only", "defer", "annotate", "iterator", "using");
  private static final Set<String> FILE_READERS = Set.of("csv.reader", "csv.DictReader", "open", "builtins.open", "io.open");
  private static final Set<String> VALIDATED_DATA = Set.of("cleaned_data", "validated_data");
  private static final int MAX_DEPTH = 4;

  private IteratedCollections() {
  }

  /** What the iterable goes over, when it is provably unbounded ("the queryset", "the request data"...); else empty. */
  public static Optional<String> unbounded(Expression iterable, SubscriptionContext ctx) {
    return unbounded(iterable, ctx, AnalysisContext.of(ctx).values(), 0);
  }

  private static Optional<String> unbounded(Expression iterable, SubscriptionContext ctx, ValueResolver resolver, int depth) {
    Expression expr = Trees.skipParentheses(iterable);
    if (depth > MAX_DEPTH) {
      return Optional.empty();
    }
    if (expr instanceof SliceExpression slice) {
      // qs[:10], items[:limit]: a cut the code chose; qs[:qs.count() - limit] grows with the data
      return slice.sliceList().slices().stream().anyMatch(s -> s instanceof SliceItem item && item.upperBound() != null && !dataSized(item.upperBound(), 0))
        ? Optional.empty() : unbounded(slice.object(), ctx, resolver, depth + 1);
    }
    Optional<DjangoQuerySets.QuerySet> querySet = DjangoQuerySets.of(expr, ctx);
    if (querySet.isPresent()) {
      return querySet.get().sliced() ? Optional.empty() : Optional.of("the rows of a " + querySet.get().model().name() + " queryset");
    }
    Optional<RequestSources.Source> request = RequestSources.read(expr, IteratedCollections::isRequestObject, false);
    if (request.isPresent()) {
      return Optional.of(request.get().description());
    }
    if (expr instanceof CallExpression call) {
      return ofCall(call, ctx, resolver, depth);
    }
    if (expr instanceof SubscriptionExpression subscription && Trees.skipParentheses(subscription.object()) instanceof QualifiedExpression data
      && VALIDATED_DATA.contains(data.name().name())) {
      return Optional.of("the submitted data");
    }
    if (expr instanceof Name name) {
      if (isQuerySetParameter(name)) {
        return Optional.of("the rows of a queryset");
      }
      List<Expression> values = resolver.origins(name, ctx);
      for (Expression value : values) {
        Optional<String> found = unbounded(value, ctx, resolver, depth + 1);
        if (found.isPresent()) {
          return found;
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<String> ofCall(CallExpression call, SubscriptionContext ctx, ValueResolver resolver, int depth) {
    Optional<String> fqn = Fqns.ofCallee(call);
    if (fqn.isPresent() && FILE_READERS.contains(fqn.get())) {
      return Optional.of("the lines of a file");
    }
    if (call.callee() instanceof Name function && (SAME_SIZE.contains(function.name()) || "zip".equals(function.name()))) {
      for (var argument : call.arguments()) {
        if (argument instanceof RegularArgument regular && regular.keywordArgument() == null) {
          Optional<String> found = unbounded(regular.expression(), ctx, resolver, depth + 1);
          if (found.isPresent() || !"zip".equals(function.name())) {
            return found;
          }
        }
      }
      return Optional.empty();
    }
    if (call.callee() instanceof QualifiedExpression method) {
      String name = method.name().name();
      Expression receiver = Trees.skipParentheses(method.qualifier());
      if (SAME_SIZE_METHODS.contains(name) || "readlines".equals(name)) {
        return "readlines".equals(name) ? Optional.of("the lines of a file") : unbounded(receiver, ctx, resolver, depth + 1);
      }
      if (ROW_METHODS.contains(name) && (receiver instanceof QualifiedExpression || isQuerySetParameter(receiver))
        && call.arguments().stream().allMatch(a -> a instanceof RegularArgument r && (r.keywordArgument() != null
          || Literals.stringValue(r.expression()).isPresent()))) {
        // obj.children.all(), book.tag_set.filter(active=True), queryset.filter(...): rows of a relation or a queryset
        return Optional.of("the rows of a queryset");
      }
      if (ROW_METHODS.contains(name) && (receiver instanceof CallExpression || receiver instanceof Name)) {
        // rows.exclude(...), job.suite_set.all().filter(...): as many rows as the queryset it narrows, when that one is unbounded
        return unbounded(receiver, ctx, resolver, depth + 1).filter(found -> found.startsWith("the rows of"));
      }
    }
    return Optional.empty();
  }

  /**
   * A slice bound computed from the size of the data ({@code qs.count() - limit}, {@code len(rows) // 2}), directly or
   * through a name assigned once: the cut keeps a share of the rows, not a fixed number.
   */
  private static boolean dataSized(Expression bound, int depth) {
    Expression expr = Trees.skipParentheses(bound);
    if (depth > MAX_DEPTH) {
      return false;
    }
    if (expr instanceof Name name) {
      return ValueResolver.singleAssignedValue(name).map(value -> dataSized(value, depth + 1)).orElse(false);
    }
    boolean[] sized = {false};
    Trees.walk(expr, t -> !sized[0] && !t.is(Tree.Kind.LAMBDA), t -> {
      if (t instanceof CallExpression call && Fqns.calleeName(call).filter(n -> "count".equals(n) || "len".equals(n)).isPresent()) {
        sized[0] = true;
      }
    });
    return sized[0];
  }

  /** {@code request}, or {@code self.request} in a class-based view. */
  private static boolean isRequestObject(Expression expression) {
    Expression expr = Trees.skipParentheses(expression);
    return expr instanceof Name name && "request".equals(name.name()) || RequestSources.isSelfRequest(expr);
  }

  /**
   * A parameter named {@code queryset} or {@code qs}: Django passes querysets under that name to admin actions,
   * {@code ModelAdmin}/filter hooks and DRF filter backends.
   */
  private static boolean isQuerySetParameter(Expression expression) {
    if (!(expression instanceof Name name) || !"queryset".equals(name.name()) && !"qs".equals(name.name())) {
      return false;
    }
    SymbolV2 symbol = name.symbolV2();
    return symbol != null && symbol.usages().stream().anyMatch(u -> u.kind() == UsageV2.Kind.PARAMETER);
  }
}
