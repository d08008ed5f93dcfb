/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.semantics.sqlalchemy;

import java.util.List;
import java.util.Optional;
import org.backendreview.tree.Arguments;
import org.backendreview.tree.Fqns;
import org.backendreview.tree.Literals;
import org.backendreview.tree.Trees;
import org.backendreview.tree.ValueResolver;
import org.sonar.plugins.python.api.SubscriptionContext;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.Expression;
import org.sonar.plugins.python.api.tree.Name;
import org.sonar.plugins.python.api.tree.QualifiedExpression;

/**
 * Whether an SQLAlchemy session expires the state of its instances on {@code commit()} ({@code expire_on_commit},
 * {@code True} by default). Known only when every origin of the session is visible in the module: a
 * {@code Session(...)}/{@code AsyncSession(...)} call, or a call of a factory bound in the module to
 * {@code sessionmaker(...)}/{@code async_sessionmaker(...)} (a keyword given to the factory call overrides the factory's).
 * Factories imported from other modules, parameters and {@code factory.begin()} blocks are unknown.
 */
public final class SqlAlchemyExpiry {

  private static final String KEYWORD = "expire_on_commit";

  private SqlAlchemyExpiry() {
  }

  /** True/false when the module proves the setting of every session the expression may hold; empty when unknown. */
  public static Optional<Boolean> expiresOnCommit(Expression session, ValueResolver resolver, SubscriptionContext ctx) {
    List<Expression> values = resolver.origins(session, ctx);
    if (values.isEmpty()) {
      return Optional.empty();
    }
    Optional<Boolean> result = Optional.empty();
    for (Expression value : values) {
      Optional<Boolean> one = ofCreation(value, resolver, ctx);
      if (one.isEmpty() || (result.isPresent() && !result.equals(one))) {
        return Optional.empty();
      }
      result = one;
    }
    return result;
  }

  /**
   * True when every origin of the session is a call of a factory bound in the module to
   * {@code sessionmaker(..., class_=AsyncSession)} (the SQLAlchemy 1.4 way of making asyncio sessions, which
   * {@link SqlAlchemy#sessionKind} also reports as asynchronous).
   */
  public static boolean madeAsyncBySessionmaker(Expression session, ValueResolver resolver, SubscriptionContext ctx) {
    List<Expression> values = resolver.origins(session, ctx);
    return !values.isEmpty() && values.stream().allMatch(value -> Trees.skipParentheses(value) instanceof CallExpression call
      && factoriesOf(call, resolver, ctx).stream().allMatch(SqlAlchemyExpiry::hasAsyncSessionClass) && !factoriesOf(call, resolver, ctx).isEmpty());
  }

  private static List<Expression> factoriesOf(CallExpression call, ValueResolver resolver, SubscriptionContext ctx) {
    Expression factory = Trees.skipParentheses(call.callee());
    if (factory instanceof CallExpression) {
      return List.of(factory);
    }
    return factory instanceof Name || factory instanceof QualifiedExpression ? resolver.origins(factory, ctx) : List.of();
  }

  private static boolean hasAsyncSessionClass(Expression factory) {
    return Trees.skipParentheses(factory) instanceof CallExpression call
      && SqlAlchemyApi.SESSIONMAKER.isCalledBy(call)
      && Arguments.keyword(call, "class_").flatMap(a -> Fqns.of(a.expression()))
        .filter(SqlAlchemyApi.ASYNC_SESSION::contains)
        .isPresent();
  }

  private static Optional<Boolean> ofCreation(Expression value, ValueResolver resolver, SubscriptionContext ctx) {
    if (!(Trees.skipParentheses(value) instanceof CallExpression call) || SqlAlchemy.sessionCreation(call, resolver, ctx).isEmpty()) {
      return Optional.empty();
    }
    if (Arguments.hasKeywordUnpacking(call)) {
      return Optional.empty();
    }
    Optional<Expression> given = Arguments.keyword(call, KEYWORD).map(a -> a.expression());
    if (given.isPresent()) {
      return Literals.booleanValue(given.get());
    }
    if (isSessionClass(call)) {
      return Optional.of(Boolean.TRUE);
    }
    List<Expression> factories = factoriesOf(call, resolver, ctx);
    if (factories.isEmpty()) {
      return Optional.empty();
    }
    Optional<Boolean> result = Optional.empty();
    for (Expression candidate : factories) {
      Optional<Boolean> one = ofFactory(candidate);
      if (one.isEmpty() || (result.isPresent() && !result.equals(one))) {
        return Optional.empty();
      }
      result = one;
    }
    return result;
  }

  /** {@code sessionmaker(...)}/{@code async_sessionmaker(...)}: its keyword, default true. */
  private static Optional<Boolean> ofFactory(Expression factory) {
    if (!(Trees.skipParentheses(factory) instanceof CallExpression call) || SqlAlchemy.factoryCreation(call)
      .filter(k -> k != SqlAlchemy.SessionKind.SCOPED).isEmpty() || Arguments.hasKeywordUnpacking(call)
      || Arguments.positionalCount(call) > 3) {
      // sessionmaker(bind, class_, autoflush, expire_on_commit, ...): a fourth positional argument is the setting
      return Optional.empty();
    }
    Optional<Expression> given = Arguments.keyword(call, KEYWORD).map(a -> a.expression());
    return given.isPresent() ? Literals.booleanValue(given.get()) : Optional.of(Boolean.TRUE);
  }

  private static boolean isSessionClass(CallExpression call) {
    return Fqns.ofCallee(call).filter(f -> f.startsWith("sqlalchemy.") || f.startsWith("sqlmodel.")).filter(f -> f.endsWith("Session")).isPresent();
  }
}
