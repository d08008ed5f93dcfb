/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.sqlalchemy;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.backendreview.checks.BackendReviewCheck;
import org.backendreview.semantics.asyncio.AsyncContext;
import org.backendreview.semantics.sqlalchemy.SqlAlchemyRelationships;
import org.backendreview.semantics.sqlalchemy.SqlAlchemyRelationships.EntityLoad;
import org.backendreview.semantics.sqlalchemy.SqlAlchemyRelationships.LoopRead;
import org.backendreview.semantics.sqlalchemy.SqlAlchemyRelationships.Relationship;
import org.backendreview.tree.Fqns;
import org.backendreview.tree.Trees;
import org.backendreview.tree.ValueResolver;
import org.sonar.check.Rule;
import org.sonar.plugins.python.api.SubscriptionContext;
import org.sonar.plugins.python.api.symbols.v2.SymbolV2;
import org.sonar.plugins.python.api.symbols.v2.UsageV2;
import org.sonar.plugins.python.api.tree.AssignmentStatement;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.FunctionDef;
import org.sonar.plugins.python.api.tree.Name;
import org.sonar.plugins.python.api.tree.QualifiedExpression;
import org.sonar.plugins.python.api.tree.Tree;

/**
 * Instances loaded by an awaited {@code AsyncSession} query, then a lazy relationship read on
 * them (in a loop over the result, or on the one instance bound to a name: {@code await session.get(User, id)},
 * {@code (await session.execute(select(User)...)).scalar_one()}...): the implicit lazy load needs I/O outside an awaited
 * call and raises {@code MissingGreenlet}. An instance passed to any {@code refresh(...)} call, or whose relationship
 * is assigned in the function, is left alone.
 */
@Rule(key = "SqlAlchemyLazyLoadInAsync")
public class SqlAlchemyLazyLoadInAsyncCheck extends BackendReviewCheck {

  @Override
  protected void register(Context context) {
    context.registerSyntaxNodeConsumer(Tree.Kind.FOR_STMT, this::check);
    context.registerSyntaxNodeConsumer(Tree.Kind.COMP_FOR, this::check);
    context.registerSyntaxNodeConsumer(Tree.Kind.FUNCDEF, this::checkInstances);
  }

  private void checkInstances(SubscriptionContext ctx) {
    FunctionDef function = (FunctionDef) ctx.syntaxNode();
    if (!AsyncContext.isAsync(function)) {
      return;
    }
    for (AssignmentStatement assignment : Trees.descendantsInSameScope(function.body(), Tree.Kind.ASSIGNMENT_STMT, AssignmentStatement.class)) {
      if (assignment.lhsExpressions().size() != 1 || assignment.lhsExpressions().get(0).expressions().size() != 1
        || !(assignment.lhsExpressions().get(0).expressions().get(0) instanceof Name target) || target.symbolV2() == null
        || ValueResolver.singleAssignedValue(target).isEmpty()) {
        continue;
      }
      Optional<EntityLoad> load = SqlAlchemyRelationships.instanceLoadOf(assignment.assignedValue()).filter(EntityLoad::awaited);
      if (load.isPresent() && !refreshed(target.symbolV2())) {
        checkReads(target.symbolV2(), function, load.get(), ctx);
      }
    }
  }

  private static void checkReads(SymbolV2 symbol, FunctionDef function, EntityLoad load, SubscriptionContext ctx) {
    Set<String> assigned = new HashSet<>();
    Set<String> seen = new HashSet<>();
    for (UsageV2 usage : symbol.usages()) {
      if (usage.tree().parent() instanceof QualifiedExpression read && read.qualifier() == usage.tree() && isStoreTarget(read)) {
        assigned.add(read.name().name());
      }
    }
    for (UsageV2 usage : symbol.usages()) {
      if (usage.isBindingUsage() || !(usage.tree().parent() instanceof QualifiedExpression read) || read.qualifier() != usage.tree()
        || isStoreTarget(read) || Trees.enclosingFunction(read) != function || Trees.firstAncestor(read, Tree.Kind.LAMBDA) != null) {
        continue;
      }
      String name = read.name().name();
      if (assigned.contains(name) || !seen.add(name) || load.optionsMayLoad(name) || load.filteredOn(name)) {
        continue;
      }
      SqlAlchemyRelationships.relationship(load.entity(), name, ctx).filter(Relationship::lazy)
        .ifPresent(r -> report(ctx, read, r, load));
    }
  }

  private static boolean isStoreTarget(QualifiedExpression read) {
    Tree parent = read.parent();
    if (parent != null && parent.is(Tree.Kind.EXPRESSION_LIST)) {
      return parent.parent() instanceof AssignmentStatement assignment && assignment.lhsExpressions().contains(parent);
    }
    return parent != null && parent.is(Tree.Kind.DEL_STMT, Tree.Kind.ANNOTATED_ASSIGNMENT, Tree.Kind.COMPOUND_ASSIGNMENT);
  }

  /** The instance is an argument of a {@code refresh(...)} call: which attributes it loads is not followed. */
  private static boolean refreshed(SymbolV2 symbol) {
    return symbol.usages().stream().anyMatch(u -> {
      Tree argument = u.tree().parent();
      return argument != null && argument.is(Tree.Kind.REGULAR_ARGUMENT) && argument.parent() != null
        && argument.parent().parent() instanceof CallExpression call && Fqns.calleeName(call).filter("refresh"::equals).isPresent();
    });
  }

  private void check(SubscriptionContext ctx) {
    for (LoopRead read : SqlAlchemyRelationships.lazyReadsInLoop(ctx.syntaxNode(), ctx)) {
      if (!read.load().awaited()) {
        continue;
      }
      report(ctx, read.read(), read.relationship(), read.load());
    }
  }

  private static void report(SubscriptionContext ctx, QualifiedExpression read, Relationship relationship, EntityLoad load) {
    LazyLoadIssues.report(ctx, read, relationship, load, "this implicit lazy load on an AsyncSession raises MissingGreenlet.", "Awaited query");
  }

}
