/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.transactions;

import java.util.Optional;
import org.backendreview.checks.BackendReviewCheck;
import org.backendreview.semantics.messaging.Kafka.Client;
import org.backendreview.semantics.messaging.Kafka;
import org.backendreview.semantics.messaging.MessagingApi;
import org.backendreview.semantics.project.AnalysisContext;
import org.backendreview.tree.Arguments;
import org.backendreview.tree.Literals;
import org.backendreview.tree.TextEdits;
import org.backendreview.tree.Trees;
import org.backendreview.tree.ValueResolver;
import org.sonar.check.Rule;
import org.sonar.plugins.python.api.PythonCheck.PreciseIssue;
import org.sonar.plugins.python.api.SubscriptionContext;
import org.sonar.plugins.python.api.quickfix.PythonQuickFix;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.DictionaryLiteral;
import org.sonar.plugins.python.api.tree.DictionaryLiteralElement;
import org.sonar.plugins.python.api.tree.Expression;
import org.sonar.plugins.python.api.tree.KeyValuePair;
import org.sonar.plugins.python.api.tree.Tree;

/** A Kafka producer configured with {@code acks=0}: the broker never confirms a write and lost messages go unnoticed. */
@Rule(key = "KafkaProducerAcksZero")
public class KafkaProducerAcksZeroCheck extends BackendReviewCheck {

  private static final String MESSAGE = "Use \"acks='all'\" (or at least 1) for this producer: with acks=0 the broker never confirms a write, "
    + "so messages lost in flight are never reported or retried.";

  private ValueResolver resolver;

  @Override
  protected void register(Context context) {
    context.registerSyntaxNodeConsumer(Tree.Kind.FILE_INPUT, ctx -> resolver = AnalysisContext.of(ctx).values());
    context.registerSyntaxNodeConsumer(Tree.Kind.CALL_EXPR, this::check);
  }

  private void check(SubscriptionContext ctx) {
    CallExpression call = (CallExpression) ctx.syntaxNode();
    Optional<Client> client = Kafka.creation(call);
    if (client.isEmpty() || client.get().isConsumer()) {
      return;
    }
    if (!client.get().isConfluent()) {
      Arguments.keyword(call, "acks").map(a -> a.expression()).filter(KafkaProducerAcksZeroCheck::isZero)
        .ifPresent(value -> ctx.addIssue(value, MESSAGE).addQuickFix(acksAll(value)));
      return;
    }
    Optional<Expression> config = Arguments.value(call, 0, "config");
    if (config.isEmpty()) {
      return;
    }
    for (Expression value : resolver.origins(config.get(), ctx)) {
      if (Trees.skipParentheses(value) instanceof DictionaryLiteral dict) {
        for (DictionaryLiteralElement element : dict.elements()) {
          if (element instanceof KeyValuePair pair && Literals.stringValue(pair.key()).filter(MessagingApi.CONFLUENT_ACKS_KEYS::contains).isPresent()
            && isZero(pair.value())) {
            PreciseIssue issue = ctx.addIssue(pair, MESSAGE).secondary(call, "Producer created with this configuration");
            issue.addQuickFix(acksAll(pair.value()));
          }
        }
      }
    }
  }

  private static PythonQuickFix acksAll(Expression zero) {
    return PythonQuickFix.newQuickFix("Replace with \"all\"", TextEdits.replace(zero, "\"all\""));
  }

  private static boolean isZero(Expression expression) {
    Expression expr = Trees.skipParentheses(expression);
    return Literals.stringValue(expr).filter("0"::equals).isPresent() || expr.is(Tree.Kind.NUMERIC_LITERAL) && "0".equals(expr.firstToken().value());
  }
}
