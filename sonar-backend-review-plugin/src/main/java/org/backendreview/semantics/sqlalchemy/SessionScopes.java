/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.semantics.sqlalchemy;

import java.util.Optional;
import org.backendreview.semantics.project.ModuleSources;
import org.backendreview.semantics.project.ModuleSummary;
import org.backendreview.semantics.project.ModuleSummary.Call;
import org.backendreview.semantics.project.ModuleSummary.FunctionSummary;
import org.backendreview.semantics.python.PythonApi;
import org.backendreview.tree.Trees;
import org.sonar.plugins.python.api.LocationInFile;
import org.sonar.plugins.python.api.SubscriptionContext;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.types.v2.FunctionType;

/**
 * Project context managers that hand out a synchronous SQLAlchemy session: a {@code @contextmanager} generator of this
 * or another module ({@code session_scope()}, {@code get_db()}) that yields {@code SessionLocal()} / {@code Session(engine)},
 * with {@code SessionLocal = sessionmaker(...)} (or {@code scoped_session(...)}) assigned in the generator's module or
 * in a project module it imports it from. Read from the {@link ModuleSummary module summaries} (no types there);
 * anything not resolved is unknown (empty).
 */
public final class SessionScopes {

  private SessionScopes() {
  }

  /**
   * The session factory call ({@code SessionLocal()}) yielded by the synchronous {@code @contextmanager} function this
   * call runs, or empty.
   */
  public static Optional<String> syncSessionYieldedBy(CallExpression call, SubscriptionContext ctx) {
    return syncSessionScope(call, ctx).map(Scope::factory);
  }

  /**
   * A synchronous session scope.
   *
   * @param factory the yielded factory call ({@code SessionLocal()})
   * @param commits the context manager commits the session itself ({@code session.commit()} in its body)
   */
  public record Scope(String factory, boolean commits) {
  }

  /** The synchronous session scope ({@code session_scope()}) this call opens, or empty. */
  public static Optional<Scope> syncSessionScope(CallExpression call, SubscriptionContext ctx) {
    if (!(Trees.skipParentheses(call.callee()).typeV2() instanceof FunctionType function) || function.isAsynchronous()) {
      return Optional.empty();
    }
    LocationInFile location = function.definitionLocation().orElse(null);
    Optional<ModuleSummary> module = ModuleSources.summaryAt(location, ctx);
    if (module.isEmpty()) {
      return Optional.empty();
    }
    ModuleSummary summary = module.get();
    FunctionSummary summarized = summary.functions().get(function.name());
    if (summarized == null || summarized.nameRange().line() != location.startLine() || summarized.decorators().stream()
      .map(d -> summary.resolve(ModuleSummary.decoratorText(d))).noneMatch(SessionScopes::isContextManager)) {
      return Optional.empty();
    }
    for (String callee : summary.yieldedCalls(function.name())) {
      if (isSyncSessionFactory(summary, callee, ctx, true)) {
        boolean commits = summary.callsIn(function.name()).stream().anyMatch(c -> c.callee().endsWith(".commit"));
        return Optional.of(new Scope(callee + "()", commits));
      }
    }
    return Optional.empty();
  }

  private static boolean isSyncSessionFactory(ModuleSummary module, String callee, SubscriptionContext ctx, boolean followImport) {
    String resolved = module.resolve(callee);
    if (SqlAlchemyApi.SESSION.test(resolved)) {
      return true;
    }
    if (callee.contains(".")) {
      return false;
    }
    ModuleSummary.Assigned assigned = module.assignments().get(callee);
    if (assigned != null && module.assignmentsOf(callee).size() == 1) {
      return assigned.value() instanceof Call factory && isSyncFactory(module, factory);
    }
    String imported = module.imports().get(callee);
    int dot = imported == null ? -1 : imported.lastIndexOf('.');
    if (!followImport || dot <= 0 || imported.endsWith(".")) {
      return false;
    }
    String name = imported.substring(dot + 1);
    return ModuleSources.summaryOfModule(imported.substring(0, dot), module, ctx)
      .filter(other -> other != module && other.imports().get(name) == null)
      .map(other -> isSyncSessionFactory(other, name, ctx, false))
      .orElse(false);
  }

  /** {@code sessionmaker(...)} without an async {@code class_}, or {@code scoped_session(...)} of such a maker. */
  private static boolean isSyncFactory(ModuleSummary module, Call factory) {
    String resolved = module.resolve(factory.callee());
    if (SqlAlchemyApi.SESSIONMAKER.test(resolved)) {
      return factory.kwargs().get("class_") == null || factory.kwargs().get("class_") instanceof ModuleSummary.Dotted cls
        && SqlAlchemyApi.SESSION.test(module.resolve(cls.text()));
    }
    return SqlAlchemyApi.SCOPED_SESSION.test(resolved) && factory.arg(0, "session_factory")
      .filter(Call.class::isInstance).map(Call.class::cast).filter(inner -> isSyncFactory(module, inner)).isPresent();
  }

  /** Whether a decorator text is {@code contextmanager} ({@link PythonApi#CONTEXT_MANAGER_DECORATORS}, sync one). */
  static boolean isContextManager(String resolved) {
    return PythonApi.CONTEXT_MANAGER_DECORATORS.test(resolved) && !resolved.endsWith("asynccontextmanager");
  }
}
