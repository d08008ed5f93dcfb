/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.transactions;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.backendreview.checks.BackendReviewCheck;
import org.backendreview.semantics.messaging.Kafka;
import org.backendreview.semantics.messaging.Kafka.Client;
import org.backendreview.semantics.project.AnalysisContext;
import org.backendreview.tree.Fqns;
import org.backendreview.tree.Trees;
import org.backendreview.tree.ValueResolver;
import org.sonar.check.Rule;
import org.sonar.plugins.python.api.SubscriptionContext;
import org.sonar.plugins.python.api.tree.AssignmentStatement;
import org.sonar.plugins.python.api.tree.AwaitExpression;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.Expression;
import org.sonar.plugins.python.api.tree.ExpressionList;
import org.sonar.plugins.python.api.tree.ForStatement;
import org.sonar.plugins.python.api.tree.Name;
import org.sonar.plugins.python.api.tree.Statement;
import org.sonar.plugins.python.api.tree.StatementList;
import org.sonar.plugins.python.api.tree.Tree;
import org.sonar.plugins.python.api.tree.WhileStatement;

/**
 * A Kafka consumer loop that commits the offset of a message before processing it: a crash or an exception
 * during processing then loses the message (at-most-once delivery by accident). Recognised in {@code for msg in
 * consumer:} / {@code async for} loops and in loops that fetch with {@code poll()}/{@code getone()}/{@code getmany()}.
 */
@Rule(key = "KafkaCommitBeforeProcessing")
public class KafkaCommitBeforeProcessingCheck extends BackendReviewCheck {

  private static final Set<String> FETCH_METHODS = Set.of("poll", "getone", "getmany", "consume");

  private ValueResolver resolver;

  @Override
  protected void register(Context context) {
    context.registerSyntaxNodeConsumer(Tree.Kind.FILE_INPUT, ctx -> resolver = AnalysisContext.of(ctx).values());
    context.registerSyntaxNodeConsumer(Tree.Kind.FOR_STMT, this::checkFor);
    context.registerSyntaxNodeConsumer(Tree.Kind.WHILE_STMT, this::checkWhile);
  }

  private void checkFor(SubscriptionContext ctx) {
    ForStatement loop = (ForStatement) ctx.syntaxNode();
    Set<String> messages = new HashSet<>();
    if (loop.testExpressions().size() == 1 && isConsumer(loop.testExpressions().get(0), ctx)) {
      for (Expression target : loop.expressions()) {
        if (target instanceof Name name) {
          messages.add(name.name());
        }
      }
    }
    check(ctx, loop.body(), messages);
  }

  private void checkWhile(SubscriptionContext ctx) {
    check(ctx, ((WhileStatement) ctx.syntaxNode()).body(), new HashSet<>());
  }

  private void check(SubscriptionContext ctx, StatementList body, Set<String> messages) {
    List<Statement> statements = body.statements();
    for (int i = 0; i < statements.size(); i++) {
      Statement statement = statements.get(i);
      collectFetchedMessages(statement, messages, ctx);
      CallExpression commit = commitCall(statement, ctx);
      if (commit == null || messages.isEmpty()) {
        continue;
      }
      for (int j = i + 1; j < statements.size(); j++) {
        if (uses(statements.get(j), messages)) {
          ctx.addIssue(commit, "Commit after processing the message: committing first loses the message if processing fails or the "
            + "process stops.").secondary(statements.get(j), "Message processed after its offset was committed");
          return;
        }
      }
    }
  }

  /** {@code msg = consumer.poll(...)}, {@code batch = await consumer.getmany(...)}: the names now hold fetched messages. */
  private void collectFetchedMessages(Statement statement, Set<String> messages, SubscriptionContext ctx) {
    if (!(statement instanceof AssignmentStatement assignment)) {
      return;
    }
    Expression value = Trees.skipParentheses(assignment.assignedValue());
    if (value instanceof AwaitExpression await) {
      value = Trees.skipParentheses(await.expression());
    }
    if (value instanceof CallExpression call && Fqns.calleeName(call).filter(FETCH_METHODS::contains).isPresent()
      && Kafka.receiverClient(call, resolver, ctx).filter(Client::isConsumer).isPresent()) {
      for (ExpressionList lhs : assignment.lhsExpressions()) {
        lhs.expressions().stream().filter(Name.class::isInstance).map(n -> ((Name) n).name()).forEach(messages::add);
      }
    }
  }

  /** {@code consumer.commit(...)} (awaited or not) as a statement of the loop body. */
  private CallExpression commitCall(Statement statement, SubscriptionContext ctx) {
    if (!statement.is(Tree.Kind.EXPRESSION_STMT)) {
      return null;
    }
    Expression expression = Trees.skipParentheses(((org.sonar.plugins.python.api.tree.ExpressionStatement) statement).expressions().get(0));
    if (expression instanceof AwaitExpression await) {
      expression = Trees.skipParentheses(await.expression());
    }
    if (expression instanceof CallExpression call && Fqns.calleeName(call).filter("commit"::equals).isPresent()
      && Kafka.receiverClient(call, resolver, ctx).filter(Client::isConsumer).isPresent()) {
      return call;
    }
    return null;
  }

  private boolean isConsumer(Expression expression, SubscriptionContext ctx) {
    return Kafka.clientOf(expression, resolver, ctx).filter(Client::isConsumer).isPresent();
  }

  private static boolean uses(Tree tree, Set<String> names) {
    boolean[] found = {false};
    Trees.walk(tree, t -> !found[0], t -> {
      if (t instanceof Name name && names.contains(name.name())) {
        found[0] = true;
      }
    });
    return found[0];
  }
}
