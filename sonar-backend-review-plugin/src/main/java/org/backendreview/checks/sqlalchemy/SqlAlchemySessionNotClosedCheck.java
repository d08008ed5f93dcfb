/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.sqlalchemy;

import java.util.Optional;
import java.util.Set;
import org.backendreview.checks.BackendReviewCheck;
import org.backendreview.semantics.project.AnalysisContext;
import org.backendreview.semantics.sqlalchemy.SqlAlchemy;
import org.backendreview.semantics.sqlalchemy.SqlAlchemy.SessionKind;
import org.backendreview.tree.Fqns;
import org.backendreview.tree.LocalResource;
import org.backendreview.tree.ValueResolver;
import org.backendreview.tree.TestCode;
import org.backendreview.tree.Trees;
import org.sonar.check.Rule;
import org.sonar.plugins.python.api.SubscriptionContext;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.Expression;
import org.sonar.plugins.python.api.tree.FunctionDef;
import org.sonar.plugins.python.api.tree.Name;
import org.sonar.plugins.python.api.tree.QualifiedExpression;
import org.sonar.plugins.python.api.tree.Tree;

/**
 * A SQLAlchemy session created in a function and stored in a local variable that is never closed, or closed
 * only on the success path (not in {@code finally}, not by {@code with}). The FastAPI dependency
 * {@code db = SessionLocal(); yield db; db.close()} is the common case: when the request fails, the code after
 * {@code yield} does not run.
 */
@Rule(key = "SqlAlchemySessionNotClosed")
public class SqlAlchemySessionNotClosedCheck extends BackendReviewCheck {

  private static final Set<String> RELEASE = Set.of("close");
  /** "with session.begin():" ends the transaction and returns the connection to the pool. */
  private static final Set<String> MANAGING = Set.of("begin");

  private ValueResolver resolver;
  private boolean migration;

  @Override
  protected void register(Context context) {
    context.registerSyntaxNodeConsumer(Tree.Kind.FILE_INPUT, ctx -> {
      AnalysisContext file = AnalysisContext.of(ctx);
      resolver = file.values();
      migration = SqlAlchemy.isAlembicMigration(file);
    });
    context.registerSyntaxNodeConsumer(Tree.Kind.CALL_EXPR, this::check);
  }

  private void check(SubscriptionContext ctx) {
    CallExpression call = (CallExpression) ctx.syntaxNode();
    Name variable = LocalResource.assignedLocal(call);
    if (variable == null || migration) {
      return;
    }
    FunctionDef function = Trees.enclosingFunction(call);
    Optional<SessionKind> kind = SqlAlchemy.sessionCreation(call, resolver, ctx);
    if (function == null || kind.isEmpty() || kind.get() == SessionKind.SCOPED || isUnboundSessionClass(call) || TestCode.isTestScenario(function)) {
      return;
    }
    LocalResource uses = LocalResource.analyse(variable, RELEASE, MANAGING);
    if (uses == null || uses.isReleasedOnEveryPath(function)) {
      return;
    }
    String name = variable.name();
    if (uses.releases().isEmpty()) {
      if (!uses.escapes()) {
        ctx.addIssue(call, "Close this session: use \"with\" (\"with " + calleeText(call) + " as " + name + ":\") or call \""
          + name + ".close()\" in a \"finally\" block; it is never closed here.");
      }
      return;
    }
    String message = uses.yield() != null && !LocalResource.isInTryWithFinally(uses.yield(), function)
      ? "Close \"" + name + "\" in a \"finally\" block around the \"yield\": when the request fails, the code after \"yield\" does not run."
      : "Close \"" + name + "\" in a \"finally\" block or use \"with\": an exception before \"" + name + ".close()\" leaves its connection "
        + "checked out.";
    PreciseIssue issue = ctx.addIssue(call, message);
    uses.releases().forEach(c -> issue.secondary(c, "Skipped when an exception is raised before"));
  }

  /** {@code Session()} without a bind: it never holds a connection (used for merge/expunge tricks). */
  private static boolean isUnboundSessionClass(CallExpression call) {
    return call.arguments().isEmpty() && Fqns.ofCallee(call).filter(f -> f.endsWith(".Session") || f.endsWith(".AsyncSession")).isPresent();
  }

  private static String calleeText(CallExpression call) {
    Expression callee = Trees.skipParentheses(call.callee());
    String name = callee instanceof Name n ? n.name() : callee instanceof QualifiedExpression q ? q.name().name() : "Session";
    return name + "()";
  }
}
