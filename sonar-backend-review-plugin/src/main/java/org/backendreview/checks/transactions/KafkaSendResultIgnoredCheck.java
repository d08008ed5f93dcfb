/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.transactions;

import java.util.List;
import java.util.Optional;
import org.backendreview.checks.BackendReviewCheck;
import org.backendreview.semantics.messaging.Kafka;
import org.backendreview.semantics.messaging.Kafka.Client;
import org.backendreview.semantics.project.AnalysisContext;
import org.backendreview.tree.Arguments;
import org.backendreview.tree.Fqns;
import org.backendreview.tree.Literals;
import org.backendreview.tree.Trees;
import org.backendreview.tree.ValueResolver;
import org.sonar.check.Rule;
import org.sonar.plugins.python.api.SubscriptionContext;
import org.sonar.plugins.python.api.tree.AwaitExpression;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.DictionaryLiteral;
import org.sonar.plugins.python.api.tree.Expression;
import org.sonar.plugins.python.api.tree.ExpressionStatement;
import org.sonar.plugins.python.api.tree.KeyValuePair;
import org.sonar.plugins.python.api.tree.Tree;

/**
 * The delivery result of a Kafka send thrown away: kafka-python's {@code producer.send(...)} future discarded,
 * aiokafka's {@code producer.send(...)} never awaited (nothing is sent) or its delivery future discarded after
 * {@code await}, confluent-kafka's {@code produce(...)} without a delivery callback. A failed delivery is then lost
 * without any error.
 */
@Rule(key = "KafkaSendResultIgnored")
public class KafkaSendResultIgnoredCheck extends BackendReviewCheck {

  private ValueResolver resolver;

  @Override
  protected void register(Context context) {
    context.registerSyntaxNodeConsumer(Tree.Kind.FILE_INPUT, ctx -> resolver = AnalysisContext.of(ctx).values());
    context.registerSyntaxNodeConsumer(Tree.Kind.EXPRESSION_STMT, this::check);
  }

  private void check(SubscriptionContext ctx) {
    ExpressionStatement statement = (ExpressionStatement) ctx.syntaxNode();
    if (statement.expressions().size() != 1) {
      return;
    }
    Expression expression = Trees.skipParentheses(statement.expressions().get(0));
    boolean awaited = false;
    if (expression instanceof AwaitExpression await) {
      awaited = true;
      expression = Trees.skipParentheses(await.expression());
    }
    if (!(expression instanceof CallExpression call)) {
      return;
    }
    Optional<String> method = Fqns.calleeName(call);
    Optional<Client> client = Kafka.receiverClient(call, resolver, ctx);
    if (method.isEmpty() || client.isEmpty() || client.get().isConsumer()) {
      return;
    }
    switch (client.get()) {
      case KAFKA_PYTHON_PRODUCER -> {
        if ("send".equals(method.get())) {
          ctx.addIssue(call, "Handle the result of this send (\".add_errback(...)\" or \".get(timeout=...)\"): a failed delivery is "
            + "otherwise lost without any error.");
        }
      }
      case AIOKAFKA_PRODUCER -> {
        if ("send".equals(method.get()) && !awaited) {
          ctx.addIssue(call, "Await this send (\"await producer.send_and_wait(...)\"): the coroutine is never run and the message is never "
            + "sent.");
        } else if ("send".equals(method.get())) {
          ctx.addIssue(call, "Await the delivery of this message (\"send_and_wait(...)\" or await the returned future): a failed delivery "
            + "is otherwise lost without any error.");
        }
      }
      case CONFLUENT_PRODUCER -> {
        if ("produce".equals(method.get()) && !Arguments.hasKeywordUnpacking(call) && Arguments.keyword(call, "callback").isEmpty()
          && Arguments.keyword(call, "on_delivery").isEmpty() && !configuresDeliveryCallback(call, ctx)) {
          ctx.addIssue(call, "Pass \"on_delivery=...\" to this produce() call (or configure it on the producer): delivery errors are "
            + "otherwise lost without any error.");
        }
      }
      default -> {
        // consumers: nothing to report here
      }
    }
  }

  /** The producer's configuration dict sets {@code on_delivery} (or is not a literal: unknown). */
  private boolean configuresDeliveryCallback(CallExpression produce, SubscriptionContext ctx) {
    List<Expression> creations = resolver.origins(Fqns.receiver(produce).orElseThrow(), ctx);
    for (Expression creation : creations) {
      Optional<Expression> config = Arguments.value((CallExpression) Trees.skipParentheses(creation), 0, "config");
      if (config.isEmpty()) {
        continue;
      }
      List<Expression> dicts = resolver.origins(config.get(), ctx);
      if (dicts.isEmpty() || dicts.stream().anyMatch(d -> !(Trees.skipParentheses(d) instanceof DictionaryLiteral))) {
        return true;
      }
      for (Expression dict : dicts) {
        if (((DictionaryLiteral) Trees.skipParentheses(dict)).elements().stream().anyMatch(e -> !(e instanceof KeyValuePair pair)
          || Literals.stringValue(pair.key()).filter("on_delivery"::equals).isPresent())) {
          return true;
        }
      }
    }
    return false;
  }
}
