/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.semantics.django;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.backendreview.semantics.project.AnalysisContext;
import org.backendreview.tree.Fqns;
import org.backendreview.tree.Trees;
import org.sonar.plugins.python.api.SubscriptionContext;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.ClassDef;
import org.sonar.plugins.python.api.tree.FunctionDef;

/**
 * Row locks ({@code select_for_update()}) a module takes for the instances it hands to other functions. A function that
 * updates a model instance it received (a parameter, {@code self} of a model method) did not read the row itself: the
 * caller did, and may have locked it. The lock is taken for the callee when, in this module,
 * <ul>
 *   <li>a caller up the call chain (a function calling this one by name, up to {@value #MAX_DEPTH} levels) calls
 *   {@code select_for_update()}; or</li>
 *   <li>a model class of the module offers a locking accessor: one of its methods calls {@code select_for_update()}
 *   ({@code Device.from_persistent_id(..., for_verify=True)}), so its instances are meant to be updated under that lock by
 *   their callers, wherever they are.</li>
 * </ul>
 * Callers in other modules are not seen (no reverse call index); a module without any {@code select_for_update()} never
 * proves a lock.
 */
public final class RowLocks {

  private static final int MAX_DEPTH = 3;
  private static final String SELECT_FOR_UPDATE = "select_for_update";
  private static final AnalysisContext.Key<List<CallExpression>> LOCKS = AnalysisContext.Key.of("django.rowLocks");

  private RowLocks() {
  }

  /** The {@code select_for_update()} calls of the module. */
  private static List<CallExpression> locks(SubscriptionContext ctx) {
    return AnalysisContext.of(ctx).fact(LOCKS, context -> context.calls().stream()
      .filter(call -> Fqns.calleeName(call).filter(SELECT_FOR_UPDATE::equals).isPresent()).toList());
  }

  /** True when the instances this function receives may be locked by its callers (see the class comment). */
  public static boolean takenByCaller(FunctionDef function, SubscriptionContext ctx) {
    List<CallExpression> locks = locks(ctx);
    if (locks.isEmpty()) {
      return false;
    }
    for (CallExpression lock : locks) {
      FunctionDef holder = Trees.enclosingFunction(lock);
      ClassDef owner = holder == null ? null : Trees.methodOwner(holder);
      if (owner != null && DjangoModels.isModelClassDef(owner)) {
        return true;
      }
    }
    return lockedUpTheChain(function, ctx, locks, new HashSet<>(), 0);
  }

  private static boolean lockedUpTheChain(FunctionDef function, SubscriptionContext ctx, List<CallExpression> locks, Set<FunctionDef> seen, int depth) {
    if (depth >= MAX_DEPTH || !seen.add(function)) {
      return false;
    }
    String name = function.name().name();
    for (CallExpression call : AnalysisContext.of(ctx).calls()) {
      if (Fqns.calleeName(call).filter(name::equals).isEmpty()) {
        continue;
      }
      FunctionDef caller = Trees.enclosingFunction(call);
      if (caller == null || caller == function) {
        continue;
      }
      if (locks.stream().anyMatch(lock -> Trees.enclosingFunction(lock) == caller)
        || lockedUpTheChain(caller, ctx, locks, seen, depth + 1)) {
        return true;
      }
    }
    return false;
  }
}
