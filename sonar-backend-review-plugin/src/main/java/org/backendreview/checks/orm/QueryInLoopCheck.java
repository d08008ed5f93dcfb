/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.orm;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.backendreview.checks.BackendReviewCheck;
import org.backendreview.semantics.django.DjangoModelIndex;
import org.backendreview.semantics.django.DjangoModels;
import org.backendreview.semantics.django.DjangoQuerySets;
import org.backendreview.semantics.django.DjangoQuerySets.QueryCall;
import org.backendreview.semantics.django.DjangoWrites;
import org.backendreview.semantics.django.IteratedCollections;
import org.backendreview.tree.Fqns;
import org.backendreview.tree.Literals;
import org.backendreview.tree.Trees;
import org.sonar.check.Rule;
import org.sonar.plugins.python.api.PythonCheck.PreciseIssue;
import org.sonar.plugins.python.api.SubscriptionContext;
import org.sonar.plugins.python.api.symbols.v2.SymbolV2;
import org.sonar.plugins.python.api.symbols.v2.UsageV2;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.ComprehensionExpression;
import org.sonar.plugins.python.api.tree.ComprehensionFor;
import org.sonar.plugins.python.api.tree.DictCompExpression;
import org.sonar.plugins.python.api.tree.Expression;
import org.sonar.plugins.python.api.tree.ForStatement;
import org.sonar.plugins.python.api.tree.Name;
import org.sonar.plugins.python.api.tree.QualifiedExpression;
import org.sonar.plugins.python.api.tree.Statement;
import org.sonar.plugins.python.api.tree.StatementList;
import org.sonar.plugins.python.api.tree.Tree;

/**
 * A Django query or write run once per item of a {@code for} loop or comprehension, with arguments that depend on
 * the item: {@code create()}/{@code save()}/{@code delete()}/{@code update()}/{@code get()}/{@code exists()}/
 * {@code count()}... Reported once per loop (the other per-item queries as secondary locations), and only when the loop
 * provably goes over a collection that grows with the data or the request ({@link IteratedCollections}): loops over
 * parameters, command-line options, constants and small fixed collections are deliberate per-item work. Reads through
 * {@code select_for_update()} (row-by-row locking) and {@code save()} of a model that overrides it (per-item logic) are
 * not reported either, nor loops that run per-item logic of a model ({@code job.go_state_canceling()}, {@code user.logout()}:
 * the queries go with it), nor {@code while} loops and per-item related-manager reads (ORM-02).
 */
@Rule(key = "QueryInLoop")
public class QueryInLoopCheck extends BackendReviewCheck {

  private static final Set<String> READS = Set.of("get", "first", "last", "latest", "earliest", "exists", "count", "aggregate", "in_bulk",
    "contains");

  @Override
  protected void register(Context context) {
    for (Tree.Kind kind : List.of(Tree.Kind.FOR_STMT, Tree.Kind.LIST_COMPREHENSION, Tree.Kind.SET_COMPREHENSION, Tree.Kind.GENERATOR_EXPR,
      Tree.Kind.DICT_COMPREHENSION)) {
      context.registerSyntaxNodeConsumer(kind, QueryInLoopCheck::checkLoop);
    }
  }

  private record PerItem(CallExpression call, String advice) {
  }

  private static void checkLoop(SubscriptionContext ctx) {
    Tree loop = ctx.syntaxNode();
    Expression iterable = iterable(loop);
    if (iterable == null || iteratesLiteral(iterable)) {
      return;
    }
    List<CallExpression> calls = new ArrayList<>();
    Trees.walk(loop, t -> !t.is(Tree.Kind.FUNCDEF, Tree.Kind.LAMBDA, Tree.Kind.CLASSDEF), t -> {
      if (t instanceof CallExpression call && isCandidate(call) && Trees.enclosingLoop(call) == loop) {
        calls.add(call);
      }
    });
    if (calls.isEmpty()) {
      return;
    }
    List<PerItem> perItem = new ArrayList<>();
    for (CallExpression call : calls) {
      String method = Fqns.calleeName(call).orElseThrow();
      if (leavesLoopRightAfter(call, loop) || deliberate(call, method, ctx)) {
        continue;
      }
      String advice = advice(call, method, ctx);
      if (advice != null && dependsOnLoop(call, loop)) {
        perItem.add(new PerItem(call, advice));
      }
    }
    if (perItem.isEmpty() || runsModelLogic(loop, ctx)) {
      return;
    }
    Optional<String> collection = IteratedCollections.unbounded(iterable, ctx);
    if (collection.isEmpty()) {
      return;
    }
    PerItem first = perItem.get(0);
    String others = perItem.size() == 1 ? "" : " The loop runs " + (perItem.size() - 1) + " other quer"
      + (perItem.size() == 2 ? "y" : "ies") + " per item.";
    PreciseIssue issue = ctx.addIssue(first.call(), first.advice() + others)
      .secondary(loopKeyword(loop), "Loop over " + collection.get() + ", running it once per item");
    for (PerItem other : perItem.subList(1, perItem.size())) {
      issue.secondary(other.call(), "Also runs once per item");
    }
  }

  private static boolean isCandidate(CallExpression call) {
    Optional<String> method = Fqns.calleeName(call);
    return method.isPresent() && (READS.contains(method.get()) || DjangoWrites.QUERYSET_WRITES.contains(method.get())
      || Set.of("save", "delete", "add", "remove").contains(method.get()));
  }

  /**
   * Per-item work the code means: a read through {@code select_for_update()} locks rows one by one; {@code save()} of a
   * model that overrides it runs that logic for each instance (bulk_update() would skip it).
   */
  private static boolean deliberate(CallExpression call, String method, SubscriptionContext ctx) {
    if (READS.contains(method)) {
      return DjangoQuerySets.queryCall(call, ctx).filter(q -> q.receiver().locked()).isPresent();
    }
    if ("save".equals(method) && Fqns.receiver(call).map(Trees::skipParentheses).orElse(null) instanceof Name instance) {
      return DjangoModels.instanceOrigin(instance, ctx).map(DjangoModels.InstanceOrigin::model)
        .flatMap(model -> DjangoModelIndex.of(model, ctx))
        .filter(model -> model.members().contains("save"))
        .isPresent();
    }
    return false;
  }

  /**
   * The loop runs per-item logic of the project: it calls a method that the model of an instance declares
   * ({@code job.go_state_canceling()}, {@code user.logout()}) on an instance it iterates or reads. The per-item queries
   * go with that logic (a state transition, a logout, a notification); a bulk write would skip it.
   */
  private static boolean runsModelLogic(Tree loop, SubscriptionContext ctx) {
    boolean[] found = {false};
    Trees.walk(loop, t -> !found[0] && !t.is(Tree.Kind.FUNCDEF, Tree.Kind.LAMBDA, Tree.Kind.CLASSDEF), t -> {
      if (t instanceof CallExpression call && Trees.skipParentheses(call.callee()) instanceof QualifiedExpression callee
        && Trees.skipParentheses(callee.qualifier()) instanceof Name instance) {
        String method = callee.name().name();
        found[0] = DjangoModels.instanceOrigin(instance, ctx).map(DjangoModels.InstanceOrigin::model)
          .flatMap(model -> DjangoModelIndex.of(model, ctx))
          .filter(model -> model.members().contains(method) && !model.fields().containsKey(method))
          .isPresent();
      }
    });
    return found[0];
  }

  private static String advice(CallExpression call, String method, SubscriptionContext ctx) {
    Optional<DjangoWrites.Write> write = DjangoWrites.of(call, ctx);
    if (write.isPresent()) {
      // related-manager writes are reported with their own target text (order.items), queryset writes with the model name
      boolean related = write.get().target().equals(write.get().display()) && write.get().target().contains(".");
      return switch (method) {
        case "save" -> "Update these rows together after the loop with bulk_update() or a queryset update(): this save() runs one query per item.";
        case "create", "bulk_create" -> related
          ? "Create these rows together after the loop with bulk_create(): this create() runs one INSERT per item."
          : "Collect the objects and insert them with bulk_create() after the loop: this create() runs one INSERT per item.";
        case "get_or_create", "update_or_create" -> "Load the existing rows once before the loop and bulk_create() the missing ones: this "
          + method + "() runs one or more queries per item.";
        case "add", "remove" -> "Pass all the objects to a single " + method + "() call after the loop: this one runs queries per item.";
        case "delete" -> "Delete these rows with one queryset delete() (filter(pk__in=...)): this delete() runs one query per item.";
        default -> "Express this per-item " + method + "() as one query (filter(pk__in=...), Case/When, F()): it runs once per item.";
      };
    }
    Optional<QueryCall> read = DjangoQuerySets.queryCall(call, ctx).filter(q -> READS.contains(q.method()));
    if (read.isEmpty() || Set.of("add", "remove", "save").contains(method)) {
      return null;
    }
    return switch (method) {
      case "get", "first", "last", "latest", "earliest", "in_bulk" -> "Fetch these rows in one query before the loop (in_bulk() or "
        + "filter(...__in=...)): this " + method + "() runs once per item.";
      default -> "Compute this " + method + "() for all items in one query (annotate(), values().annotate() or filter(...__in=...)): "
        + "it runs once per item.";
    };
  }

  /** The call reads a name bound by the loop (its variables, or assigned in its body). */
  private static boolean dependsOnLoop(CallExpression call, Tree loop) {
    Set<Name> names = new HashSet<>();
    Trees.walk(call, t -> !t.is(Tree.Kind.LAMBDA, Tree.Kind.FUNCDEF), t -> {
      if (t instanceof Name name) {
        names.add(name);
      }
    });
    for (Name name : names) {
      SymbolV2 symbol = name.symbolV2();
      if (symbol == null) {
        continue;
      }
      for (UsageV2 usage : symbol.usages()) {
        if (usage.isBindingUsage() && Trees.isAncestorOrSelf(loop, usage.tree())) {
          return true;
        }
      }
    }
    return false;
  }

  /** The iterated expression of the loop's (first) for. */
  private static Expression iterable(Tree loop) {
    if (loop instanceof ForStatement forStatement) {
      return forStatement.testExpressions().size() == 1 ? forStatement.testExpressions().get(0) : null;
    } else if (loop instanceof ComprehensionExpression comprehension) {
      return comprehension.comprehensionFor().iterable();
    } else if (loop instanceof DictCompExpression dict) {
      return dict.comprehensionFor().iterable();
    }
    return null;
  }

  /** {@code for x in [..]}, {@code for x in ("a", "b")}, {@code range(3)}: a fixed, small number of iterations. */
  private static boolean iteratesLiteral(Expression iterable) {
    Expression expr = Trees.skipParentheses(iterable);
    if (Literals.collectionElements(expr).isPresent() || expr.is(Tree.Kind.DICTIONARY_LITERAL)) {
      return true;
    }
    return expr instanceof CallExpression call && call.callee() instanceof Name n && "range".equals(n.name())
      && call.arguments().size() == 1 && call.arguments().get(0) instanceof org.sonar.plugins.python.api.tree.RegularArgument arg
      && Literals.isNumber(arg.expression());
  }

  /** The call sits in a block of the loop that ends with return/break/raise: it runs at most once. */
  private static boolean leavesLoopRightAfter(Tree call, Tree loop) {
    for (Tree current = call.parent(); current != null && current != loop; current = current.parent()) {
      if (current instanceof StatementList list && !list.statements().isEmpty()) {
        Statement last = list.statements().get(list.statements().size() - 1);
        if (last.is(Tree.Kind.RETURN_STMT, Tree.Kind.BREAK_STMT, Tree.Kind.RAISE_STMT)) {
          return true;
        }
      }
    }
    return false;
  }

  private static Tree loopKeyword(Tree loop) {
    if (loop instanceof ForStatement forStatement) {
      return forStatement.forKeyword();
    }
    List<Tree> children = loop.children();
    for (Tree child : children) {
      if (child instanceof ComprehensionFor comprehensionFor) {
        return comprehensionFor.forToken();
      }
    }
    return loop;
  }
}
