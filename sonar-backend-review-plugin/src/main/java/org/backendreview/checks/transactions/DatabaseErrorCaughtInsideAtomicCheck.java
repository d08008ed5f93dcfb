/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.transactions;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.backendreview.checks.BackendReviewCheck;
import org.backendreview.semantics.django.DjangoTransactions;
import org.backendreview.tree.Arguments;
import org.backendreview.tree.Fqns;
import org.backendreview.tree.Literals;
import org.backendreview.tree.Trees;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.QualifiedExpression;
import org.sonar.check.Rule;
import org.sonar.plugins.python.api.SubscriptionContext;
import org.sonar.plugins.python.api.tree.ExceptClause;
import org.sonar.plugins.python.api.tree.Expression;
import org.sonar.plugins.python.api.tree.Statement;
import org.sonar.plugins.python.api.tree.Tree;
import org.sonar.plugins.python.api.tree.TryStatement;
import org.sonar.plugins.python.api.tree.WithItem;
import org.sonar.plugins.python.api.tree.WithStatement;

/**
 * A database error caught inside {@code transaction.atomic()} without a nested savepoint. The failed statement
 * aborted the transaction: on PostgreSQL every later query in the block fails ("current transaction is aborted"), and
 * Django cannot tell that the block must roll back.
 */
@Rule(key = "DatabaseErrorCaughtInsideAtomic")
public class DatabaseErrorCaughtInsideAtomicCheck extends BackendReviewCheck {

  private static final Set<String> DATABASE_ERRORS = Set.of("IntegrityError", "DatabaseError", "OperationalError", "DataError",
    "InternalError", "ProgrammingError", "Error");

  @Override
  protected void register(Context context) {
    context.registerSyntaxNodeConsumer(Tree.Kind.TRY_STMT, DatabaseErrorCaughtInsideAtomicCheck::check);
  }

  private static void check(SubscriptionContext ctx) {
    TryStatement tryStatement = (TryStatement) ctx.syntaxNode();
    Optional<DjangoTransactions.Atomic> atomic = DjangoTransactions.enclosing(tryStatement);
    if (atomic.isEmpty() || hasSavepoint(tryStatement)) {
      return;
    }
    for (ExceptClause clause : tryStatement.exceptClauses()) {
      Optional<String> caught = caughtDatabaseError(clause.exception());
      if (caught.isPresent() && !reraises(clause.body().statements()) && !onlyUpdateFieldsMiss(caught.get(), clause, tryStatement)) {
        ctx.addIssue(clause.exception(), "Wrap the statements that may fail in a nested \"transaction.atomic()\": catching "
          + caught.get() + " here leaves the enclosing transaction broken.")
          .secondary(atomic.get().marker(), "Enclosing transaction");
        return;
      }
    }
  }

  /** {@code IntegrityError}, {@code (IntegrityError, ValueError)} from django.db / django.db.utils. */
  private static Optional<String> caughtDatabaseError(Expression exception) {
    if (exception == null) {
      return Optional.empty();
    }
    List<Expression> candidates = Literals.collectionElements(exception).orElse(List.of(exception));
    for (Expression candidate : candidates) {
      Optional<String> fqn = Fqns.of(candidate);
      if (fqn.isPresent() && (fqn.get().startsWith("django.db.") || fqn.get().startsWith("psycopg2.") || fqn.get().startsWith("psycopg."))) {
        String simple = fqn.get().substring(fqn.get().lastIndexOf('.') + 1);
        if (DATABASE_ERRORS.contains(simple) || fqn.get().startsWith("psycopg")) {
          return Optional.of(simple);
        }
      }
    }
    return Optional.empty();
  }

  /** A {@code with transaction.atomic():} directly in the try body: the failure rolls back to that savepoint. */
  private static boolean hasSavepoint(TryStatement tryStatement) {
    for (Statement statement : tryStatement.body().statements()) {
      if (statement instanceof WithStatement with) {
        for (WithItem item : with.withItems()) {
          if (DjangoTransactions.isAtomicCall(item.test())) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /**
   * {@code except DatabaseError} around {@code save(update_fields=...)} only: Django raises "Save with update_fields did
   * not affect any rows" itself, without a failed statement, so the transaction is not aborted (the idiom detects a row
   * deleted meanwhile). Other clauses of the same name, or other queries in the try body, keep the issue.
   */
  private static boolean onlyUpdateFieldsMiss(String caught, ExceptClause clause, TryStatement tryStatement) {
    if (!"DatabaseError".equals(caught)) {
      return false;
    }
    List<CallExpression> calls = Trees.descendantsInSameScope(tryStatement.body(), Tree.Kind.CALL_EXPR, CallExpression.class);
    boolean updateFieldsSave = false;
    for (CallExpression call : calls) {
      if (!Fqns.calleeName(call).filter("save"::equals).isPresent()) {
        continue;
      }
      if (Arguments.value(call, -1, "update_fields").isEmpty()) {
        return false;
      }
      updateFieldsSave = true;
    }
    return updateFieldsSave && calls.stream().noneMatch(DatabaseErrorCaughtInsideAtomicCheck::isQuery);
  }

  /** A manager or queryset call in the try body (a query that could fail for real). */
  private static boolean isQuery(CallExpression call) {
    return Fqns.receiver(call).map(Trees::skipParentheses)
      .filter(r -> r instanceof QualifiedExpression q && "objects".equals(q.name().name()) || r instanceof CallExpression).isPresent()
      && !Fqns.calleeName(call).filter("save"::equals).isPresent();
  }

  /** The handler raises: the block is left with an exception and rolled back as it should be. */
  private static boolean reraises(List<Statement> statements) {
    return statements.stream().anyMatch(statement -> statement.is(Tree.Kind.RAISE_STMT));
  }
}
