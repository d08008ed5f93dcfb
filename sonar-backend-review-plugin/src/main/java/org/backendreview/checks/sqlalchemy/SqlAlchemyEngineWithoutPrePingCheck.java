/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.sqlalchemy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.backendreview.checks.BackendReviewCheck;
import org.backendreview.semantics.project.AnalysisContext;
import org.backendreview.semantics.sqlalchemy.EngineCreations;
import org.backendreview.semantics.sqlalchemy.SqlAlchemy;
import org.backendreview.tree.Arguments;
import org.backendreview.tree.Fqns;
import org.backendreview.tree.Literals;
import org.backendreview.tree.ValueResolver;
import org.backendreview.tree.TextEdits;
import org.sonar.check.Rule;
import org.sonar.plugins.python.api.SubscriptionContext;
import org.sonar.plugins.python.api.quickfix.PythonQuickFix;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.Expression;
import org.sonar.plugins.python.api.tree.Tree;

/**
 * {@code create_engine}/{@code create_async_engine} for a database server without {@code pool_pre_ping=True}
 * (or {@code pool_recycle}): pooled connections that the server, a proxy or a failover dropped are handed to requests,
 * which then fail. Engines with {@code NullPool}/{@code StaticPool} and SQLite engines are not concerned.
 */
@Rule(key = "SqlAlchemyEngineWithoutPrePing")
public class SqlAlchemyEngineWithoutPrePingCheck extends BackendReviewCheck {

  private static final String FIX = "pool_pre_ping=True";
  private ValueResolver resolver;

  private static final Set<String> POOLS_WITHOUT_REUSE = Set.of("NullPool", "StaticPool", "SingletonThreadPool", "AssertionPool");

  @Override
  protected void register(Context context) {
    context.registerSyntaxNodeConsumer(Tree.Kind.FILE_INPUT, ctx -> resolver = AnalysisContext.of(ctx).values());
    context.registerSyntaxNodeConsumer(Tree.Kind.CALL_EXPR, this::check);
  }

  private void check(SubscriptionContext ctx) {
    CallExpression call = (CallExpression) ctx.syntaxNode();
    if (SqlAlchemy.engineCreation(call).isEmpty() || Arguments.hasKeywordUnpacking(call) || !EngineCreations.isLongLived(call)) {
      return;
    }
    Optional<Expression> url = Arguments.value(call, 0, "url");
    List<Expression> urls = new ArrayList<>();
    url.ifPresent(u -> {
      urls.add(u);
      urls.addAll(resolver.origins(u, ctx));
    });
    if (urls.stream().anyMatch(u -> SqlAlchemy.dialect(u).filter(d -> !SqlAlchemy.isServerDialect(d)).isPresent() || EngineCreations.mentionsSqlite(u))
      || hasPoolWithoutReuse(call) || EngineCreations.isSqliteConnectArgs(call) || Arguments.keyword(call, "pool_recycle").isPresent()
      || Arguments.keyword(call, "strategy").isPresent()) {
      return;
    }
    Optional<Expression> prePing = Arguments.keyword(call, "pool_pre_ping").map(a -> a.expression());
    if (prePing.isPresent() && Literals.booleanValue(prePing.get()).orElse(Boolean.TRUE)) {
      return;
    }
    if (prePing.isPresent()) {
      ctx.addIssue(prePing.get(), "Set \"pool_pre_ping=True\": connections dropped by the database server would otherwise fail requests "
        + "instead of being replaced.");
      return;
    }
    PreciseIssue issue = ctx.addIssue(call.callee(), "Pass \"pool_pre_ping=True\" to this engine: connections dropped by the database "
      + "server (restart, failover, idle timeout) would otherwise fail requests instead of being replaced.");
    issue.addQuickFix(PythonQuickFix.newQuickFix("Add \"" + FIX + "\"", TextEdits.appendArgument(call, FIX)));
  }

  private static boolean hasPoolWithoutReuse(CallExpression call) {
    return Arguments.keyword(call, "poolclass").map(a -> Fqns.of(a.expression())
      .map(f -> POOLS_WITHOUT_REUSE.contains(f.substring(f.lastIndexOf('.') + 1))).orElse(true)).orElse(false);
  }
}
