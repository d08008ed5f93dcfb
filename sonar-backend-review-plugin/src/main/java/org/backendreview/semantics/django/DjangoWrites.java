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

  /** Method names that never write to the database whatever their receiver (dict, str, list, request data, loggers). */
  private static final Set<String> NON_WRITING_METHODS = Set.of("get", "getlist", "items", "keys", "values", "format", "strip", "lower",
    "upper", "encode", "decode", "append", "extend", "split", "join", "replace", "startswith", "endswith", "copy",
    "debug", "info", "warning", "error", "exception", "is_valid", "full_clean", "clean", "has_perm", "is_authenticated");
  /** Library modules that do not write to the project's database. */
  private static final Set<String> NON_WRITING_MODULES = Set.of("logging", "json", "datetime", "time", "uuid", "decimal", "re", "math",
    "random", "secrets", "hashlib", "hmac", "base64", "os", "functools", "itertools", "collections", "django.utils", "django.urls",
    "django.http", "django.conf", "django.core.mail", "django.core.signing", "django.template", "django.contrib.messages", "pika", "kafka",
    "confluent_kafka", "celery", "kombu", "requests", "httpx", "boto3");

  /**
   * True unless every call that runs before {@code node} inside {@code scope} (document order, same function) surely does not
   * write to the database: queryset reads, {@code get_object_or_404}, builtins, calls of known non-writing libraries, plain
   * data methods, and calls the caller knows ({@code known}, e.g. other outbound effects). A call of project code or an
   * unresolved call may write.
   */
  public static boolean mayWriteBefore(Tree scope, Tree node, SubscriptionContext ctx, java.util.function.Predicate<CallExpression> known) {
    Tree statements = scope instanceof org.sonar.plugins.python.api.tree.FunctionDef function ? function.body() : scope;
    for (CallExpression call : Trees.descendantsInSameScope(statements, Tree.Kind.CALL_EXPR, CallExpression.class)) {
      if (!Trees.startsBefore(call, node) || Trees.isAncestorOrSelf(call, node) || Trees.isAncestorOrSelf(node, call)) {
        continue;
      }
      if (!known.test(call) && !surelyNotWrite(call, ctx)) {
        return true;
      }
    }
    return false;
  }

  private static boolean surelyNotWrite(CallExpression call, SubscriptionContext ctx) {
    if (of(call, ctx).isPresent()) {
      return false;
    }
    Optional<DjangoQuerySets.QueryCall> query = DjangoQuerySets.queryCall(call, ctx);
    if (query.isPresent()) {
      String method = query.get().method();
      return !QUERYSET_WRITES.contains(method) && !(method.startsWith("a") && QUERYSET_WRITES.contains(method.substring(1)));
    }
    if (DjangoQuerySets.of(call, ctx).isPresent() || Fqns.isCallTo(call, "django.shortcuts.get_object_or_404", "django.shortcuts.get_list_or_404",
      "django.shortcuts.render", "django.shortcuts.redirect")) {
      return true;
    }
    Optional<String> name = Fqns.calleeName(call);
    if (name.isPresent() && NON_WRITING_METHODS.contains(name.get()) && Fqns.receiver(call).isPresent()) {
      return true;
    }
    return isLibrary(call, 0);
  }

  private static boolean isLibrary(Expression expression, int depth) {
    Expression expr = Trees.skipParentheses(expression);
    if (depth > 6) {
      return false;
    }
    Optional<String> fqn = expr instanceof CallExpression call ? Fqns.ofCallee(call) : Fqns.of(expr);
    if (fqn.isPresent()) {
      String value = fqn.get();
      return !value.contains(".") && expr instanceof CallExpression c && c.callee() instanceof Name
        || NON_WRITING_MODULES.stream().anyMatch(m -> value.equals(m) || value.startsWith(m + "."));
    }
    // a method of something a library call returned: pika.BlockingConnection().channel()
    if (expr instanceof CallExpression call && Trees.skipParentheses(call.callee()) instanceof QualifiedExpression qualified) {
      return isLibrary(qualified.qualifier(), depth + 1);
    }
    return false;
  }
}
