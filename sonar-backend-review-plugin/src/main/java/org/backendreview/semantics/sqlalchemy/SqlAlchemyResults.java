/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.semantics.sqlalchemy;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.backendreview.tree.Arguments;
import org.backendreview.tree.Fqns;
import org.backendreview.tree.Trees;
import org.backendreview.tree.ValueResolver;
import org.sonar.plugins.python.api.SubscriptionContext;
import org.sonar.plugins.python.api.tree.AwaitExpression;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.Expression;
import org.sonar.plugins.python.api.tree.Name;
import org.sonar.plugins.python.api.tree.QualifiedExpression;

/**
 * Every row of a mapped class read into memory: {@code session.scalars(select(M)).all()},
 * {@code session.execute(select(M)).scalars().all()}, {@code (await session.execute(select(M))).scalars().all()},
 * {@code session.query(M).all()}, through local names, with no {@code where}/{@code filter}, {@code limit}/{@code slice}/
 * {@code offset} or single-row read anywhere in the chain.
 */
public final class SqlAlchemyResults {

  /** What bounds or narrows the rows: a filter, a limit, a single-row read, an aggregate. */
  private static final Set<String> BOUNDING = Set.of("limit", "slice", "offset", "where", "filter", "filter_by", "get", "first", "one",
    "one_or_none", "scalar", "scalar_one", "scalar_one_or_none", "fetchmany", "fetchone", "group_by", "having", "count", "with_only_columns",
    "partitions", "yield_per", "exists", "in_", "params", "from_statement", "paginate");
  /** Methods that neither bound nor widen: ordering, loading options, result shaping. */
  private static final Set<String> PASS_THROUGH = Set.of("order_by", "options", "execution_options", "unique", "distinct", "join", "outerjoin",
    "select_from", "scalars", "mappings", "tuples", "all", "fetchall");
  private static final int MAX_NAME_HOPS = 3;

  /** The rows read: the mapped class name as written and the select or query call. */
  public record AllRows(String model, CallExpression query) {
  }

  private SqlAlchemyResults() {
  }

  /** Every row of a mapped class, read by this expression (empty when unknown or bounded). */
  public static Optional<AllRows> of(Expression expression, ValueResolver resolver, SubscriptionContext ctx) {
    Expression current = origin(expression, resolver, ctx);
    if (!(current instanceof CallExpression all) || !Fqns.calleeName(all).filter(n -> n.equals("all") || n.equals("fetchall")).isPresent()) {
      return Optional.empty();
    }
    for (int hops = 0; hops < 12; hops++) {
      current = origin(current, resolver, ctx);
      if (!(current instanceof CallExpression call)) {
        return Optional.empty();
      }
      String name = Fqns.calleeName(call).orElse("");
      if (BOUNDING.contains(name)) {
        return Optional.empty();
      }
      Expression receiver = call.callee() instanceof QualifiedExpression q ? q.qualifier() : null;
      if ((name.equals("scalars") || name.equals("execute")) && receiver != null && !call.arguments().isEmpty()) {
        // session.scalars(stmt) / session.execute(stmt): the statement decides
        return Arguments.value(call, 0, "statement").flatMap(statement -> unboundedSelect(statement, resolver, ctx));
      }
      if (name.equals("query") && receiver != null && SqlAlchemy.sessionKind(receiver, resolver, ctx).isPresent()) {
        return Arguments.value(call, 0, "").flatMap(SqlAlchemyResults::modelName).map(model -> new AllRows(model, call));
      }
      if (!PASS_THROUGH.contains(name) || receiver == null) {
        return Optional.empty();
      }
      current = receiver;
    }
    return Optional.empty();
  }

  private static Optional<AllRows> unboundedSelect(Expression statement, ValueResolver resolver, SubscriptionContext ctx) {
    Expression current = origin(statement, resolver, ctx);
    for (int hops = 0; hops < 12; hops++) {
      if (!(current instanceof CallExpression call)) {
        return Optional.empty();
      }
      String name = Fqns.calleeName(call).orElse("");
      if (BOUNDING.contains(name)) {
        return Optional.empty();
      }
      if (SqlAlchemy.isStatementConstructor(call)) {
        return Fqns.ofCallee(call).filter(f -> f.endsWith(".select")).isPresent() && call.arguments().size() == 1
          ? Arguments.value(call, 0, "").flatMap(SqlAlchemyResults::modelName).map(model -> new AllRows(model, call)) : Optional.empty();
      }
      if (!PASS_THROUGH.contains(name) || !(call.callee() instanceof QualifiedExpression q)) {
        return Optional.empty();
      }
      current = origin(q.qualifier(), resolver, ctx);
    }
    return Optional.empty();
  }

  /** The expression a name stands for (its single origin, a few hops), without parentheses and {@code await}. */
  private static Expression origin(Expression expression, ValueResolver resolver, SubscriptionContext ctx) {
    Expression current = unwrap(expression);
    for (int hops = 0; hops < MAX_NAME_HOPS && current instanceof Name; hops++) {
      List<Expression> origins = resolver.origins(current, ctx);
      if (origins.size() != 1) {
        return current;
      }
      current = unwrap(origins.get(0));
    }
    return current;
  }

  private static Expression unwrap(Expression expression) {
    Expression current = Trees.skipParentheses(expression);
    while (current instanceof AwaitExpression await) {
      current = Trees.skipParentheses(await.expression());
    }
    return current;
  }

  /** The mapped class selected ({@code Item}, {@code models.Item}); empty for a column ({@code Item.name}) or anything else. */
  private static Optional<String> modelName(Expression entity) {
    Expression expr = Trees.skipParentheses(entity);
    String name = expr instanceof Name n ? n.name() : expr instanceof QualifiedExpression q ? q.name().name() : "";
    return !name.isEmpty() && Character.isUpperCase(name.charAt(0)) ? Optional.of(name) : Optional.empty();
  }
}
