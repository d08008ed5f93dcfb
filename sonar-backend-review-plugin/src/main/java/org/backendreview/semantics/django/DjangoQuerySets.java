/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.semantics.django;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.backendreview.semantics.project.AnalysisContext;
import org.backendreview.tree.Arguments;
import org.backendreview.tree.Fqns;
import org.backendreview.tree.Literals;
import org.backendreview.tree.Trees;
import org.sonar.plugins.python.api.SubscriptionContext;
import org.sonar.plugins.python.api.symbols.v2.SymbolV2;
import org.sonar.plugins.python.api.symbols.v2.UsageV2;
import org.sonar.plugins.python.api.tree.Argument;
import org.sonar.plugins.python.api.tree.AssignmentStatement;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.ClassDef;
import org.sonar.plugins.python.api.tree.ComprehensionFor;
import org.sonar.plugins.python.api.tree.Expression;
import org.sonar.plugins.python.api.tree.ForStatement;
import org.sonar.plugins.python.api.tree.FunctionDef;
import org.sonar.plugins.python.api.tree.Name;
import org.sonar.plugins.python.api.tree.QualifiedExpression;
import org.sonar.plugins.python.api.tree.RegularArgument;
import org.sonar.plugins.python.api.tree.ReturnStatement;
import org.sonar.plugins.python.api.tree.SliceExpression;
import org.sonar.plugins.python.api.tree.Statement;
import org.sonar.plugins.python.api.tree.SubscriptionExpression;
import org.sonar.plugins.python.api.tree.Tree;
import org.sonar.plugins.python.api.tree.Tuple;
import org.sonar.plugins.python.api.types.v2.ClassType;

/**
 * Django querysets as the code builds them: {@code Model.objects} (or another manager of a model class), followed by
 * chained queryset methods, possibly through variables, slices, a view's {@code queryset} attribute or its
 * {@code get_queryset()}. Knows which lookups the queryset already {@code select_related}/{@code prefetch_related}s,
 * whether it yields dictionaries/tuples ({@code values()}), is sliced or locks rows.
 * <p>
 * Anything the analysis cannot follow (a custom queryset method, a parameter, a manager whose {@code get_queryset()} is
 * not visible) gives no queryset: callers stay silent.
 */
public final class DjangoQuerySets {

  /** Queryset methods that return a queryset of the same model. */
  public static final Set<String> CHAIN_METHODS = Set.of("all", "filter", "exclude", "order_by", "select_related", "prefetch_related",
    "only", "defer", "distinct", "annotate", "alias", "using", "select_for_update", "reverse", "none", "values", "values_list",
    "extra", "complex_filter", "iterator", "dates", "datetimes");
  /** Queryset/manager methods that run a query and return one object, a number or nothing. */
  public static final Set<String> EVALUATING_METHODS = Set.of("get", "first", "last", "latest", "earliest", "count", "exists",
    "aggregate", "create", "get_or_create", "update_or_create", "update", "delete", "in_bulk", "bulk_create", "bulk_update", "contains",
    "aget", "afirst", "alast", "acount", "aexists", "acreate", "aget_or_create", "aupdate_or_create", "aupdate", "adelete");
  private static final int MAX_DEPTH = 8;

  private DjangoQuerySets() {
  }

  /**
   * A queryset.
   *
   * @param model the model class
   * @param origin where it is built (its root, for secondary locations)
   * @param selectRelated lookups passed to {@code select_related} ({@code "*"} for all or unknown ones)
   * @param prefetchRelated lookups passed to {@code prefetch_related} ({@code "*"} for unknown ones)
   * @param valuesLike it yields dictionaries or tuples ({@code values()}/{@code values_list()})
   * @param sliced it is sliced ({@code qs[:10]})
   * @param locked it is built with {@code select_for_update()}
   * @param methods the chained method calls, innermost first
   */
  public record QuerySet(ClassType model, Tree origin, Set<String> selectRelated, Set<String> prefetchRelated, boolean valuesLike,
    boolean sliced, boolean locked, List<CallExpression> methods) {

    /** True when the lookup ({@code author}) is followed by {@code select_related} on this queryset. */
    public boolean selects(String field) {
      return covers(selectRelated, field);
    }

    /** True when the lookup is prefetched. */
    public boolean prefetches(String field) {
      return covers(prefetchRelated, field);
    }

    /** True when reading the relation per item does not run a query (selected or prefetched). */
    public boolean loads(String field) {
      return selects(field) || prefetches(field);
    }

    private static boolean covers(Set<String> lookups, String field) {
      for (String lookup : lookups) {
        if ("*".equals(lookup) || lookup.equals(field) || lookup.startsWith(field + "__")) {
          return true;
        }
      }
      return false;
    }

    QuerySet with(Set<String> selects, Set<String> prefetches, boolean values, boolean slice, boolean lock, CallExpression call) {
      List<CallExpression> calls = new ArrayList<>(methods);
      if (call != null) {
        calls.add(call);
      }
      return new QuerySet(model, origin, selects, prefetches, values, slice, lock, calls);
    }
  }

  /** The queryset an expression evaluates to, or empty. */
  public static Optional<QuerySet> of(Expression expression, SubscriptionContext ctx) {
    return of(expression, ctx, 0, new HashSet<>());
  }

  private static Optional<QuerySet> of(Expression expression, SubscriptionContext ctx, int depth, Set<Tree> visiting) {
    if (depth > MAX_DEPTH || !visiting.add(expression)) {
      return Optional.empty();
    }
    try {
      Expression expr = Trees.skipParentheses(expression);
      if (expr instanceof CallExpression call) {
        return ofCall(call, ctx, depth, visiting);
      }
      if (expr instanceof QualifiedExpression qualified) {
        return ofAttribute(qualified, ctx, depth, visiting);
      }
      if (expr instanceof SliceExpression slice) {
        return of(slice.object(), ctx, depth + 1, visiting)
          .map(q -> q.with(q.selectRelated(), q.prefetchRelated(), q.valuesLike(), true, q.locked(), null));
      }
      if (expr instanceof Name name) {
        return ofName(name, ctx, depth, visiting);
      }
      return Optional.empty();
    } finally {
      visiting.remove(expression);
    }
  }

  private static Optional<QuerySet> ofCall(CallExpression call, SubscriptionContext ctx, int depth, Set<Tree> visiting) {
    Optional<Expression> receiver = Fqns.receiver(call);
    Optional<String> method = Fqns.calleeName(call);
    if (receiver.isEmpty() || method.isEmpty()) {
      return Optional.empty();
    }
    String name = method.get();
    if ("get_queryset".equals(name) && call.arguments().isEmpty()) {
      return selfQuerySet(call, receiver.get(), ctx, depth, visiting);
    }
    if (!CHAIN_METHODS.contains(name)) {
      return Optional.empty();
    }
    Optional<QuerySet> base = of(receiver.get(), ctx, depth + 1, visiting);
    if (base.isEmpty()) {
      return Optional.empty();
    }
    QuerySet qs = base.get();
    Set<String> selects = qs.selectRelated();
    Set<String> prefetches = qs.prefetchRelated();
    boolean values = qs.valuesLike();
    switch (name) {
      case "select_related" -> selects = union(selects, lookups(call, true));
      case "prefetch_related" -> prefetches = union(prefetches, lookups(call, false));
      case "values", "values_list", "dates", "datetimes" -> values = true;
      default -> {
        // filters and ordering keep the loaded relations
      }
    }
    return Optional.of(qs.with(selects, prefetches, values, qs.sliced(), qs.locked() || "select_for_update".equals(name), call));
  }

  /** {@code Model.objects} / {@code Model.<manager>}, or {@code self.queryset}. */
  private static Optional<QuerySet> ofAttribute(QualifiedExpression qualified, SubscriptionContext ctx, int depth, Set<Tree> visiting) {
    Expression qualifier = Trees.skipParentheses(qualified.qualifier());
    String attribute = qualified.name().name();
    if (qualifier instanceof Name self && "self".equals(self.name()) && "queryset".equals(attribute)) {
      return classAttributeQuerySet(qualified, ctx, depth, visiting);
    }
    if (!DjangoModelClasses.isModelClass(qualifier)) {
      return Optional.empty();
    }
    ClassType model = DjangoModelClasses.classType(qualifier.typeV2());
    if (model == null) {
      return Optional.empty();
    }
    Optional<DjangoModelIndex.Model> info = DjangoModelIndex.of(model, ctx);
    if (info.isEmpty()) {
      return Optional.empty();
    }
    DjangoModelIndex.Manager manager = info.get().manager(attribute);
    if (!manager.known()) {
      return Optional.empty();
    }
    return Optional.of(new QuerySet(model, qualified, manager.selectRelated(), manager.prefetchRelated(), false, false, false, List.of()));
  }

  private static Optional<QuerySet> ofName(Name name, SubscriptionContext ctx, int depth, Set<Tree> visiting) {
    SymbolV2 symbol = name.symbolV2();
    if (symbol == null || symbol.usages().stream().anyMatch(u -> u.kind() == UsageV2.Kind.PARAMETER || u.kind() == UsageV2.Kind.GLOBAL_DECLARATION
      || u.kind() == UsageV2.Kind.NONLOCAL_DECLARATION || u.kind() == UsageV2.Kind.LOOP_DECLARATION)) {
      return Optional.empty();
    }
    // the frontend may give the value being assigned for a name read on its own right-hand side (qs = qs.filter(...)):
    // such values are dropped, and every other assignment of the name stands for them
    Set<Expression> values = withoutEnclosing(AnalysisContext.of(ctx).values().reaching(name, ctx), name);
    if (values.isEmpty()) {
      values = withoutEnclosing(allAssignedValues(symbol), name);
    }
    if (values.isEmpty()) {
      return Optional.empty();
    }
    return mergedQuerySet(values, ctx, depth, visiting);
  }

  /** The querysets of all the values merged, or empty when one of them is not a queryset or they cannot be merged. */
  private static Optional<QuerySet> mergedQuerySet(Iterable<Expression> values, SubscriptionContext ctx, int depth, Set<Tree> visiting) {
    QuerySet merged = null;
    for (Expression value : values) {
      Optional<QuerySet> qs = of(value, ctx, depth + 1, visiting);
      if (qs.isEmpty()) {
        return Optional.empty();
      }
      merged = merged == null ? qs.get() : merge(merged, qs.get());
      if (merged == null) {
        return Optional.empty();
      }
    }
    return Optional.ofNullable(merged);
  }

  /**
   * The values of every binding of the symbol when each is a plain assignment (flow-insensitive: where the frontend gives
   * no reaching definitions, e.g. for a name read in a comprehension); empty otherwise.
   */
  private static Set<Expression> allAssignedValues(SymbolV2 symbol) {
    Set<Expression> values = new LinkedHashSet<>();
    for (UsageV2 usage : symbol.usages()) {
      if (!usage.isBindingUsage()) {
        continue;
      }
      Tree parent = usage.tree().parent();
      if (usage.kind() != UsageV2.Kind.ASSIGNMENT_LHS || parent == null || !parent.is(Tree.Kind.EXPRESSION_LIST)
        || !(parent.parent() instanceof AssignmentStatement assignment)
        || ((org.sonar.plugins.python.api.tree.ExpressionList) parent).expressions().size() != 1) {
        return Set.of();
      }
      values.add(assignment.assignedValue());
    }
    return values;
  }

  private static Set<Expression> withoutEnclosing(Set<Expression> values, Name name) {
    Set<Expression> result = new LinkedHashSet<>();
    for (Expression value : values) {
      if (!Trees.isAncestorOrSelf(value, name)) {
        result.add(value);
      }
    }
    return result;
  }

  /** Two definitions reaching one name: what is loaded by any of them counts as loaded (no false N+1). */
  private static QuerySet merge(QuerySet a, QuerySet b) {
    if (!a.model().equals(b.model()) && !a.model().fullyQualifiedName().equals(b.model().fullyQualifiedName())) {
      return null;
    }
    Tree origin = a.origin().firstToken().line() <= b.origin().firstToken().line() ? a.origin() : b.origin();
    List<CallExpression> calls = new ArrayList<>(a.methods());
    calls.addAll(b.methods());
    return new QuerySet(a.model(), origin, union(a.selectRelated(), b.selectRelated()), union(a.prefetchRelated(), b.prefetchRelated()),
      a.valuesLike() && b.valuesLike(), a.sliced() && b.sliced(), a.locked() && b.locked(), calls);
  }

  /** {@code self.get_queryset()} / {@code super().get_queryset()} in a class of this file. */
  private static Optional<QuerySet> selfQuerySet(CallExpression call, Expression receiver, SubscriptionContext ctx, int depth, Set<Tree> visiting) {
    Expression r = Trees.skipParentheses(receiver);
    boolean self = r instanceof Name n && "self".equals(n.name());
    boolean superCall = r instanceof CallExpression c && c.callee() instanceof Name n && "super".equals(n.name());
    if (!self && !superCall) {
      return Optional.empty();
    }
    ClassDef owner = enclosingMethodOwner(call);
    if (owner == null) {
      return Optional.empty();
    }
    FunctionDef getQueryset = self ? method(owner, "get_queryset") : null;
    if (getQueryset != null && !Trees.isAncestorOrSelf(getQueryset, call)) {
      return returnedQuerySet(getQueryset, ctx, depth, visiting);
    }
    // super().get_queryset(), or self.get_queryset() without an override: the class's queryset attribute
    return classAttribute(owner, "queryset").flatMap(value -> of(value, ctx, depth + 1, visiting));
  }

  private static Optional<QuerySet> classAttributeQuerySet(QualifiedExpression selfQueryset, SubscriptionContext ctx, int depth, Set<Tree> visiting) {
    ClassDef owner = enclosingMethodOwner(selfQueryset);
    return owner == null ? Optional.empty() : classAttribute(owner, "queryset").flatMap(value -> of(value, ctx, depth + 1, visiting));
  }

  /** The queryset every {@code return} of the function gives (merged), or empty when one of them is not a queryset. */
  public static Optional<QuerySet> returnedQuerySet(FunctionDef function, SubscriptionContext ctx) {
    return returnedQuerySet(function, ctx, 0, new HashSet<>());
  }

  private static Optional<QuerySet> returnedQuerySet(FunctionDef function, SubscriptionContext ctx, int depth, Set<Tree> visiting) {
    List<ReturnStatement> returns = Trees.descendantsInSameScope(function.body(), Tree.Kind.RETURN_STMT, ReturnStatement.class);
    List<Expression> values = new ArrayList<>();
    for (ReturnStatement returned : returns) {
      if (returned.expressions().size() != 1) {
        return Optional.empty();
      }
      values.add(returned.expressions().get(0));
    }
    return mergedQuerySet(values, ctx, depth, visiting);
  }

  private static ClassDef enclosingMethodOwner(Tree tree) {
    FunctionDef function = Trees.nearestFunctionDef(tree);
    return function == null ? null : Trees.methodOwner(function);
  }

  /** The method of this name declared in the class body, or null. */
  public static FunctionDef method(ClassDef classDef, String name) {
    for (Statement statement : classDef.body().statements()) {
      if (statement instanceof FunctionDef function && function.name().name().equals(name)) {
        return function;
      }
    }
    return null;
  }

  /** The value of {@code name = value} in the class body, or empty. */
  public static Optional<Expression> classAttribute(ClassDef classDef, String name) {
    Expression found = null;
    for (Statement statement : classDef.body().statements()) {
      if (statement instanceof AssignmentStatement assignment && assignment.lhsExpressions().size() == 1
        && assignment.lhsExpressions().get(0).expressions().size() == 1
        && assignment.lhsExpressions().get(0).expressions().get(0) instanceof Name target && target.name().equals(name)) {
        found = assignment.assignedValue();
      }
    }
    return Optional.ofNullable(found);
  }

  /** String lookups of select_related/prefetch_related; {@code *} for no argument or a non-literal one. */
  private static Set<String> lookups(CallExpression call, boolean select) {
    Set<String> result = new LinkedHashSet<>();
    if (call.arguments().isEmpty()) {
      result.add(select ? "*" : "");
      return result;
    }
    for (Argument argument : call.arguments()) {
      if (!(argument instanceof RegularArgument regular) || regular.keywordArgument() != null) {
        result.add("*");
        continue;
      }
      Expression value = Trees.skipParentheses(regular.expression());
      Optional<String> literal = Literals.stringValue(value);
      if (literal.isPresent()) {
        result.add(literal.get());
      } else if (value instanceof CallExpression prefetch && Fqns.calleeName(prefetch).filter("Prefetch"::equals).isPresent()) {
        // Prefetch("books", queryset=..., to_attr="x"): with to_attr, the relation itself is not cached
        Optional<String> toAttr = Arguments.value(prefetch, 2, "to_attr").flatMap(Literals::stringValue);
        Optional<String> lookup = Arguments.value(prefetch, 0, "lookup").flatMap(Literals::stringValue);
        result.add(toAttr.isPresent() ? "to_attr:" + toAttr.get() : lookup.orElse("*"));
      } else {
        result.add("*");
      }
    }
    return result;
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> result = new LinkedHashSet<>(a);
    result.addAll(b);
    return Set.copyOf(result);
  }

  /**
   * The manager/queryset method a call invokes on a queryset of a known model ({@code Book.objects.filter(...).count()}
   * gives {@code count} on the {@code filter} queryset), or empty.
   */
  public record QueryCall(String method, QuerySet receiver, CallExpression call) {
  }

  public static Optional<QueryCall> queryCall(CallExpression call, SubscriptionContext ctx) {
    Optional<Expression> receiver = Fqns.receiver(call);
    Optional<String> method = Fqns.calleeName(call);
    if (receiver.isEmpty() || method.isEmpty()) {
      return Optional.empty();
    }
    return of(receiver.get(), ctx).map(qs -> new QueryCall(method.get(), qs, call));
  }

  /**
   * A loop over the items of a queryset: {@code for item in qs}, {@code for i, item in enumerate(qs)}, or a comprehension
   * {@code [... for item in qs]}.
   *
   * @param loop the for statement or comprehension
   * @param item the loop variable bound to each model instance
   * @param iterable the iterated expression
   */
  public record Loop(Tree loop, Name item, Expression iterable, QuerySet querySet) {
  }

  /** The queryset loop this node is, if it is one (for statements and comprehension fors). */
  public static Optional<Loop> loop(Tree node, SubscriptionContext ctx) {
    List<Expression> targets;
    Expression iterable;
    Tree loop;
    if (node instanceof ForStatement forStatement) {
      if (forStatement.testExpressions().size() != 1) {
        return Optional.empty();
      }
      targets = forStatement.expressions();
      iterable = forStatement.testExpressions().get(0);
      loop = forStatement;
    } else if (node instanceof ComprehensionFor comprehensionFor) {
      targets = comprehensionFor.loopExpression() instanceof Tuple tuple ? tuple.elements() : List.of(comprehensionFor.loopExpression());
      iterable = comprehensionFor.iterable();
      loop = comprehensionFor.parent();
    } else {
      return Optional.empty();
    }
    if (targets.size() == 1 && targets.get(0) instanceof Name item) {
      return queryLoop(loop, item, iterable, iterable, ctx);
    }
    // for i, item in enumerate(qs)
    Expression iterated = Trees.skipParentheses(iterable);
    if (targets.size() == 2 && targets.get(1) instanceof Name item && iterated instanceof CallExpression enumerate
      && enumerate.callee() instanceof Name e && "enumerate".equals(e.name()) && enumerate.arguments().size() == 1
      && enumerate.arguments().get(0) instanceof RegularArgument arg && arg.keywordArgument() == null) {
      return queryLoop(loop, item, iterable, arg.expression(), ctx);
    }
    return Optional.empty();
  }

  private static Optional<Loop> queryLoop(Tree loop, Name item, Expression iterable, Expression iterated, SubscriptionContext ctx) {
    return of(iterated, ctx).map(qs -> new Loop(loop, item, iterable, qs));
  }
}
