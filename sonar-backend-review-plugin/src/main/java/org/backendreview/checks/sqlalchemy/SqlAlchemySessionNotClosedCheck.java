/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.sqlalchemy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.backendreview.semantics.SqlAlchemy;
import org.backendreview.semantics.SqlAlchemy.SessionKind;
import org.backendreview.tree.Fqns;
import org.backendreview.tree.Origins;
import org.backendreview.tree.Trees;
import org.sonar.check.Rule;
import org.sonar.plugins.python.api.PythonSubscriptionCheck;
import org.sonar.plugins.python.api.SubscriptionContext;
import org.sonar.plugins.python.api.symbols.v2.SymbolV2;
import org.sonar.plugins.python.api.symbols.v2.UsageV2;
import org.sonar.plugins.python.api.tree.AnnotatedAssignment;
import org.sonar.plugins.python.api.tree.AssignmentStatement;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.ExceptClause;
import org.sonar.plugins.python.api.tree.Expression;
import org.sonar.plugins.python.api.tree.ExpressionList;
import org.sonar.plugins.python.api.tree.FunctionDef;
import org.sonar.plugins.python.api.tree.Name;
import org.sonar.plugins.python.api.tree.QualifiedExpression;
import org.sonar.plugins.python.api.tree.Tree;
import org.sonar.plugins.python.api.tree.TryStatement;
import org.sonar.plugins.python.api.tree.WithItem;

/**
 * SQA-02: a SQLAlchemy session created in a function and stored in a local variable that is never closed, or closed
 * only on the success path (not in {@code finally}, not by {@code with}). The FastAPI dependency
 * {@code db = SessionLocal(); yield db; db.close()} is the common case: when the request fails, the code after
 * {@code yield} does not run.
 */
@Rule(key = "SqlAlchemySessionNotClosed")
public class SqlAlchemySessionNotClosedCheck extends PythonSubscriptionCheck {

  private Origins origins;

  @Override
  public void initialize(Context context) {
    context.registerSyntaxNodeConsumer(Tree.Kind.FILE_INPUT, ctx -> origins = new Origins());
    context.registerSyntaxNodeConsumer(Tree.Kind.CALL_EXPR, this::check);
  }

  private void check(SubscriptionContext ctx) {
    CallExpression call = (CallExpression) ctx.syntaxNode();
    Name variable = assignedLocal(call);
    if (variable == null) {
      return;
    }
    FunctionDef function = Trees.enclosingFunction(call);
    Optional<SessionKind> kind = SqlAlchemy.sessionCreation(call, origins, ctx);
    if (function == null || kind.isEmpty() || kind.get() == SessionKind.SCOPED) {
      return;
    }
    SymbolV2 symbol = variable.symbolV2();
    if (symbol == null || symbol.usages().stream().filter(UsageV2::isBindingUsage).count() != 1) {
      return;
    }
    Uses uses = classify(symbol, variable);
    if (uses.managed || uses.closes.stream().anyMatch(c -> isInFinally(c, function)) || closedOnBothPaths(uses.closes)) {
      return;
    }
    String name = variable.name();
    if (uses.closes.isEmpty()) {
      if (!uses.escapes) {
        ctx.addIssue(call, "Close this session: use \"with\" (\"with " + calleeText(call) + " as " + name + ":\") or call \""
          + name + ".close()\" in a \"finally\" block; it is never closed here.");
      }
      return;
    }
    String message = uses.yield != null && !isInTryWithFinally(uses.yield, function)
      ? "Close \"" + name + "\" in a \"finally\" block around the \"yield\": when the request fails, the code after \"yield\" does not run."
      : "Close \"" + name + "\" in a \"finally\" block or use \"with\": an exception before \"" + name + ".close()\" leaves its connection "
        + "checked out.";
    PreciseIssue issue = ctx.addIssue(call, message);
    uses.closes.forEach(c -> issue.secondary(c, "Skipped when an exception is raised before"));
  }

  /** The local name a call is assigned to ({@code session = SessionLocal()}), or null. */
  private static Name assignedLocal(CallExpression call) {
    Tree parent = call.parent();
    if (parent instanceof AssignmentStatement assignment && assignment.assignedValue() == call && assignment.lhsExpressions().size() == 1) {
      ExpressionList lhs = assignment.lhsExpressions().get(0);
      return lhs.expressions().size() == 1 && lhs.expressions().get(0) instanceof Name name ? name : null;
    }
    if (parent instanceof AnnotatedAssignment annotated && annotated.assignedValue() == call && annotated.variable() instanceof Name name) {
      return name;
    }
    return null;
  }

  private static final class Uses {
    boolean managed;
    boolean escapes;
    Tree yield;
    final List<CallExpression> closes = new ArrayList<>();
  }

  private static Uses classify(SymbolV2 symbol, Name binding) {
    Uses uses = new Uses();
    for (UsageV2 usage : symbol.usages()) {
      Tree tree = usage.tree();
      if (tree == binding || usage.isBindingUsage()) {
        continue;
      }
      Tree parent = tree.parent();
      if (parent instanceof QualifiedExpression qualified && qualified.qualifier() == tree) {
        classifyMethod(qualified, uses);
      } else if (parent instanceof WithItem item && item.test() == tree) {
        uses.managed = true;
      } else {
        Tree yield = Trees.firstAncestor(tree, t -> t.is(Tree.Kind.YIELD_EXPR, Tree.Kind.FUNCDEF, Tree.Kind.LAMBDA));
        if (yield != null && yield.is(Tree.Kind.YIELD_EXPR)) {
          uses.yield = yield;
        }
        // returned, yielded, stored, passed to a call or captured: someone else may close it
        uses.escapes = true;
      }
    }
    return uses;
  }

  private static void classifyMethod(QualifiedExpression qualified, Uses uses) {
    String method = qualified.name().name();
    Tree call = qualified.parent();
    if (!(call instanceof CallExpression c) || c.callee() != qualified) {
      return;
    }
    if ("close".equals(method)) {
      uses.closes.add(c);
    } else if ("begin".equals(method) && c.parent() instanceof WithItem item && item.test() == c) {
      // "with session.begin():" ends the transaction and returns the connection to the pool
      uses.managed = true;
    }
  }

  private static boolean isInFinally(Tree tree, FunctionDef function) {
    Tree current = tree.parent();
    while (current != null && current != function) {
      if (current.is(Tree.Kind.FINALLY_CLAUSE)) {
        return true;
      }
      current = current.parent();
    }
    return false;
  }

  private static boolean isInTryWithFinally(Tree tree, FunctionDef function) {
    Tree current = tree.parent();
    while (current != null && current != function) {
      if (current instanceof TryStatement tryStatement && tryStatement.finallyClause() != null
        && Trees.isAncestorOrSelf(tryStatement.body(), tree)) {
        return true;
      }
      current = current.parent();
    }
    return false;
  }

  /** {@code except Exception: s.close(); raise} plus a close on the normal path. */
  private static boolean closedOnBothPaths(List<CallExpression> closes) {
    boolean inBroadHandler = false;
    boolean outsideHandlers = false;
    for (CallExpression close : closes) {
      Tree handler = Trees.firstAncestor(close, t -> t.is(Tree.Kind.EXCEPT_CLAUSE, Tree.Kind.FUNCDEF));
      if (!(handler instanceof ExceptClause exceptClause)) {
        outsideHandlers = true;
      } else if (isBroad(exceptClause)) {
        inBroadHandler = true;
      }
    }
    return inBroadHandler && outsideHandlers;
  }

  private static boolean isBroad(ExceptClause handler) {
    Expression exception = handler.exception();
    return exception == null || Fqns.of(exception).filter(f -> f.equals("Exception") || f.equals("BaseException")).isPresent()
      || exception instanceof Name name && ("Exception".equals(name.name()) || "BaseException".equals(name.name()));
  }

  private static String calleeText(CallExpression call) {
    Expression callee = Trees.skipParentheses(call.callee());
    String name = callee instanceof Name n ? n.name() : callee instanceof QualifiedExpression q ? q.name().name() : "Session";
    return name + "()";
  }
}
