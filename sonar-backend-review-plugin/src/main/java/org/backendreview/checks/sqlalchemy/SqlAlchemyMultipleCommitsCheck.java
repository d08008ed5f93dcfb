/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.sqlalchemy;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.backendreview.checks.BackendReviewCheck;
import org.backendreview.semantics.project.AnalysisContext;
import org.backendreview.semantics.sqlalchemy.SessionScopes;
import org.backendreview.semantics.sqlalchemy.SqlAlchemy;
import org.backendreview.tree.Fqns;
import org.backendreview.tree.SourceText;
import org.backendreview.tree.ValueResolver;
import org.backendreview.tree.TestCode;
import org.backendreview.tree.Trees;
import org.sonar.check.Rule;
import org.sonar.plugins.python.api.SubscriptionContext;
import org.sonar.plugins.python.api.cfg.CfgBlock;
import org.sonar.plugins.python.api.cfg.ControlFlowGraph;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.Expression;
import org.sonar.plugins.python.api.tree.FunctionDef;
import org.sonar.plugins.python.api.tree.Name;
import org.sonar.plugins.python.api.tree.QualifiedExpression;
import org.sonar.plugins.python.api.tree.Tree;
import org.sonar.plugins.python.api.tree.WithItem;
import org.sonar.plugins.python.api.tree.WithStatement;

/**
 * A function that commits the same SQLAlchemy session several times in a row (one commit can be followed by
 * another on some path): the unit of work is split, and a failure after the first commit leaves partial data. The
 * usual cause is committing to obtain generated ids, which {@code flush()} does without ending the transaction.
 * Commits in error handlers (recording a failure after a rollback) are not counted. Also several write transaction
 * blocks run one after the other ({@code with session_scope() as s:}, {@code with session.begin():}), directly or
 * through same-module helpers. Tests are not concerned: their steps
 * commit on purpose to observe what each transaction leaves.
 */
@Rule(key = "SqlAlchemyMultipleCommits")
public class SqlAlchemyMultipleCommitsCheck extends BackendReviewCheck {

  private ValueResolver resolver;
  private boolean migration;

  @Override
  protected void register(Context context) {
    context.registerSyntaxNodeConsumer(Tree.Kind.FILE_INPUT, ctx -> {
      AnalysisContext file = AnalysisContext.of(ctx);
      resolver = file.values();
      migration = SqlAlchemy.isAlembicMigration(file);
    });
    context.registerSyntaxNodeConsumer(Tree.Kind.FUNCDEF, this::check);
  }

  private void check(SubscriptionContext ctx) {
    if (migration) {
      return;
    }
    FunctionDef function = (FunctionDef) ctx.syntaxNode();
    if (TestCode.isTestScenario(function)) {
      return;
    }
    checkTransactionBlocks(ctx, function);
    Map<String, List<CallExpression>> commitsBySession = new LinkedHashMap<>();
    for (CallExpression call : Trees.descendantsInSameScope(function.body(), Tree.Kind.CALL_EXPR, CallExpression.class)) {
      if (Fqns.calleeName(call).filter("commit"::equals).isEmpty() || !call.arguments().isEmpty() || isInErrorHandler(call, function)) {
        continue;
      }
      Expression receiver = Fqns.receiver(call).orElse(null);
      String key = receiver == null ? null : key(receiver);
      if (key != null && SqlAlchemy.sessionKind(receiver, resolver, ctx).isPresent()) {
        // a name bound again to another session is another session
        List<Expression> sources = resolver.origins(receiver, ctx);
        String identity = sources.stream().map(e -> Integer.toString(System.identityHashCode(e))).sorted().reduce("", (a, b) -> a + "," + b);
        commitsBySession.computeIfAbsent(key + "@" + identity, k -> new ArrayList<>()).add(call);
      }
    }
    Set<CallExpression> inLoops = new HashSet<>();
    for (Map.Entry<String, List<CallExpression>> entry : commitsBySession.entrySet()) {
      for (CallExpression commit : entry.getValue()) {
        Tree loop = perItemLoop(commit, function);
        String sessionKey = entry.getKey().substring(0, entry.getKey().indexOf('@'));
        if (loop != null && writesInLoop(loop, sessionKey, commit) && !sessionCreatedIn(loop, commit, ctx)) {
          inLoops.add(commit);
          ctx.addIssue(commit, "Commit once after this loop: committing each iteration leaves the items before a failure committed and "
            + "the others not, and costs a round trip and a flush per item.")
            .secondary(loopKeyword(loop), "Loop over the items");
        }
      }
    }
    if (commitsBySession.values().stream().noneMatch(c -> c.size() > 1)) {
      return;
    }
    ControlFlowGraph cfg = ctx.cfg(function);
    if (cfg == null) {
      return;
    }
    Reachability reachability = new Reachability(cfg);
    for (List<CallExpression> commits : commitsBySession.values()) {
      for (CallExpression first : commits) {
        if (inLoops.contains(first)) {
          continue;
        }
        CallExpression next = null;
        for (CallExpression other : commits) {
          if (other != first && reachability.reaches(first, other) && !isBatchThenFinal(first, other)) {
            next = other;
            break;
          }
        }
        if (next != null) {
          ctx.addIssue(first, "Replace this intermediate commit with \"flush()\" and commit once at the end: a failure after it leaves "
            + "the data half-written.")
            .secondary(next, "Later commit of the same unit of work");
        }
      }
    }
  }

  private static final Set<String> WRITE_METHODS = Set.of("add", "add_all", "merge", "delete", "execute", "bulk_save_objects",
    "bulk_insert_mappings", "bulk_update_mappings");

  /** A write transaction run by the function: where it starts, and what it is (for messages). */
  private record Unit(Tree anchor, String what) {
  }

  /**
   * Several write transactions run one after the other by one function: {@code with session_scope() as s:} blocks (a
   * project context manager yielding a sync session that commits), {@code with session.begin():} blocks, directly or in
   * same-module helpers the function calls. One unit of work split into several commits: a failure after the first
   * leaves the data half-written.
   */
  private void checkTransactionBlocks(SubscriptionContext ctx, FunctionDef function) {
    List<Unit> units = new ArrayList<>();
    Map<FunctionDef, Optional<Unit>> helperUnits = new IdentityHashMap<>();
    for (CallExpression call : Trees.descendantsInSameScope(function.body(), Tree.Kind.CALL_EXPR, CallExpression.class)) {
      if (Trees.enclosingLoop(call) != null && Trees.enclosingFunction(Trees.enclosingLoop(call)) == function || isInErrorHandler(call, function)) {
        continue;
      }
      Optional<Unit> unit = transactionBlock(call, ctx);
      if (unit.isEmpty()) {
        FunctionDef helper = sameModuleHelper(call, function);
        if (helper != null) {
          unit = helperUnits.computeIfAbsent(helper, h -> helperTransaction(h, ctx))
            .map(inner -> new Unit(call, "\"" + helper.name().name() + "()\" opening " + inner.what()));
        }
      }
      unit.ifPresent(units::add);
    }
    if (units.size() < 2) {
      return;
    }
    ControlFlowGraph cfg = ctx.cfg(function);
    if (cfg == null) {
      return;
    }
    Reachability reachability = new Reachability(cfg);
    for (Unit first : units) {
      List<Unit> later = units.stream().filter(u -> u != first && reachability.reaches(first.anchor(), u.anchor())).toList();
      if (!later.isEmpty()) {
        var issue = ctx.addIssue(first.anchor(), "This write transaction (" + first.what() + ") is committed separately from "
          + (later.size() == 1 ? "the one that follows" : "the " + later.size() + " that follow") + ": a failure in a later one leaves this one committed and the data half-written. Run them "
          + "in one transaction (one session scope, \"flush()\" for generated ids, one commit at the end).");
        for (Unit next : later) {
          issue.secondary(next.anchor(), "Later transaction of the same unit of work: " + next.what());
        }
        return;
      }
    }
  }

  /** A same-module function the call runs ({@code _start_round(...)}, {@code await _record(...)}), not the function itself. */
  private static FunctionDef sameModuleHelper(CallExpression call, FunctionDef function) {
    if (!(Trees.skipParentheses(call.callee()) instanceof Name name)) {
      return null;
    }
    FunctionDef helper = Trees.functionBoundTo(name);
    return helper == null || helper == function || Trees.isAncestorOrSelf(helper, function) ? null : helper;
  }

  /** The first write transaction block written directly in a helper (outside loops and error handlers). */
  private Optional<Unit> helperTransaction(FunctionDef helper, SubscriptionContext ctx) {
    for (CallExpression call : Trees.descendantsInSameScope(helper.body(), Tree.Kind.CALL_EXPR, CallExpression.class)) {
      if (Trees.enclosingLoop(call) == null && !isInErrorHandler(call, helper)) {
        Optional<Unit> unit = transactionBlock(call, ctx);
        if (unit.isPresent()) {
          return unit;
        }
      }
    }
    return Optional.empty();
  }

  /**
   * {@code with session_scope() as s:} (committing scope, or {@code s.commit()} in the block) or
   * {@code with session.begin():} whose block writes through the session.
   */
  private Optional<Unit> transactionBlock(CallExpression call, SubscriptionContext ctx) {
    if (!(call.parent() instanceof WithItem item) || item.test() != call
      || !(item.parent() instanceof WithStatement with)) {
      return Optional.empty();
    }
    String asName = item.expression() != null && Trees.skipParentheses(item.expression()) instanceof Name n ? n.name() : null;
    Optional<SessionScopes.Scope> scope = with.isAsync() ? Optional.empty()
      : SessionScopes.syncSessionScope(call, ctx);
    if (scope.isPresent() && asName != null && writesThrough(with, asName)
      && (scope.get().commits() || callsOn(with, asName, "commit"))) {
      return Optional.of(new Unit(call, "\"" + SourceText.call(call) + "\""));
    }
    if (Fqns.calleeName(call).filter("begin"::equals).isPresent() && call.arguments().isEmpty()) {
      Expression receiver = Fqns.receiver(call).orElse(null);
      String receiverKey = receiver == null ? null : key(receiver);
      boolean session = receiverKey != null && SqlAlchemy.sessionKind(receiver, resolver, ctx).isPresent();
      boolean factory = !session && receiver != null && SqlAlchemy.factoryKind(receiver, resolver, ctx).isPresent();
      String writer = session ? receiverKey : factory ? asName : null;
      if (writer != null && writesThrough(with, writer)) {
        return Optional.of(new Unit(call, "\"" + SourceText.call(call) + "\""));
      }
    }
    return Optional.empty();
  }

  private static boolean writesThrough(Tree block, String sessionKey) {
    return WRITE_METHODS.stream().anyMatch(m -> callsOn(block, sessionKey, m));
  }

  private static boolean callsOn(Tree block, String sessionKey, String method) {
    for (CallExpression call : Trees.descendantsInSameScope(block, Tree.Kind.CALL_EXPR, CallExpression.class)) {
      if (Fqns.calleeName(call).filter(method::equals).isPresent()
        && Fqns.receiver(call).map(SqlAlchemyMultipleCommitsCheck::key).filter(sessionKey::equals).isPresent()) {
        return true;
      }
    }
    return false;
  }

  /**
   * The {@code for} loop (or comprehension) that runs the commit once per item, when the commit is not under a condition
   * inside it (batching: {@code if i % 1000 == 0: commit()}). {@code while} loops are left out: they are usually workers
   * whose iterations are independent units of work.
   */
  private static Tree perItemLoop(CallExpression commit, FunctionDef function) {
    Tree loop = Trees.enclosingLoop(commit);
    if (loop == null || !loop.is(Tree.Kind.FOR_STMT) || Trees.enclosingFunction(loop) != function) {
      return null;
    }
    Tree current = commit.parent();
    while (current != loop) {
      if (current.is(Tree.Kind.IF_STMT, Tree.Kind.CONDITIONAL_EXPR, Tree.Kind.TRY_STMT, Tree.Kind.WHILE_STMT, Tree.Kind.FOR_STMT)) {
        return null;
      }
      current = current.parent();
    }
    return loop;
  }

  /** The loop body writes through the same session before committing ({@code add}, {@code merge}, {@code delete}, {@code execute}). */
  private static boolean writesInLoop(Tree loop, String sessionKey, CallExpression commit) {
    for (CallExpression call : Trees.descendantsInSameScope(loop, Tree.Kind.CALL_EXPR, CallExpression.class)) {
      if (call != commit && Fqns.calleeName(call).filter(n -> Set.of("add", "add_all", "merge", "delete", "execute", "bulk_save_objects").contains(n)).isPresent()
        && Fqns.receiver(call).map(SqlAlchemyMultipleCommitsCheck::key).filter(sessionKey::equals).isPresent()) {
        return true;
      }
    }
    return false;
  }

  /** A session created inside the loop: each iteration is its own unit of work (a retry, a job). */
  private boolean sessionCreatedIn(Tree loop, CallExpression commit, SubscriptionContext ctx) {
    return Fqns.receiver(commit).map(r -> resolver.origins(r, ctx).stream().anyMatch(o -> Trees.isAncestorOrSelf(loop, o))).orElse(false);
  }

  private static org.sonar.plugins.python.api.tree.Token loopKeyword(Tree loop) {
    return ((org.sonar.plugins.python.api.tree.ForStatement) loop).forKeyword();
  }

  /** A commit in an {@code except} clause (recording a failure) or a {@code finally} clause is a separate unit of work. */
  private static boolean isInErrorHandler(Tree tree, FunctionDef function) {
    Tree current = tree.parent();
    while (current != null && current != function) {
      if (current.is(Tree.Kind.EXCEPT_CLAUSE, Tree.Kind.EXCEPT_GROUP_CLAUSE, Tree.Kind.FINALLY_CLAUSE)) {
        return true;
      }
      current = current.parent();
    }
    return false;
  }

  /** A commit in a loop followed by one after the loop: batches committed as they fill, then the rest. */
  private static boolean isBatchThenFinal(CallExpression first, CallExpression next) {
    Tree loop = Trees.enclosingLoop(first);
    return loop != null && !Trees.isAncestorOrSelf(loop, next);
  }

  /** A stable text for a session receiver ({@code session}, {@code self.session}, {@code db.session}), or null. */
  private static String key(Expression receiver) {
    Expression expr = Trees.skipParentheses(receiver);
    if (expr instanceof Name name) {
      return name.name();
    }
    if (expr instanceof QualifiedExpression qualified) {
      String qualifier = key(qualified.qualifier());
      return qualifier == null ? null : qualifier + "." + qualified.name().name();
    }
    return null;
  }

  /** Reachability between CFG elements: B is reachable from A when it follows A in A's block or in a successor block. */
  private static final class Reachability {
    private final Map<Tree, CfgBlock> blockOf = new IdentityHashMap<>();
    private final Map<Tree, Integer> indexOf = new IdentityHashMap<>();

    Reachability(ControlFlowGraph cfg) {
      for (CfgBlock block : cfg.blocks()) {
        List<Tree> elements = block.elements();
        for (int i = 0; i < elements.size(); i++) {
          blockOf.put(elements.get(i), block);
          indexOf.put(elements.get(i), i);
        }
      }
    }

    boolean reaches(Tree from, Tree to) {
      Tree a = element(from);
      Tree b = element(to);
      if (a == null || b == null || a == b) {
        return false;
      }
      CfgBlock blockA = blockOf.get(a);
      CfgBlock blockB = blockOf.get(b);
      if (blockA == blockB && indexOf.get(a) < indexOf.get(b)) {
        return true;
      }
      Set<CfgBlock> seen = new HashSet<>();
      Deque<CfgBlock> queue = new ArrayDeque<>(blockA.successors());
      while (!queue.isEmpty()) {
        CfgBlock block = queue.poll();
        if (!seen.add(block)) {
          continue;
        }
        if (block == blockB) {
          return true;
        }
        queue.addAll(block.successors());
      }
      return false;
    }

    private Tree element(Tree tree) {
      Tree current = tree;
      while (current != null && !blockOf.containsKey(current)) {
        current = current.parent();
      }
      return current;
    }
  }
}
