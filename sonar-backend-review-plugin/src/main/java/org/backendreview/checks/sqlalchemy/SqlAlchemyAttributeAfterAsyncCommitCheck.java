/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.sqlalchemy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.backendreview.checks.BackendReviewCheck;
import org.backendreview.semantics.asyncio.AsyncContext;
import org.backendreview.semantics.project.AnalysisContext;
import org.backendreview.semantics.sqlalchemy.SqlAlchemy;
import org.backendreview.semantics.sqlalchemy.SqlAlchemy.SessionKind;
import org.backendreview.semantics.sqlalchemy.SqlAlchemyExpiry;
import org.backendreview.tree.Arguments;
import org.backendreview.tree.Fqns;
import org.backendreview.tree.Trees;
import org.backendreview.tree.ValueResolver;
import org.sonar.check.Rule;
import org.sonar.plugins.python.api.SubscriptionContext;
import org.sonar.plugins.python.api.symbols.v2.SymbolV2;
import org.sonar.plugins.python.api.symbols.v2.UsageV2;
import org.sonar.plugins.python.api.tree.AssignmentStatement;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.Expression;
import org.sonar.plugins.python.api.tree.ExpressionStatement;
import org.sonar.plugins.python.api.tree.FunctionDef;
import org.sonar.plugins.python.api.tree.Name;
import org.sonar.plugins.python.api.tree.QualifiedExpression;
import org.sonar.plugins.python.api.tree.StatementList;
import org.sonar.plugins.python.api.tree.Tree;
import org.sonar.plugins.python.api.types.v2.ClassType;

/**
 * Inside {@code async def}, an attribute of an ORM instance read after {@code await session.commit()}
 * on an {@code AsyncSession} that expires on commit, without {@code await session.refresh(obj)} in between: the read is
 * an implicit lazy load, which raises {@code MissingGreenlet} outside the greenlet of an awaited call.
 *
 * <p>Only sessions whose creation and factory are visible in the module count (see {@link SqlAlchemyExpiry}); the
 * instance must be passed to {@code session.add(obj)} or loaded by {@code await session.get(Model, ...)} /
 * {@code await session.scalar(select(Model))} / {@code (await session.execute(select(Model))).scalar_one()} ... in the
 * same function before the commit; the read must follow the commit in the same block (or after the {@code with}/{@code try}
 * statement that holds it), with no rebinding of the name and no refresh of the instance in between.
 */
@Rule(key = "SqlAlchemyAttributeAfterAsyncCommit")
public class SqlAlchemyAttributeAfterAsyncCommitCheck extends BackendReviewCheck {

  private static final Set<String> SCALAR_RESULT_METHODS = Set.of("scalar_one", "scalar_one_or_none", "scalar");
  private static final Set<String> SCALARS_ROW_METHODS = Set.of("first", "one", "one_or_none");

  private ValueResolver resolver;

  @Override
  protected void register(Context context) {
    context.registerSyntaxNodeConsumer(Tree.Kind.FILE_INPUT, ctx -> resolver = AnalysisContext.of(ctx).values());
    context.registerSyntaxNodeConsumer(Tree.Kind.CALL_EXPR, this::checkCommit);
  }

  private void checkCommit(SubscriptionContext ctx) {
    CallExpression commit = (CallExpression) ctx.syntaxNode();
    if (Fqns.calleeName(commit).filter("commit"::equals).isEmpty() || !commit.arguments().isEmpty() || !AsyncContext.isAwaited(commit)) {
      return;
    }
    FunctionDef coroutine = AsyncContext.enclosingCoroutine(commit);
    Optional<Expression> receiver = Fqns.receiver(commit);
    if (coroutine == null || receiver.isEmpty() || !(AsyncContext.outermostParentheses(commit).parent().parent() instanceof ExpressionStatement statement)) {
      return;
    }
    String session = sessionKey(receiver.get());
    if (session == null || (SqlAlchemy.sessionKind(receiver.get(), resolver, ctx).filter(k -> k == SessionKind.ASYNC).isEmpty()
      && !SqlAlchemyExpiry.madeAsyncBySessionmaker(receiver.get(), resolver, ctx))
      || !SqlAlchemyExpiry.expiresOnCommit(receiver.get(), resolver, ctx).orElse(Boolean.FALSE)) {
      return;
    }
    Map<SymbolV2, Tree> tracked = trackedInstances(coroutine, commit, session, ctx);
    if (tracked.isEmpty()) {
      return;
    }
    for (Tree after : followingStatements(statement, coroutine)) {
      Trees.walk(after, t -> !t.is(Tree.Kind.FUNCDEF, Tree.Kind.LAMBDA, Tree.Kind.CLASSDEF), t -> {
        if (t instanceof QualifiedExpression read && read.qualifier() instanceof Name object && object.symbolV2() != null
          && tracked.containsKey(object.symbolV2()) && isAttributeRead(read)) {
          SymbolV2 symbol = object.symbolV2();
          Tree origin = tracked.remove(symbol);
          if (!refreshedOrRebound(symbol, session, commit, read)) {
            ctx.addIssue(read, String.format("Call \"await %s.refresh(%s)\" before reading \"%s\", or create the session with "
              + "\"expire_on_commit=False\": the commit expired \"%s\" and this implicit lazy load raises MissingGreenlet.",
              session, object.name(), read.name().name(), object.name()))
              .secondary(commit, "Commit that expires the instance")
              .secondary(origin, "Instance of this session");
          }
        }
      });
    }
  }

  /** {@code session} for a name, {@code self.session} for an attribute of self; null for other receivers. */
  private static String sessionKey(Expression receiver) {
    Expression expr = Trees.skipParentheses(receiver);
    if (expr instanceof Name name) {
      return name.name();
    }
    if (expr instanceof QualifiedExpression qualified && ValueResolver.isSelf(qualified.qualifier())) {
      return ((Name) Trees.skipParentheses(qualified.qualifier())).name() + "." + qualified.name().name();
    }
    return null;
  }

  private static boolean isSession(Expression receiver, String session) {
    return session.equals(sessionKey(receiver));
  }

  /** Names passed to {@code session.add(...)} or bound to an instance loaded by the session, before the commit. */
  private static Map<SymbolV2, Tree> trackedInstances(FunctionDef coroutine, CallExpression commit, String session, SubscriptionContext ctx) {
    Map<SymbolV2, Tree> result = new LinkedHashMap<>();
    for (CallExpression call : Trees.descendantsInSameScope(coroutine.body(), Tree.Kind.CALL_EXPR, CallExpression.class)) {
      if (!Trees.startsBefore(call, commit)) {
        break;
      }
      Optional<Expression> receiver = Fqns.receiver(call);
      if (receiver.isEmpty() || !isSession(receiver.get(), session)) {
        continue;
      }
      if (Fqns.calleeName(call).filter("add"::equals).isPresent()
        && Arguments.positional(call, 0).map(a -> Trees.skipParentheses(a.expression())).orElse(null) instanceof Name added
        && added.symbolV2() != null) {
        result.putIfAbsent(added.symbolV2(), call);
      } else if (AsyncContext.isAwaited(call) && isInstanceLoad(call)) {
        Name target = boundName(call);
        if (target != null && target.symbolV2() != null) {
          result.putIfAbsent(target.symbolV2(), call);
        }
      }
    }
    // instances deleted before the commit are detached by it, not expired
    for (CallExpression call : Trees.descendantsInSameScope(coroutine.body(), Tree.Kind.CALL_EXPR, CallExpression.class)) {
      if (Trees.startsBefore(call, commit) && Fqns.calleeName(call).filter("delete"::equals).isPresent()
        && Fqns.receiver(call).filter(r -> isSession(r, session)).isPresent()
        && Arguments.positional(call, 0).map(a -> Trees.skipParentheses(a.expression())).orElse(null) instanceof Name deleted
        && deleted.symbolV2() != null) {
        result.remove(deleted.symbolV2());
      }
    }
    return result;
  }

  /** {@code session.get(Model, ...)}, {@code session.scalar(select(Model)...)}, {@code session.execute/scalars(select(Model)...)}. */
  private static boolean isInstanceLoad(CallExpression call) {
    String method = Fqns.calleeName(call).orElse("");
    if ("get".equals(method)) {
      return Arguments.positional(call, 0).map(a -> isClass(a.expression())).orElse(false);
    }
    if (!Set.of("scalar", "scalars", "execute").contains(method)) {
      return false;
    }
    return Arguments.positional(call, 0).map(a -> Trees.skipParentheses(a.expression())).orElse(null) instanceof CallExpression statement
      && selectsOneEntity(SqlAlchemy.chainStart(statement));
  }

  private static boolean selectsOneEntity(CallExpression select) {
    return SqlAlchemy.isStatementConstructor(select) && Fqns.ofCallee(select).filter(f -> f.endsWith(".select")).isPresent()
      && select.arguments().size() == 1 && Arguments.positional(select, 0).map(a -> isClass(a.expression())).orElse(false);
  }

  private static boolean isClass(Expression expression) {
    return Trees.skipParentheses(expression) instanceof Name name && name.typeV2() instanceof ClassType;
  }

  /**
   * The name the loaded instance is bound to: {@code x = await session.get(...)}, {@code x = await session.scalar(...)},
   * {@code x = (await session.execute(...)).scalar_one()}, {@code x = (await session.scalars(...)).first()},
   * {@code x = (await session.execute(...)).scalars().first()}.
   */
  private static Name boundName(CallExpression load) {
    Tree await = AsyncContext.outermostParentheses(load).parent();
    String method = Fqns.calleeName(load).orElse("");
    if ("get".equals(method) || "scalar".equals(method)) {
      return assignedName(await);
    }
    Tree value = resultAccess(await, method);
    if (value != null) {
      return assignedName(value);
    }
    // result = await session.execute(select(Model)); obj = result.scalar_one()
    Name result = assignedName(await);
    SymbolV2 symbol = result == null ? null : result.symbolV2();
    if (symbol == null || symbol.usages().stream().filter(UsageV2::isBindingUsage).count() != 1) {
      return null;
    }
    List<Name> reads = symbol.usages().stream().filter(u -> !u.isBindingUsage()).map(u -> (Name) u.tree()).toList();
    if (reads.size() != 1) {
      return null;
    }
    value = resultAccess(reads.get(0), method);
    return value == null ? null : assignedName(value);
  }

  /** {@code name = <value>}: the single name the value is assigned to, or null. */
  private static Name assignedName(Tree value) {
    Tree top = value instanceof Expression e ? AsyncContext.outermostParentheses(e) : value;
    if (top.parent() instanceof AssignmentStatement assignment && assignment.assignedValue() == top && assignment.lhsExpressions().size() == 1
      && assignment.lhsExpressions().get(0).expressions().size() == 1
      && assignment.lhsExpressions().get(0).expressions().get(0) instanceof Name name) {
      return name;
    }
    return null;
  }

  /** {@code (await ...).scalar_one()} and its variants: the call giving one instance, or null. */
  private static Tree resultAccess(Tree await, String method) {
    CallExpression call = calledMethod((Expression) await);
    if (call == null) {
      return null;
    }
    String name = Fqns.calleeName(call).orElse("");
    if ("execute".equals(method) && SCALAR_RESULT_METHODS.contains(name)) {
      return call;
    }
    if ("scalars".equals(method) && SCALARS_ROW_METHODS.contains(name)) {
      return call;
    }
    if ("execute".equals(method) && "scalars".equals(name)) {
      CallExpression next = calledMethod(call);
      return next != null && Fqns.calleeName(next).filter(SCALARS_ROW_METHODS::contains).isPresent() ? next : null;
    }
    return null;
  }

  /** For {@code expr.m(...)} around the expression, that call; else null. */
  private static CallExpression calledMethod(Expression expression) {
    Tree top = AsyncContext.outermostParentheses(expression);
    if (top.parent() instanceof QualifiedExpression qualified && qualified.qualifier() == top
      && qualified.parent() instanceof CallExpression call && call.callee() == qualified) {
      return call;
    }
    return null;
  }

  /** A read of a data attribute: not a store target, not a method call, not a dunder. */
  private static boolean isAttributeRead(QualifiedExpression read) {
    String name = read.name().name();
    if (name.startsWith("__")) {
      return false;
    }
    Tree parent = read.parent();
    if (parent instanceof CallExpression call && call.callee() == read) {
      return false;
    }
    if (parent != null && parent.is(Tree.Kind.EXPRESSION_LIST) && parent.parent() instanceof AssignmentStatement assignment
      && assignment.lhsExpressions().contains(parent)) {
      return false;
    }
    return !(parent != null && parent.is(Tree.Kind.COMPOUND_ASSIGNMENT, Tree.Kind.ANNOTATED_ASSIGNMENT, Tree.Kind.DEL_STMT));
  }

  /** True when the instance is refreshed or the name rebound after the commit and before the read. */
  private static boolean refreshedOrRebound(SymbolV2 symbol, String session, CallExpression commit, QualifiedExpression read) {
    for (UsageV2 usage : symbol.usages()) {
      Tree tree = usage.tree();
      if (!Trees.startsBefore(commit, tree) || !Trees.startsBefore(tree, read)) {
        continue;
      }
      if (usage.isBindingUsage()) {
        return true;
      }
      Tree argument = tree.parent();
      if (argument != null && argument.is(Tree.Kind.REGULAR_ARGUMENT) && argument.parent() != null && argument.parent().parent() instanceof CallExpression call
        && Fqns.calleeName(call).filter(m -> "refresh".equals(m) || "merge".equals(m)).isPresent()
        && Fqns.receiver(call).filter(r -> isSession(r, session)).isPresent()) {
        return true;
      }
    }
    return false;
  }

  /**
   * Statements that run after the statement: those following it in its block, and those following the enclosing
   * {@code with}/{@code try} statements (not branches or loops, whose other paths may skip the commit).
   */
  private static List<Tree> followingStatements(Tree statement, FunctionDef function) {
    List<Tree> result = new ArrayList<>();
    Tree current = statement;
    while (current.parent() instanceof StatementList block) {
      List<?> statements = block.statements();
      int index = statements.indexOf(current);
      for (int i = index + 1; i < statements.size(); i++) {
        result.add((Tree) statements.get(i));
      }
      Tree owner = block.parent();
      if (owner == function || owner == null || !owner.is(Tree.Kind.WITH_STMT, Tree.Kind.TRY_STMT)) {
        break;
      }
      current = owner;
    }
    return result;
  }
}
