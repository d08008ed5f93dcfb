/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.asynchronous;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.backendreview.checks.BackendReviewCheck;
import org.backendreview.semantics.asyncio.AsyncContext;
import org.backendreview.semantics.asyncio.ProcessLocalBrokers;
import org.backendreview.semantics.fastapi.FastApi;
import org.backendreview.semantics.project.AnalysisContext;
import org.backendreview.semantics.project.ModuleSources;
import org.backendreview.semantics.project.ModuleSummary;
import org.backendreview.semantics.python.PythonApi;
import org.backendreview.semantics.web.RequestHandlers;
import org.backendreview.tree.Arguments;
import org.backendreview.tree.Fqns;
import org.backendreview.tree.SourceText;
import org.backendreview.tree.Trees;
import org.backendreview.tree.ValueResolver;
import org.sonar.check.Rule;
import org.sonar.plugins.python.api.LocationInFile;
import org.sonar.plugins.python.api.SubscriptionContext;
import org.sonar.plugins.python.api.symbols.v2.SymbolV2;
import org.sonar.plugins.python.api.symbols.v2.UsageV2;
import org.sonar.plugins.python.api.tree.AssignmentStatement;
import org.sonar.plugins.python.api.tree.BinaryExpression;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.CompoundAssignmentStatement;
import org.sonar.plugins.python.api.tree.Expression;
import org.sonar.plugins.python.api.tree.ExpressionList;
import org.sonar.plugins.python.api.tree.FunctionDef;
import org.sonar.plugins.python.api.tree.GlobalStatement;
import org.sonar.plugins.python.api.tree.IfStatement;
import org.sonar.plugins.python.api.tree.Name;
import org.sonar.plugins.python.api.tree.QualifiedExpression;
import org.sonar.plugins.python.api.tree.SubscriptionExpression;
import org.sonar.plugins.python.api.tree.Tree;
import org.sonar.plugins.python.api.tree.UnaryExpression;
import org.sonar.plugins.python.api.tree.WithItem;
import org.sonar.plugins.python.api.tree.WithStatement;
import org.sonar.plugins.python.api.types.v2.FunctionType;

/**
 * Shared mutable module state touched per request. (1) A request handler adds to a module-level dict, list or
 * set ({@code _cache[key] = value}, {@code _events.append(e)}): the container grows with traffic, is shared by concurrent
 * requests and differs between worker processes. (2) A coroutine lazily initialises a {@code global} with an
 * {@code await} between the {@code is None} test and the assignment, without a lock: concurrent requests all see
 * {@code None} and each creates its own instance (the seeds' SSE-backend finding). (3) A sync function of the project
 * that lazily creates a global without a lock, run in FastAPI's threadpool (a sync {@code Depends(...)} dependency, a
 * call from a {@code def} route).
 */
@Rule(key = "SharedMutableGlobalState")
public class SharedMutableGlobalStateCheck extends BackendReviewCheck {

  private static final Set<String> GROWING_METHODS = Set.of("append", "extend", "add", "update", "setdefault", "insert", "appendleft", "extendleft");
  private static final Set<String> CONTAINER_FACTORIES = PythonApi.CONTAINER_FACTORIES.fqns();
  private static final Pattern LOCK_NAME = Pattern.compile("(?i).*(lock|mutex|sem).*");

  @Override
  protected void register(Context context) {
    context.registerSyntaxNodeConsumer(Tree.Kind.FUNCDEF, SharedMutableGlobalStateCheck::check);
  }

  private static void check(SubscriptionContext ctx) {
    FunctionDef function = (FunctionDef) ctx.syntaxNode();
    Optional<FastApi.Route> route = FastApi.route(function);
    boolean handler = route.isPresent() || RequestHandlers.of(function, ctx).isPresent();
    if (handler) {
      checkGrowingContainers(ctx, function);
    }
    if (route.isPresent()) {
      checkThreadedSingletons(ctx, route.get(), !AsyncContext.isAsync(function));
    }
    if (AsyncContext.isAsync(function)) {
      checkLazyInitialisation(ctx, function);
    }
  }

  private static void checkGrowingContainers(SubscriptionContext ctx, FunctionDef function) {
    Set<String> reported = new HashSet<>();
    boolean realBroker = ProcessLocalBrokers.importsBroker(AnalysisContext.of(ctx));
    Trees.walk(function.body(), t -> !t.is(Tree.Kind.FUNCDEF, Tree.Kind.LAMBDA, Tree.Kind.CLASSDEF), t -> {
      Name container = null;
      Name registry = null;
      Expression added = null;
      if (t instanceof AssignmentStatement assignment) {
        for (ExpressionList targets : assignment.lhsExpressions()) {
          for (Expression target : targets.expressions()) {
            container = container != null ? container : subscribedName(target);
            registry = registry != null ? registry : registryRoot(target);
          }
        }
        added = assignment.assignedValue();
      } else if (t instanceof CompoundAssignmentStatement compound) {
        container = subscribedName(compound.lhsExpression());
      } else if (t instanceof CallExpression call && call.callee() instanceof QualifiedExpression qualified
        && GROWING_METHODS.contains(qualified.name().name())) {
        container = qualified.qualifier() instanceof Name name ? name : null;
        registry = registryRoot(qualified.qualifier());
        added = addedElement(call, qualified.name().name());
      }
      Optional<String> channel = added == null || realBroker ? Optional.empty() : ProcessLocalBrokers.subscriberChannel(added);
      Name broker = container != null ? container : registry;
      if (channel.isPresent() && broker != null && !isInsideLock(t) && reported.add(broker.name())) {
        Optional<Name> definition = moduleContainer(broker);
        if (definition.isPresent()) {
          reportBroker(ctx, t, definition.get(), channel.get());
          return;
        }
      }
      if (container != null && !isInsideLock(t) && reported.add(container.name())) {
        moduleContainer(container).ifPresent(definition -> reportGrowing(ctx, t, definition));
      }
    });
  }

  /** {@code X[k]}, {@code X.setdefault(k, [])}, {@code X[k][j]}: the registry name X (a container of containers). */
  private static Name registryRoot(Expression expression) {
    Expression expr = Trees.skipParentheses(expression);
    for (int depth = 0; depth < 3; depth++) {
      if (expr instanceof SubscriptionExpression subscription) {
        expr = Trees.skipParentheses(subscription.object());
      } else if (expr instanceof CallExpression call && call.callee() instanceof QualifiedExpression method
        && ("setdefault".equals(method.name().name()) || "get".equals(method.name().name()))) {
        expr = Trees.skipParentheses(method.qualifier());
      } else {
        break;
      }
      if (expr instanceof Name name) {
        return name;
      }
    }
    return null;
  }

  /** The element a growing call adds: {@code append(x)}, {@code add(x)}, {@code insert(i, x)}, {@code setdefault(k, x)}. */
  private static Expression addedElement(CallExpression call, String method) {
    int position = "insert".equals(method) || "setdefault".equals(method) ? 1 : 0;
    return Arguments.value(call, position, "__element").orElse(null);
  }

  private static void reportBroker(SubscriptionContext ctx, Tree registration, Name definition, String channel) {
    ctx.addIssue(registration, "Do not register this " + channel + " in the module-level \"" + definition.name() + "\": messages published "
      + "through it reach only the clients connected to the same worker process. With several workers, publish through a shared broker "
      + "(Redis pub/sub, broadcaster, a Channels layer).")
      .secondary(definition, "Process-local registry of subscribers");
  }

  /**
   * A sync function that lazily creates a global without a lock ({@link ModuleSummary#lazyGlobal}), run in FastAPI's
   * threadpool: as a sync dependency ({@code Depends(get_backend)}, also of an async route) or called from a sync
   * ({@code def}) route. Worker threads can all see the global unset and each create their own instance.
   */
  private static void checkThreadedSingletons(SubscriptionContext ctx, FastApi.Route route, boolean syncRoute) {
    Set<String> reported = new HashSet<>();
    for (FastApi.Param param : FastApi.params(route)) {
      CallExpression marker = param.marker();
      if (marker != null && FastApi.paramFunction(marker).filter("Depends"::equals).isPresent()) {
        Arguments.value(marker, 0, "dependency").ifPresent(dependency -> lazyGlobalOf(dependency, ctx)
          .filter(found -> reported.add(found.function()))
          .ifPresent(found -> reportSingleton(ctx, dependency, found, "is a sync dependency: FastAPI runs it in a worker thread")));
      }
    }
    if (!syncRoute) {
      return;
    }
    for (CallExpression call : Trees.descendantsInSameScope(route.function().body(), Tree.Kind.CALL_EXPR, CallExpression.class)) {
      lazyGlobalOf(call.callee(), ctx).filter(found -> reported.add(found.function()))
        .ifPresent(found -> reportSingleton(ctx, call, found, "runs in a worker thread: this \"def\" route runs in FastAPI's threadpool"));
    }
  }

  private record Singleton(String function, ModuleSummary.LazyGlobal lazy, String fileId) {
  }

  private static Optional<Singleton> lazyGlobalOf(Expression callee, SubscriptionContext ctx) {
    if (!(Trees.skipParentheses(callee).typeV2() instanceof FunctionType function) || function.isAsynchronous()) {
      return Optional.empty();
    }
    LocationInFile location = function.definitionLocation().orElse(null);
    return ModuleSources.summaryAt(location, ctx)
      .filter(module -> module.functions().containsKey(function.name())
        && module.functions().get(function.name()).nameRange().line() == location.startLine()
        && module.functions().get(function.name()).decorators().isEmpty())
      .flatMap(module -> module.lazyGlobal(function.name()).map(lazy -> new Singleton(function.name(), lazy, module.fileId())));
  }

  private static void reportSingleton(SubscriptionContext ctx, Tree where, Singleton found, String why) {
    ctx.addIssue(where, "\"" + found.function() + "()\" creates the global \"" + found.lazy().name() + "\" lazily without a lock and "
      + why + ": concurrent requests can each see it unset and create their own. Create it once at startup (lifespan), or guard "
      + "the check with a threading.Lock.")
      .secondary(found.lazy().check().toLocation(found.fileId()), "Unlocked check of \"" + found.lazy().name() + "\"");
  }

  private static void reportGrowing(SubscriptionContext ctx, Tree mutation, Name definition) {
    ctx.addIssue(mutation, "Do not grow the module-level \"" + definition.name() + "\" from a request handler: it is shared by concurrent "
      + "requests, grows without bound and differs between workers; use a bounded cache or an external store.")
      .secondary(definition, "Module-level container");
  }

  private static Name subscribedName(Expression target) {
    return target instanceof SubscriptionExpression subscription && subscription.object() instanceof Name name ? name : null;
  }

  /** The module-level definition of a mutable container bound once ({@code _cache = {}}), or empty. */
  private static Optional<Name> moduleContainer(Name name) {
    SymbolV2 symbol = name.symbolV2();
    if (symbol == null) {
      return Optional.empty();
    }
    Optional<UsageV2> binding = symbol.getSingleBindingUsage();
    if (binding.isEmpty() || binding.get().kind() != UsageV2.Kind.ASSIGNMENT_LHS || Trees.nearestFunctionDef(binding.get().tree()) != null
      || Trees.enclosingClass(binding.get().tree()) != null) {
      return Optional.empty();
    }
    Optional<Expression> value = ValueResolver.singleAssignedValue(name);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    Expression expr = Trees.skipParentheses(value.get());
    boolean mutable = expr.is(Tree.Kind.DICTIONARY_LITERAL, Tree.Kind.LIST_LITERAL, Tree.Kind.SET_LITERAL, Tree.Kind.DICT_COMPREHENSION,
      Tree.Kind.LIST_COMPREHENSION, Tree.Kind.SET_COMPREHENSION)
      || expr instanceof CallExpression call && Fqns.ofCallee(call).filter(CONTAINER_FACTORIES::contains).isPresent()
        && Arguments.keyword(call, "maxlen").isEmpty();
    return mutable ? Optional.of((Name) binding.get().tree()) : Optional.empty();
  }

  private static void checkLazyInitialisation(SubscriptionContext ctx, FunctionDef function) {
    Set<String> globals = new HashSet<>();
    for (GlobalStatement statement : Trees.descendantsInSameScope(function.body(), Tree.Kind.GLOBAL_STMT, GlobalStatement.class)) {
      statement.variables().forEach(v -> globals.add(v.name()));
    }
    if (globals.isEmpty()) {
      return;
    }
    for (IfStatement ifStatement : Trees.descendantsInSameScope(function.body(), Tree.Kind.IF_STMT, IfStatement.class)) {
      Optional<String> tested = testedForAbsence(ifStatement.condition()).filter(globals::contains);
      if (tested.isEmpty() || isInsideLock(ifStatement)) {
        continue;
      }
      AssignmentStatement assignment = assignmentTo(ifStatement, tested.get());
      if (assignment != null && awaitsBefore(ifStatement, assignment)) {
        ctx.addIssue(ifStatement.condition(), "Protect this lazy initialisation of \"" + tested.get() + "\" with an asyncio.Lock, or create it "
          + "at startup: concurrent requests can all see it unset during the \"await\" and each create their own.")
          .secondary(assignment, "Assigned after an await");
      }
    }
  }

  /** {@code X is None}, {@code not X}, {@code X is None or ...}: the name X. */
  private static Optional<String> testedForAbsence(Expression condition) {
    Expression expr = Trees.skipParentheses(condition);
    if (expr.is(Tree.Kind.IS) && expr instanceof BinaryExpression is && Trees.skipParentheses(is.rightOperand()).is(Tree.Kind.NONE)
      && Trees.skipParentheses(is.leftOperand()) instanceof Name name) {
      return Optional.of(name.name());
    }
    if (expr.is(Tree.Kind.NOT) && Trees.skipParentheses(((UnaryExpression) expr).expression()) instanceof Name name) {
      return Optional.of(name.name());
    }
    if (expr.is(Tree.Kind.OR)) {
      return testedForAbsence(((BinaryExpression) expr).leftOperand());
    }
    return Optional.empty();
  }

  private static AssignmentStatement assignmentTo(IfStatement ifStatement, String name) {
    for (AssignmentStatement assignment : Trees.descendantsInSameScope(ifStatement.body(), Tree.Kind.ASSIGNMENT_STMT, AssignmentStatement.class)) {
      for (ExpressionList targets : assignment.lhsExpressions()) {
        if (targets.expressions().stream().anyMatch(e -> e instanceof Name n && n.name().equals(name))) {
          return assignment;
        }
      }
    }
    return null;
  }

  /** An {@code await} in the if body up to (and including) the assignment. */
  private static boolean awaitsBefore(IfStatement ifStatement, AssignmentStatement assignment) {
    int line = assignment.lastToken().line();
    return Trees.descendantsInSameScope(ifStatement.body(), Tree.Kind.AWAIT, Expression.class).stream()
      .anyMatch(a -> a.firstToken().line() <= line);
  }

  private static boolean isInsideLock(Tree tree) {
    Tree current = tree.parent();
    while (current != null && !current.is(Tree.Kind.FUNCDEF)) {
      if (current instanceof WithStatement with) {
        for (WithItem item : with.withItems()) {
          if (LOCK_NAME.matcher(SourceText.of(item.test())).matches()) {
            return true;
          }
        }
      }
      current = current.parent();
    }
    return false;
  }
}
