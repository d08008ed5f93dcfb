/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.semantics.django;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.backendreview.tree.Fqns;
import org.backendreview.tree.Trees;
import org.sonar.plugins.python.api.SubscriptionContext;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.ExceptClause;
import org.sonar.plugins.python.api.tree.Expression;
import org.sonar.plugins.python.api.tree.IfStatement;
import org.sonar.plugins.python.api.tree.Name;
import org.sonar.plugins.python.api.tree.QualifiedExpression;
import org.sonar.plugins.python.api.tree.Statement;
import org.sonar.plugins.python.api.tree.StatementList;
import org.sonar.plugins.python.api.tree.Tree;
import org.sonar.plugins.python.api.tree.TryStatement;

/**
 * Django ORM writes: manager/queryset writes on a known model ({@code create}, {@code update}, {@code delete},
 * {@code bulk_*}, {@code get_or_create}, {@code update_or_create}), {@code save()}/{@code delete()} of a proven model
 * instance, and related-manager writes ({@code order.items.add(...)}). Also tells whether two statements of a function
 * can run in the same call (not in exclusive branches, not after a {@code return}).
 */
public final class DjangoWrites {

  public static final Set<String> QUERYSET_WRITES = Set.of("create", "get_or_create", "update_or_create", "update", "delete", "bulk_create",
    "bulk_update");
  private static final Set<String> INSTANCE_WRITES = Set.of("save", "delete");
  private static final Set<String> RELATED_WRITES = Set.of("add", "remove", "set", "clear", "create");

  private DjangoWrites() {
  }

  /**
   * A write.
   *
   * @param target what is written, as text: the model for queryset writes, the instance or relation otherwise
   * @param display the target for messages ({@code Order}, {@code order}, {@code order.items})
   */
  public record Write(CallExpression call, String target, String display) {
  }

  public static Optional<Write> of(CallExpression call, SubscriptionContext ctx) {
    Optional<String> method = Fqns.calleeName(call);
    Optional<Expression> receiver = Fqns.receiver(call);
    if (method.isEmpty() || receiver.isEmpty()) {
      return Optional.empty();
    }
    String name = method.get();
    if (QUERYSET_WRITES.contains(name)) {
      Optional<DjangoQuerySets.QuerySet> qs = DjangoQuerySets.of(receiver.get(), ctx);
      if (qs.isPresent()) {
        return Optional.of(new Write(call, qs.get().model().fullyQualifiedName(), qs.get().model().name()));
      }
    }
    Expression target = Trees.skipParentheses(receiver.get());
    if (INSTANCE_WRITES.contains(name) && target instanceof Name instance && DjangoModels.instanceOrigin(instance, ctx).isPresent()) {
      return Optional.of(new Write(call, instance.name(), instance.name()));
    }
    if (RELATED_WRITES.contains(name) && target instanceof QualifiedExpression relation && relation.qualifier() instanceof Name instance) {
      Optional<DjangoModels.InstanceOrigin> origin = DjangoModels.instanceOrigin(instance, ctx);
      if (origin.isPresent() && origin.get().model() != null) {
        Optional<DjangoModelIndex.Model> model = DjangoModelIndex.of(origin.get().model(), ctx);
        String attribute = relation.name().name();
        boolean related = model.isPresent() && (model.get().field(attribute).filter(f -> f.kind().isMulti()).isPresent()
          || model.get().isUndeclared(attribute));
        if (related) {
          return Optional.of(new Write(call, instance.name() + "." + attribute, instance.name() + "." + attribute));
        }
      }
    }
    return Optional.empty();
  }

  /** True when the two nodes of one function can both run in one call. */
  public static boolean canRunTogether(Tree a, Tree b) {
    Tree first = a.firstToken().line() <= b.firstToken().line() ? a : b;
    Tree second = first == a ? b : a;
    if (leavesAfter(first, second)) {
      return false;
    }
    Set<Tree> ancestorsOfFirst = new HashSet<>();
    for (Tree t = first; t != null; t = t.parent()) {
      ancestorsOfFirst.add(t);
    }
    Tree childOfSecond = second;
    Tree common = second.parent();
    while (common != null && !ancestorsOfFirst.contains(common)) {
      childOfSecond = common;
      common = common.parent();
    }
    if (common == null) {
      return true;
    }
    Tree childOfFirst = first;
    while (childOfFirst.parent() != common) {
      childOfFirst = childOfFirst.parent();
    }
    if (childOfFirst == childOfSecond) {
      return true;
    }
    if (common instanceof IfStatement ifStatement) {
      return childOfFirst == ifStatement.condition() || childOfSecond == ifStatement.condition();
    }
    if (common instanceof TryStatement) {
      return !(childOfFirst instanceof ExceptClause || childOfSecond instanceof ExceptClause);
    }
    return true;
  }

  /** A block around {@code first} (within its function) ends with return/raise and does not contain {@code second}. */
  private static boolean leavesAfter(Tree first, Tree second) {
    for (Tree current = first.parent(); current != null && !current.is(Tree.Kind.FUNCDEF, Tree.Kind.LAMBDA, Tree.Kind.CLASSDEF);
      current = current.parent()) {
      if (current instanceof StatementList list && !list.statements().isEmpty() && !Trees.isAncestorOrSelf(list, second)) {
        Statement last = list.statements().get(list.statements().size() - 1);
        if (last.is(Tree.Kind.RETURN_STMT, Tree.Kind.RAISE_STMT)) {
          return true;
        }
      }
    }
    return false;
  }
}
