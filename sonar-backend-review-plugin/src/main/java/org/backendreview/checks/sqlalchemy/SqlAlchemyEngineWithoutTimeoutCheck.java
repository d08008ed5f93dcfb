/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.sqlalchemy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.backendreview.checks.BackendReviewCheck;
import org.backendreview.semantics.project.AnalysisContext;
import org.backendreview.semantics.sqlalchemy.EngineCreations;
import org.backendreview.semantics.sqlalchemy.SqlAlchemy;
import org.backendreview.tree.Arguments;
import org.backendreview.tree.Literals;
import org.backendreview.tree.Trees;
import org.backendreview.tree.ValueResolver;
import org.sonar.check.Rule;
import org.sonar.plugins.python.api.SubscriptionContext;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.DictionaryLiteral;
import org.sonar.plugins.python.api.tree.DictionaryLiteralElement;
import org.sonar.plugins.python.api.tree.Expression;
import org.sonar.plugins.python.api.tree.KeyValuePair;
import org.sonar.plugins.python.api.tree.Tree;

/**
 * A long-lived {@code create_engine}/{@code create_async_engine} for a database server (PostgreSQL, MySQL, ...) whose
 * driver gets neither a connect timeout nor a statement/read timeout: no timeout key in a literal {@code connect_args}
 * ({@code connect_timeout}, asyncpg's {@code timeout}/{@code command_timeout}, MySQL's {@code read_timeout},
 * {@code options="-c statement_timeout=..."}, {@code server_settings}) and none in the URL's query string. The server is
 * known from a literal URL (or one resolved in the module); a URL from configuration is reported only when the engine
 * sizes a pool ({@code pool_size}/{@code max_overflow}), and never when it could carry its own timeouts
 * ({@code connect_args} or keyword arguments that are not literal). SQLite, short-lived engines (scripts, Alembic
 * {@code env.py}, commands) and oslo.db's engine facade (its own factory) are not concerned.
 */
@Rule(key = "SqlAlchemyEngineWithoutTimeout")
public class SqlAlchemyEngineWithoutTimeoutCheck extends BackendReviewCheck {

  private static final Set<String> TIMEOUT_KEYS = Set.of("connect_timeout", "timeout", "command_timeout", "read_timeout", "write_timeout",
    "statement_timeout", "query_timeout", "login_timeout", "options", "server_settings", "init_command", "connection_timeout");
  private static final Set<String> POOL_SIZING = Set.of("pool_size", "max_overflow");

  private ValueResolver resolver;

  @Override
  protected void register(Context context) {
    context.registerSyntaxNodeConsumer(Tree.Kind.FILE_INPUT, ctx -> resolver = AnalysisContext.of(ctx).values());
    context.registerSyntaxNodeConsumer(Tree.Kind.CALL_EXPR, this::check);
  }

  private void check(SubscriptionContext ctx) {
    CallExpression call = (CallExpression) ctx.syntaxNode();
    Optional<Boolean> async = SqlAlchemy.engineCreation(call);
    if (async.isEmpty() || Arguments.hasKeywordUnpacking(call) || !EngineCreations.isLongLived(call) || EngineCreations.isSqliteConnectArgs(call)
      // SQLAlchemy 1.x mock engine (strategy="mock"): no connections
      || Arguments.keyword(call, "strategy").isPresent()) {
      return;
    }
    Optional<Expression> url = Arguments.value(call, 0, "url");
    if (url.isEmpty()) {
      return;
    }
    List<Expression> urls = new ArrayList<>();
    urls.add(url.get());
    urls.addAll(resolver.origins(url.get(), ctx));
    if (urls.stream().anyMatch(EngineCreations::mentionsSqlite) || urls.stream().anyMatch(SqlAlchemyEngineWithoutTimeoutCheck::urlSetsTimeout)) {
      return;
    }
    Optional<String> dialect = urls.stream().map(SqlAlchemy::dialect).flatMap(Optional::stream).findFirst();
    if (dialect.isPresent() && !SqlAlchemy.isServerDialect(dialect.get())) {
      return;
    }
    if (dialect.isEmpty() && POOL_SIZING.stream().noneMatch(k -> Arguments.keyword(call, k).isPresent())) {
      // a URL from configuration may carry its own timeouts (?connect_timeout=...): only a sized pool says "server"
      return;
    }
    Optional<Expression> connectArgs = Arguments.keyword(call, "connect_args").map(a -> Trees.skipParentheses(a.expression()));
    // connect_args built elsewhere: unknown
    if (connectArgs.isPresent() && (!(connectArgs.get() instanceof DictionaryLiteral dict) || setsTimeout(dict))) {
      return;
    }
    String example = example(dialect.orElse(""), async.get());
    ctx.addIssue(call.callee(), "Give this engine's connections a connect timeout and a statement timeout (" + example
      + "): a database that stops answering would otherwise hold each request, then every worker, indefinitely.");
  }

  private static boolean setsTimeout(DictionaryLiteral dict) {
    for (DictionaryLiteralElement element : dict.elements()) {
      if (!(element instanceof KeyValuePair pair)) {
        // **other: unknown, assume it may set one
        return true;
      }
      Optional<String> key = Literals.stringValue(pair.key());
      if (key.isEmpty() || TIMEOUT_KEYS.contains(key.get())) {
        return true;
      }
    }
    return false;
  }

  /** A literal URL whose query string sets a timeout ({@code ?connect_timeout=10}, {@code options=-c statement_timeout=...}). */
  private static boolean urlSetsTimeout(Expression url) {
    boolean[] found = {false};
    Trees.walk(url, t -> true, t -> {
      if (t.is(Tree.Kind.STRING_ELEMENT) && t.firstToken() != null) {
        String text = t.firstToken().value().toLowerCase(Locale.ROOT);
        if (text.contains("timeout")) {
          found[0] = true;
        }
      }
    });
    return found[0];
  }

  private static String example(String dialect, boolean async) {
    if (dialect.startsWith("mysql") || dialect.startsWith("mariadb")) {
      return "connect_args={\"connect_timeout\": 5, \"read_timeout\": 30}";
    }
    if (async) {
      return "connect_args={\"timeout\": 5, \"command_timeout\": 30} with asyncpg";
    }
    return "connect_args={\"connect_timeout\": 5, \"options\": \"-c statement_timeout=30000\"} with psycopg";
  }
}
