/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.transactions;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.backendreview.checks.BackendReviewCheck;
import org.backendreview.semantics.django.DjangoApi;
import org.backendreview.semantics.django.DjangoModelIndex;
import org.backendreview.semantics.django.DjangoModels;
import org.backendreview.semantics.django.DjangoQuerySets;
import org.backendreview.semantics.django.DjangoQuerySets.QueryCall;
import org.backendreview.semantics.python.FreshValues;
import org.backendreview.semantics.web.RequestHandlers;
import org.backendreview.tree.Fqns;
import org.backendreview.tree.Literals;
import org.backendreview.tree.Trees;
import org.sonar.check.Rule;
import org.sonar.plugins.python.api.SubscriptionContext;
import org.sonar.plugins.python.api.tree.Argument;
import org.sonar.plugins.python.api.tree.BinaryExpression;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.ExceptClause;
import org.sonar.plugins.python.api.tree.FunctionDef;
import org.sonar.plugins.python.api.tree.Expression;
import org.sonar.plugins.python.api.tree.IfStatement;
import org.sonar.plugins.python.api.tree.QualifiedExpression;
import org.sonar.plugins.python.api.tree.RegularArgument;
import org.sonar.plugins.python.api.tree.Tree;
import org.sonar.plugins.python.api.tree.TryStatement;
import org.sonar.plugins.python.api.tree.UnaryExpression;
import org.sonar.plugins.python.api.types.v2.ClassType;

/**
 * Check-then-act races on Django models. {@code if not Model.objects.filter(...).exists(): Model.objects.create(...)}
 * and {@code try: Model.objects.get(...) except Model.DoesNotExist: Model.objects.create(...)} let two concurrent
 * requests both create the row; {@code get_or_create()}/{@code update_or_create()} are only safe when their lookup is
 * backed by a unique constraint.
 */
@Rule(key = "CheckThenCreateRace")
public class CheckThenCreateRaceCheck extends BackendReviewCheck {

  /** get_or_create()/update_or_create() after a check are reported on their own when their lookup is not unique. */
  private static final Set<String> CREATES = Set.of("create", "bulk_create");
  private static final Set<String> NOT_LOOKUPS = Set.of("defaults", "create_defaults");
  /** The {@code pk} lookup: the primary key, unique by definition. */
  private static final String PK = "pk";

  @Override
  protected void register(Context context) {
    context.registerSyntaxNodeConsumer(Tree.Kind.IF_STMT, CheckThenCreateRaceCheck::checkIf);
    context.registerSyntaxNodeConsumer(Tree.Kind.TRY_STMT, CheckThenCreateRaceCheck::checkTry);
    context.registerSyntaxNodeConsumer(Tree.Kind.CALL_EXPR, CheckThenCreateRaceCheck::checkGetOrCreate);
  }

  private static void checkIf(SubscriptionContext ctx) {
    IfStatement ifStatement = (IfStatement) ctx.syntaxNode();
    if (ifStatement.isElif()) {
      return;
    }
    Expression condition = Trees.skipParentheses(ifStatement.condition());
    boolean negated = false;
    if (condition.is(Tree.Kind.NOT)) {
      negated = true;
      condition = Trees.skipParentheses(((UnaryExpression) condition).expression());
    }
    Optional<QueryCall> check = Optional.empty();
    boolean noneBranchIsBody = negated;
    if (condition instanceof CallExpression call) {
      check = DjangoQuerySets.queryCall(call, ctx).filter(q -> Set.of("exists", "count", "first").contains(q.method()));
    } else if (condition instanceof BinaryExpression comparison && condition.is(Tree.Kind.COMPARISON) && !negated
      && Trees.skipParentheses(comparison.leftOperand()) instanceof CallExpression call && isZero(comparison.rightOperand())) {
      check = DjangoQuerySets.queryCall(call, ctx).filter(q -> "count".equals(q.method()));
      String operator = comparison.operator().value();
      if ("==".equals(operator)) {
        noneBranchIsBody = true;
      } else if (!"!=".equals(operator) && !">".equals(operator)) {
        return;
      }
    }
    if (check.isEmpty()) {
      return;
    }
    Tree noneBranch = noneBranchIsBody ? ifStatement.body() : elseBody(ifStatement);
    if (noneBranch == null) {
      return;
    }
    QueryCall checking = check.get();
    if (looksUpFreshValue(checking.call()) || uniqueOutsideRequest(checking, ctx)) {
      return;
    }
    creationOf(checking.receiver().model(), noneBranch, ctx).ifPresent(create -> ctx.addIssue(checking.call(),
      "Replace this check-then-create with get_or_create() on a unique constraint, or create and catch IntegrityError: two "
        + "concurrent requests can both pass this check.")
      .secondary(create, "Created after the check"));
  }

  /**
   * The lookup of the checking query (its own arguments and those of the filter()/get() calls it is chained on) holds a
   * fresh value (now(), uuid4(), a random token): no row that existed before can match, the check is a collision test.
   */
  private static boolean looksUpFreshValue(CallExpression check) {
    Expression current = check;
    while (current instanceof CallExpression call) {
      for (Argument argument : call.arguments()) {
        if (argument instanceof RegularArgument regular && FreshValues.isFresh(regular.expression())) {
          return true;
        }
      }
      current = Fqns.receiver(call).map(Trees::skipParentheses).orElse(null);
    }
    return false;
  }

  /**
   * The checked lookup is backed by a unique constraint (the primary key, a unique field, a one-to-one...), and the code
   * is not a request handler. The database then refuses the second row: the race costs an IntegrityError, no duplicate.
   * Worth a change where concurrent requests hit it (a view), not in a signal receiver for one user, a task or a command.
   */
  private static boolean uniqueOutsideRequest(QueryCall checking, SubscriptionContext ctx) {
    Optional<Set<String>> lookup = chainLookup(checking, ctx);
    if (lookup.isEmpty()) {
      return false;
    }
    Optional<DjangoModelIndex.Model> model = DjangoModelIndex.of(checking.receiver().model(), ctx);
    if (model.isEmpty() || !isUnique(lookup.get(), model.get())) {
      return false;
    }
    FunctionDef function = Trees.enclosingFunction(checking.call());
    return function == null || RequestHandlers.of(function, ctx).isEmpty();
  }

  /** The model fields of the keyword lookups of the checking chain; empty when one is not a plain field lookup. */
  private static Optional<Set<String>> chainLookup(QueryCall checking, SubscriptionContext ctx) {
    Optional<DjangoModelIndex.Model> model = DjangoModelIndex.of(checking.receiver().model(), ctx);
    if (model.isEmpty()) {
      return Optional.empty();
    }
    Set<String> lookup = new LinkedHashSet<>();
    Expression current = checking.call();
    while (current instanceof CallExpression call) {
      String method = Fqns.calleeName(call).orElse("");
      if (!Set.of("filter", "get", "exists", "count", "first", "all").contains(method)) {
        return Optional.empty();
      }
      for (Argument argument : call.arguments()) {
        if (!(argument instanceof RegularArgument regular) || regular.keywordArgument() == null) {
          return Optional.empty();
        }
        Optional<String> field = fieldOfLookup(regular.keywordArgument().name(), model.get());
        if (field.isEmpty()) {
          return Optional.empty();
        }
        lookup.add(field.get());
      }
      current = Fqns.receiver(call).map(Trees::skipParentheses).orElse(null);
    }
    return lookup.isEmpty() ? Optional.empty() : Optional.of(lookup);
  }

  private static Tree elseBody(IfStatement ifStatement) {
    if (!ifStatement.elifBranches().isEmpty() || ifStatement.elseBranch() == null) {
      return null;
    }
    return ifStatement.elseBranch().body();
  }

  private static boolean isZero(Expression expression) {
    return Trees.skipParentheses(expression) instanceof org.sonar.plugins.python.api.tree.NumericLiteral number && "0".equals(number.valueAsString());
  }

  private static void checkTry(SubscriptionContext ctx) {
    TryStatement tryStatement = (TryStatement) ctx.syntaxNode();
    for (CallExpression call : Trees.descendantsInSameScope(tryStatement.body(), Tree.Kind.CALL_EXPR, CallExpression.class)) {
      Optional<QueryCall> get = DjangoQuerySets.queryCall(call, ctx).filter(q -> "get".equals(q.method()));
      if (get.isEmpty() || looksUpFreshValue(call)) {
        continue;
      }
      if (uniqueOutsideRequest(get.get(), ctx)) {
        return;
      }
      ClassType model = get.get().receiver().model();
      for (ExceptClause clause : tryStatement.exceptClauses()) {
        if (catchesDoesNotExist(clause.exception(), model)) {
          Optional<Tree> create = creationOf(model, clause.body(), ctx);
          if (create.isPresent()) {
            ctx.addIssue(call, "Replace this get-then-create with get_or_create() on a unique constraint, or create and catch "
              + "IntegrityError: two concurrent requests can both miss the row and create it.")
              .secondary(create.get(), "Created after the lookup failed");
            return;
          }
        }
      }
    }
  }

  private static boolean catchesDoesNotExist(Expression exception, ClassType model) {
    if (exception == null) {
      return false;
    }
    for (Expression candidate : Literals.collectionElements(exception).orElse(List.of(exception))) {
      Expression expr = Trees.skipParentheses(candidate);
      if (DjangoApi.OBJECT_DOES_NOT_EXIST.matches(expr)) {
        return true;
      }
      if (expr instanceof QualifiedExpression q && "DoesNotExist".equals(q.name().name()) && DjangoModels.isModelClass(q.qualifier())) {
        ClassType owner = DjangoModels.classType(q.qualifier().typeV2());
        return owner != null && sameModel(owner, model);
      }
    }
    return false;
  }

  /** {@code Model.objects.create(...)} or {@code Model(...)} followed by a {@code save()} in the branch. */
  private static Optional<Tree> creationOf(ClassType model, Tree branch, SubscriptionContext ctx) {
    List<CallExpression> calls = Trees.descendantsInSameScope(branch, Tree.Kind.CALL_EXPR, CallExpression.class);
    CallExpression construction = null;
    boolean saved = false;
    for (CallExpression call : calls) {
      Optional<QueryCall> create = DjangoQuerySets.queryCall(call, ctx).filter(q -> CREATES.contains(q.method()));
      if (create.isPresent() && sameModel(create.get().receiver().model(), model)) {
        return Optional.of(call);
      }
      if (construction == null && DjangoModels.isModelClass(call.callee())) {
        ClassType constructed = DjangoModels.classType(call.callee().typeV2());
        if (constructed != null && sameModel(constructed, model)) {
          construction = call;
        }
      }
      saved |= Fqns.calleeName(call).filter("save"::equals).isPresent();
    }
    return construction != null && saved ? Optional.of(construction) : Optional.empty();
  }

  private static boolean sameModel(ClassType a, ClassType b) {
    return a == b || a.fullyQualifiedName() != null && a.fullyQualifiedName().equals(b.fullyQualifiedName());
  }

  /** {@code get_or_create(a=..., b=...)} whose lookup fields are not unique together. */
  private static void checkGetOrCreate(SubscriptionContext ctx) {
    CallExpression call = (CallExpression) ctx.syntaxNode();
    // cheap name test first: resolving the queryset of every call of a file is what costs
    if (!(call.callee() instanceof QualifiedExpression callee) || !Set.of("get_or_create", "update_or_create").contains(callee.name().name())) {
      return;
    }
    Optional<QueryCall> query = DjangoQuerySets.queryCall(call, ctx)
      .filter(q -> "get_or_create".equals(q.method()) || "update_or_create".equals(q.method()));
    if (query.isEmpty() || !query.get().receiver().methods().isEmpty()) {
      // on a filtered queryset, the filter's fields are part of the lookup too: not analysed
      return;
    }
    Optional<DjangoModelIndex.Model> model = DjangoModelIndex.of(query.get().receiver().model(), ctx);
    if (model.isEmpty() || !model.get().complete() || !model.get().metaComplete()) {
      return;
    }
    Set<String> lookup = new LinkedHashSet<>();
    for (Argument argument : call.arguments()) {
      if (!(argument instanceof RegularArgument regular) || regular.keywordArgument() == null) {
        return;
      }
      String name = regular.keywordArgument().name();
      if (NOT_LOOKUPS.contains(name)) {
        continue;
      }
      if (FreshValues.isFresh(regular.expression())) {
        // a lookup on the current time or a new token never finds an existing row: nothing to race for
        return;
      }
      Optional<String> field = fieldOfLookup(name, model.get());
      if (field.isEmpty()) {
        return;
      }
      lookup.add(field.get());
    }
    if (lookup.isEmpty() || isUnique(lookup, model.get())) {
      return;
    }
    ctx.addIssue(call, "Add a unique constraint on " + String.join(", ", lookup) + " for this " + query.get().method()
      + "(): without one, concurrent calls create duplicates and later calls fail with MultipleObjectsReturned.");
  }

  /** {@code name}, {@code name__exact}, {@code fk_id}, {@code pk} to the model field; empty for other lookups. */
  private static Optional<String> fieldOfLookup(String lookup, DjangoModelIndex.Model model) {
    String name = lookup.endsWith("__exact") ? lookup.substring(0, lookup.length() - "__exact".length()) : lookup;
    if (name.contains("__")) {
      return Optional.empty();
    }
    if ("pk".equals(name)) {
      // whatever the primary key field is called
      return Optional.of(PK);
    }
    if ("id".equals(name) && !model.fields().containsKey("id")) {
      return Optional.of("id");
    }
    if (model.fields().containsKey(name) && model.fields().get(name).kind() != DjangoModelIndex.Kind.UNKNOWN
      && model.fields().get(name).kind() != DjangoModelIndex.Kind.MANAGER) {
      return Optional.of(name);
    }
    if (name.endsWith("_id") && model.field(name.substring(0, name.length() - 3)).filter(f -> f.kind().isForwardSingle()).isPresent()) {
      return Optional.of(name.substring(0, name.length() - 3));
    }
    return Optional.empty();
  }

  /** A lookup on pk, or covering a unique set of the model (forward foreign keys by their {@code _id} too). */
  private static boolean isUnique(Set<String> lookup, DjangoModelIndex.Model model) {
    return lookup.contains(PK) || model.coversUniqueSet(lookup);
  }

}
