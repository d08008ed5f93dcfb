/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.semantics.asyncio;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.backendreview.semantics.project.AnalysisContext;
import org.backendreview.tree.Fqns;
import org.backendreview.tree.Trees;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.ClassDef;
import org.sonar.plugins.python.api.tree.Decorator;
import org.sonar.plugins.python.api.tree.Expression;
import org.sonar.plugins.python.api.tree.FunctionDef;
import org.sonar.plugins.python.api.tree.Name;
import org.sonar.plugins.python.api.tree.QualifiedExpression;
import org.sonar.plugins.python.api.tree.Statement;
import org.sonar.plugins.python.api.tree.Tree;

/**
 * The asynchronous context of code: whether a node runs on the event loop (directly in the body of an
 * {@code async def}, not in a nested sync {@code def}, lambda or class), whether a call is awaited or handed to a
 * thread ({@code run_in_threadpool}, {@code asyncio.to_thread}, {@code run_in_executor}, {@code sync_to_async}), and
 * which same-module sync helpers a coroutine calls ({@link Helpers}).
 */
public final class AsyncContext {

  /** Functions that run their callable argument in a worker thread. */
  public static final Set<String> OFFLOADERS = Set.of("asyncio.to_thread", "asyncio.threads.to_thread",
    "starlette.concurrency.run_in_threadpool", "fastapi.concurrency.run_in_threadpool", "anyio.to_thread.run_sync",
    "asgiref.sync.sync_to_async", "channels.db.database_sync_to_async", "django.utils.asyncio.async_unsafe",
    "fastapi.concurrency.run_until_first_complete", "trio.to_thread.run_sync");
  private static final Set<String> OFFLOADER_METHODS = Set.of("run_in_executor", "to_thread", "run_in_threadpool", "run_sync", "submit");
  /** Decorators after which a helper still runs synchronously when called. */
  private static final Set<String> TRANSPARENT_DECORATORS = Set.of("functools.lru_cache", "functools.cache", "staticmethod", "classmethod",
    "functools.wraps", "cache", "lru_cache");

  private AsyncContext() {
  }

  /** True for {@code async def}. */
  public static boolean isAsync(FunctionDef function) {
    return function.asyncKeyword() != null;
  }

  /** Every {@code async def} of the file (nested ones included), in document order. */
  public static List<FunctionDef> coroutines(AnalysisContext file) {
    return file.functions().stream().filter(AsyncContext::isAsync).toList();
  }

  /** The coroutine whose body directly runs this node on the event loop, or null. */
  public static FunctionDef enclosingCoroutine(Tree node) {
    FunctionDef function = Trees.enclosingFunction(node);
    return function != null && isAsync(function) ? function : null;
  }

  /** True when the expression is the operand of {@code await} (parentheses allowed). */
  public static boolean isAwaited(Expression expression) {
    Tree parent = outermostParentheses(expression).parent();
    return parent != null && parent.is(Tree.Kind.AWAIT);
  }

  /** The outermost parenthesized expression wrapping the expression, or the expression itself. */
  public static Tree outermostParentheses(Expression expression) {
    Tree current = expression;
    while (current.parent() != null && current.parent().is(Tree.Kind.PARENTHESIZED)) {
      current = current.parent();
    }
    return current;
  }

  /**
   * True when the node is inside an argument of a call that runs work in a worker thread
   * ({@code await asyncio.to_thread(fn, db.query(User))}, {@code loop.run_in_executor(None, ...)}), within the
   * enclosing function.
   */
  public static boolean isInsideOffloadedArgument(Tree node) {
    Tree current = node.parent();
    while (current != null && !current.is(Tree.Kind.FUNCDEF, Tree.Kind.CLASSDEF, Tree.Kind.FILE_INPUT)) {
      if (current instanceof CallExpression call && isOffloader(call)) {
        return true;
      }
      current = current.parent();
    }
    return false;
  }

  /** True for a call that runs its callable argument in a worker thread. */
  public static boolean isOffloader(CallExpression call) {
    Optional<String> fqn = Fqns.ofCallee(call);
    if (fqn.isPresent() && OFFLOADERS.contains(fqn.get())) {
      return true;
    }
    return Fqns.calleeName(call).filter(OFFLOADER_METHODS::contains).isPresent() && Fqns.receiver(call).isPresent();
  }

  /**
   * The sync function defined in this module that the call runs synchronously: a module-level or enclosing-scope
   * {@code def} called by name, or a method of the enclosing class called on {@code self}/{@code cls}. Empty for async
   * functions, generators (calling them runs nothing yet), functions with other decorators, and anything not proven.
   */
  public static Optional<FunctionDef> sameModuleSyncCallee(CallExpression call) {
    Expression callee = Trees.skipParentheses(call.callee());
    FunctionDef target = null;
    if (callee instanceof Name name) {
      target = Trees.functionBoundTo(name);
    } else if (callee instanceof QualifiedExpression qualified && qualified.qualifier() instanceof Name receiver
      && ("self".equals(receiver.name()) || "cls".equals(receiver.name()))) {
      target = methodOfEnclosingClass(call, qualified.name().name());
    }
    if (target == null || isAsync(target) || isGenerator(target) || !onlyTransparentDecorators(target)) {
      return Optional.empty();
    }
    return Optional.of(target);
  }

  private static FunctionDef methodOfEnclosingClass(Tree node, String methodName) {
    FunctionDef caller = Trees.nearestFunctionDef(node);
    ClassDef owner = caller == null ? null : Trees.methodOwner(caller);
    if (owner == null) {
      return null;
    }
    FunctionDef found = null;
    for (Statement statement : owner.body().statements()) {
      if (statement instanceof FunctionDef method && method.name().name().equals(methodName)) {
        if (found != null) {
          // redefined (e.g. property setter): unclear which one runs
          return null;
        }
        found = method;
      }
    }
    return found;
  }

  private static boolean isGenerator(FunctionDef function) {
    boolean[] found = new boolean[1];
    Trees.walk(function.body(), t -> !t.is(Tree.Kind.FUNCDEF, Tree.Kind.LAMBDA, Tree.Kind.CLASSDEF), t -> {
      if (t.is(Tree.Kind.YIELD_EXPR)) {
        found[0] = true;
      }
    });
    return found[0];
  }

  private static boolean onlyTransparentDecorators(FunctionDef function) {
    for (Decorator decorator : function.decorators()) {
      Expression expression = decorator.expression();
      Optional<String> fqn = expression instanceof CallExpression call ? Fqns.ofCallee(call) : Fqns.of(expression);
      if (fqn.isEmpty() || !TRANSPARENT_DECORATORS.contains(fqn.get())) {
        return false;
      }
    }
    return true;
  }

  /**
   * Finds, per file, what same-module sync helpers reach: the first call the {@code finder} accepts in the helper's
   * body, or in helpers it calls in turn (up to {@value #MAX_DEPTH} levels). Results are cached per helper; create one
   * instance per file.
   *
   * @param <T> what the finder reports about a call
   */
  public static final class Helpers<T> {

    public static final int MAX_DEPTH = 3;

    /**
     * A path from a helper to the offending call.
     *
     * @param calls the helper calls followed, then the offending call (last)
     * @param finding what the finder said about the offending call
     */
    public record Path<T>(List<CallExpression> calls, T finding) {
      public CallExpression offending() {
        return calls.get(calls.size() - 1);
      }
    }

    private final Function<CallExpression, Optional<T>> finder;
    private final Map<FunctionDef, Optional<Path<T>>> cache = new HashMap<>();

    public Helpers(Function<CallExpression, Optional<T>> finder) {
      this.finder = finder;
    }

    /** The path to an offending call when this call runs a same-module sync helper that reaches one. */
    public Optional<Path<T>> reach(CallExpression call) {
      return sameModuleSyncCallee(call).flatMap(helper -> reachFrom(helper, 1)).map(path -> {
        List<CallExpression> calls = new ArrayList<>();
        calls.add(call);
        calls.addAll(path.calls());
        return new Path<>(calls, path.finding());
      });
    }

    private Optional<Path<T>> reachFrom(FunctionDef helper, int depth) {
      if (cache.containsKey(helper)) {
        return cache.get(helper);
      }
      // provisional entry: breaks recursion cycles
      cache.put(helper, Optional.empty());
      Optional<Path<T>> result = Optional.empty();
      for (CallExpression inner : Trees.descendantsInSameScope(helper.body(), Tree.Kind.CALL_EXPR, CallExpression.class)) {
        if (isInsideOffloadedArgument(inner)) {
          continue;
        }
        Optional<T> finding = finder.apply(inner);
        if (finding.isPresent()) {
          result = Optional.of(new Path<>(List.of(inner), finding.get()));
          break;
        }
        if (depth < MAX_DEPTH) {
          Optional<FunctionDef> next = sameModuleSyncCallee(inner);
          if (next.isPresent() && next.get() != helper) {
            Optional<Path<T>> deeper = reachFrom(next.get(), depth + 1);
            if (deeper.isPresent()) {
              List<CallExpression> calls = new ArrayList<>();
              calls.add(inner);
              calls.addAll(deeper.get().calls());
              result = Optional.of(new Path<>(calls, deeper.get().finding()));
              break;
            }
          }
        }
      }
      cache.put(helper, result);
      return result;
    }
  }
}
