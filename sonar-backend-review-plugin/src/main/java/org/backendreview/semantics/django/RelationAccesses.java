/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.semantics.django;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.backendreview.semantics.django.DjangoModelIndex.Field;
import org.backendreview.semantics.django.DjangoModelIndex.Model;
import org.backendreview.tree.Trees;
import org.sonar.plugins.python.api.symbols.v2.SymbolV2;
import org.sonar.plugins.python.api.symbols.v2.UsageV2;
import org.sonar.plugins.python.api.tree.AssignmentStatement;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.ComprehensionFor;
import org.sonar.plugins.python.api.tree.Expression;
import org.sonar.plugins.python.api.tree.ForStatement;
import org.sonar.plugins.python.api.tree.Name;
import org.sonar.plugins.python.api.tree.QualifiedExpression;
import org.sonar.plugins.python.api.tree.Statement;
import org.sonar.plugins.python.api.tree.StatementList;
import org.sonar.plugins.python.api.tree.Tree;

/**
 * What reading {@code instance.<name>} on a model instance does: load a related row (forward foreign key / one-to-one),
 * or give a related manager on which a method runs a query (many-to-many, reverse foreign key). Also finds, in a loop
 * over a queryset, the attribute reads of the loop variable that run once per item.
 */
public final class RelationAccesses {

  /** Related-manager methods that read rows. */
  public static final Set<String> READ_METHODS = Set.of("all", "count", "exists", "first", "last", "filter", "exclude", "order_by",
    "values", "values_list", "get", "aggregate", "annotate", "latest", "earliest", "distinct", "select_related", "prefetch_related",
    "only", "defer", "in_bulk");
  /** Read methods answered from a prefetched cache; the others always run a new query. */
  public static final Set<String> CACHED_METHODS = Set.of("all", "count", "exists", "first", "last");

  private RelationAccesses() {
  }

  public enum Kind {
    /** {@code item.author} where {@code author} is a foreign key or one-to-one field. */
    FORWARD,
    /** {@code item.author.id} / {@code item.author.pk}: {@code item.author_id} holds the same value. */
    FORWARD_PK,
    /** {@code item.tags.all()} (many-to-many, generic relation, or reverse foreign key by its accessor name). */
    MANY
  }

  /**
   * An access.
   *
   * @param field the declared field, null for a reverse relation (known by its absence from the model)
   * @param method for {@link Kind#MANY}, the related-manager method called
   */
  public record Access(Kind kind, String relation, Field field, String method) {
    /** True when a prefetch does not avoid the query ({@code filter()}, {@code order_by()}...). */
    public boolean queriesEvenIfPrefetched() {
      return kind == Kind.MANY && !CACHED_METHODS.contains(method);
    }
  }

  /**
   * Classifies reading {@code attribute} on an instance of the model, followed by {@code next}: the next attribute name,
   * or a method name with {@code ()} when it is called, or null.
   */
  public static Optional<Access> classify(Model model, String attribute, String next) {
    Optional<Field> field = model.field(attribute);
    if (field.isPresent() && field.get().kind().isForwardSingle()) {
      boolean pk = ("id".equals(next) || "pk".equals(next)) && !field.get().declaration().kwargs().containsKey("to_field");
      return Optional.of(new Access(pk ? Kind.FORWARD_PK : Kind.FORWARD, attribute, field.get(), null));
    }
    if (next == null || !next.endsWith("()")) {
      return Optional.empty();
    }
    String method = next.substring(0, next.length() - 2);
    if (!READ_METHODS.contains(method)) {
      return Optional.empty();
    }
    if (field.isPresent() && field.get().kind().isMulti()) {
      return Optional.of(new Access(Kind.MANY, attribute, field.get(), method));
    }
    if (field.isEmpty() && model.isUndeclared(attribute)) {
      return Optional.of(new Access(Kind.MANY, attribute, null, method));
    }
    return Optional.empty();
  }

  /** Classifies a read {@code instance.attribute} in the tree (the next segment is read from the parent). */
  public static Optional<Access> classify(Model model, QualifiedExpression read) {
    return classify(model, read.name().name(), nextSegment(read));
  }

  /** The segment after this attribute read: {@code name} or {@code method()}; null when none. */
  public static String nextSegment(Expression read) {
    Tree parent = read.parent();
    if (parent instanceof QualifiedExpression next && next.qualifier() == read) {
      boolean called = next.parent() instanceof CallExpression call && call.callee() == next;
      return next.name().name() + (called ? "()" : "");
    }
    return null;
  }

  /**
   * The reads {@code item.x} of the loop variable that run once per iteration of this loop: inside its body (or the
   * comprehension's other parts), not as an assignment target, not in a branch that leaves the loop right after
   * ({@code return}, {@code break}, {@code raise}), and while the variable still holds the item.
   */
  public static List<QualifiedExpression> itemReads(DjangoQuerySets.Loop loop) {
    List<QualifiedExpression> reads = new ArrayList<>();
    SymbolV2 symbol = loop.item().symbolV2();
    if (symbol == null) {
      return reads;
    }
    Tree region = loop.loop() instanceof ForStatement forStatement ? forStatement.body() : loop.loop();
    Set<String> assigned = new java.util.HashSet<>();
    for (UsageV2 usage : symbol.usages()) {
      Tree tree = usage.tree();
      if (usage.isBindingUsage()) {
        if (tree != loop.item() && Trees.isAncestorOrSelf(region, tree)) {
          // rebound inside the loop: stop guessing
          return List.of();
        }
        continue;
      }
      if (!Trees.isAncestorOrSelf(region, tree) || Trees.isAncestorOrSelf(loop.iterable(), tree)) {
        continue;
      }
      if (tree.parent() instanceof QualifiedExpression read && read.qualifier() == tree) {
        if (isStoreTarget(read)) {
          // item.author = ...: the attribute then holds the assigned object, reading it runs no query
          assigned.add(read.name().name());
        } else if (!leavesLoopRightAfter(read, region) && !inNestedScope(read, loop.loop())) {
          reads.add(read);
        }
      }
    }
    reads.removeIf(read -> assigned.contains(read.name().name()));
    reads.sort((a, b) -> a.firstToken().line() != b.firstToken().line()
      ? Integer.compare(a.firstToken().line(), b.firstToken().line())
      : Integer.compare(a.firstToken().column(), b.firstToken().column()));
    return reads;
  }

  private static boolean inNestedScope(Tree read, Tree loop) {
    Tree scope = Trees.firstAncestor(read, Tree.Kind.FUNCDEF, Tree.Kind.LAMBDA, Tree.Kind.CLASSDEF);
    return scope != null && Trees.isAncestorOrSelf(loop, scope);
  }

  private static boolean isStoreTarget(QualifiedExpression read) {
    Tree parent = read.parent();
    if (parent != null && parent.is(Tree.Kind.EXPRESSION_LIST)) {
      return parent.parent() instanceof AssignmentStatement assignment && assignment.lhsExpressions().contains(parent);
    }
    return parent != null && parent.is(Tree.Kind.DEL_STMT);
  }

  /** True when the read sits in a block (inside the loop) that ends with return/break/raise. */
  private static boolean leavesLoopRightAfter(Tree read, Tree region) {
    Tree current = read;
    while (current != null && current != region.parent()) {
      if (current instanceof StatementList list && !list.statements().isEmpty()) {
        Statement last = list.statements().get(list.statements().size() - 1);
        if (last.is(Tree.Kind.RETURN_STMT, Tree.Kind.BREAK_STMT, Tree.Kind.RAISE_STMT)) {
          return true;
        }
      }
      if (current == region) {
        break;
      }
      current = current.parent();
    }
    return false;
  }

  /** The comprehension for clause or for statement of a loop node (for callers subscribing to both). */
  public static boolean isLoopNode(Tree tree) {
    return tree instanceof ForStatement || tree instanceof ComprehensionFor;
  }

  /** The name read as {@code name.x}, when the expression is such a read. */
  public static Optional<Name> instanceOf(QualifiedExpression read) {
    return read.qualifier() instanceof Name name ? Optional.of(name) : Optional.empty();
  }
}
