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
import org.backendreview.semantics.sqlalchemy.SqlAlchemy;
import org.backendreview.tree.Arguments;
import org.backendreview.tree.Fqns;
import org.backendreview.tree.Literals;
import org.backendreview.tree.ValueResolver;
import org.backendreview.tree.TextEdits;
import org.backendreview.tree.Trees;
import org.sonar.check.Rule;
import org.sonar.plugins.python.api.SubscriptionContext;
import org.sonar.plugins.python.api.quickfix.PythonQuickFix;
import org.sonar.plugins.python.api.symbols.v2.SymbolV2;
import org.sonar.plugins.python.api.symbols.v2.UsageV2;
import org.sonar.plugins.python.api.tree.AnnotatedAssignment;
import org.sonar.plugins.python.api.tree.AssignmentStatement;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.DictionaryLiteral;
import org.sonar.plugins.python.api.tree.Expression;
import org.sonar.plugins.python.api.tree.KeyValuePair;
import org.sonar.plugins.python.api.tree.Name;
import org.sonar.plugins.python.api.tree.QualifiedExpression;
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
    if (SqlAlchemy.engineCreation(call).isEmpty() || Arguments.hasKeywordUnpacking(call) || !isLongLived(call)) {
      return;
    }
    Optional<Expression> url = Arguments.value(call, 0, "url");
    List<Expression> urls = new ArrayList<>();
    url.ifPresent(u -> {
      urls.add(u);
      urls.addAll(resolver.origins(u, ctx));
    });
    if (urls.stream().anyMatch(u -> SqlAlchemy.dialect(u).filter(d -> !SqlAlchemy.isServerDialect(d)).isPresent() || mentionsSqlite(u))
      || hasPoolWithoutReuse(call) || isSqliteConnectArgs(call) || Arguments.keyword(call, "pool_recycle").isPresent()
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

  /** A URL expression that mentions SQLite in a literal or a name ({@code "sqlite:///" + path}, {@code sqlite_url}). */
  private static boolean mentionsSqlite(Expression url) {
    boolean[] found = {false};
    Trees.walk(url, t -> true, t -> {
      if (t.is(Tree.Kind.STRING_ELEMENT, Tree.Kind.NAME) && t.firstToken() != null
        && t.firstToken().value().toLowerCase(Locale.ROOT).contains("sqlite")) {
        found[0] = true;
      }
    });
    return found[0];
  }

  /**
   * An engine that outlives the function creating it, so that its pool serves many requests: assigned at module level or
   * to an attribute, or returned (directly or through a local name). A local engine used once by a script, a command or
   * a migration is not concerned: its connections are fresh.
   */
  private static boolean isLongLived(CallExpression call) {
    Tree parent = call.parent();
    while (parent != null && parent.is(Tree.Kind.PARENTHESIZED)) {
      parent = parent.parent();
    }
    if (parent != null && parent.is(Tree.Kind.RETURN_STMT)) {
      return true;
    }
    Expression target = assignmentTarget(call, parent);
    if (target == null) {
      return false;
    }
    if (target instanceof QualifiedExpression attribute) {
      return isOutlivingObject(attribute, call);
    }
    if (!(target instanceof Name name)) {
      return false;
    }
    if (Trees.nearestFunctionDef(call) == null) {
      return true;
    }
    SymbolV2 symbol = name.symbolV2();
    if (symbol == null) {
      return false;
    }
    for (UsageV2 usage : symbol.usages()) {
      if (usage.kind() == UsageV2.Kind.GLOBAL_DECLARATION) {
        return true;
      }
      Tree use = usage.tree();
      Tree up = use.parent();
      if (up != null && up.is(Tree.Kind.RETURN_STMT)) {
        return true;
      }
      if (up instanceof AssignmentStatement assignment && assignment.assignedValue() == use
        && assignment.lhsExpressions().stream().flatMap(l -> l.expressions().stream()).anyMatch(QualifiedExpression.class::isInstance)) {
        return true;
      }
    }
    return false;
  }

  /**
   * {@code self.engine = ...}, {@code app.state.engine = ...} with a module-level {@code app}: the object outlives the
   * call. An attribute of a local object ({@code metadata.bind = ...} on a local {@code metadata}) does not.
   */
  private static boolean isOutlivingObject(QualifiedExpression attribute, CallExpression call) {
    Expression root = attribute;
    while (root instanceof QualifiedExpression q) {
      root = Trees.skipParentheses(q.qualifier());
    }
    if (!(root instanceof Name name)) {
      return false;
    }
    if (ValueResolver.isSelf(name) || "cls".equals(name.name()) || Trees.nearestFunctionDef(call) == null) {
      return true;
    }
    SymbolV2 symbol = name.symbolV2();
    // a name with no binding in the function is a global or a closure variable
    return symbol != null && symbol.usages().stream().noneMatch(u -> u.isBindingUsage() && Trees.nearestFunctionDef(u.tree()) == Trees.nearestFunctionDef(call));
  }

  private static Expression assignmentTarget(CallExpression call, Tree parent) {
    if (parent instanceof AssignmentStatement assignment && assignment.assignedValue() == call && assignment.lhsExpressions().size() == 1
      && assignment.lhsExpressions().get(0).expressions().size() == 1) {
      return assignment.lhsExpressions().get(0).expressions().get(0);
    }
    if (parent instanceof AnnotatedAssignment annotated && annotated.assignedValue() == call) {
      return annotated.variable();
    }
    return null;
  }

  private static boolean hasPoolWithoutReuse(CallExpression call) {
    return Arguments.keyword(call, "poolclass").map(a -> Fqns.of(a.expression())
      .map(f -> POOLS_WITHOUT_REUSE.contains(f.substring(f.lastIndexOf('.') + 1))).orElse(true)).orElse(false);
  }

  /** {@code connect_args={"check_same_thread": False}} is SQLite's. */
  private static boolean isSqliteConnectArgs(CallExpression call) {
    Optional<Expression> args = Arguments.keyword(call, "connect_args").map(a -> Trees.skipParentheses(a.expression()));
    if (args.isEmpty() || !(args.get() instanceof DictionaryLiteral dict)) {
      return false;
    }
    return dict.elements().stream().anyMatch(e -> e instanceof KeyValuePair pair
      && Literals.stringValue(pair.key()).filter("check_same_thread"::equals).isPresent());
  }
}
