/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.transactions;

import java.util.Optional;
import java.util.Set;
import org.backendreview.checks.BackendReviewCheck;
import org.backendreview.semantics.messaging.Kafka;
import org.backendreview.semantics.messaging.Kafka.Client;
import org.backendreview.tree.LocalResource;
import org.backendreview.tree.Trees;
import org.sonar.check.Rule;
import org.sonar.plugins.python.api.SubscriptionContext;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.FunctionDef;
import org.sonar.plugins.python.api.tree.Name;
import org.sonar.plugins.python.api.tree.Tree;

/**
 * A Kafka producer or consumer created in a function and not shut down on every path: {@code stop()} (aiokafka),
 * {@code close()} (kafka-python, confluent consumers) or {@code flush()} (confluent producers) missing, or not in a
 * {@code finally} block, and no {@code async with}. Clients handed to other code (returned, stored, passed on) are left
 * to it.
 */
@Rule(key = "KafkaClientNotClosed")
public class KafkaClientNotClosedCheck extends BackendReviewCheck {

  @Override
  protected void register(Context context) {
    context.registerSyntaxNodeConsumer(Tree.Kind.CALL_EXPR, KafkaClientNotClosedCheck::check);
  }

  private static void check(SubscriptionContext ctx) {
    CallExpression call = (CallExpression) ctx.syntaxNode();
    Optional<Client> client = Kafka.creation(call);
    Name variable = LocalResource.assignedLocal(call);
    FunctionDef function = Trees.enclosingFunction(call);
    if (client.isEmpty() || variable == null || function == null) {
      return;
    }
    String release = client.get().shutdownMethod();
    Set<String> releases = "close".equals(release) ? Set.of(release) : Set.of(release, "close");
    LocalResource uses = LocalResource.analyse(variable, releases, Set.of());
    if (uses == null || uses.isReleasedOnEveryPath(function)) {
      return;
    }
    String name = variable.name();
    String kind = client.get().isConsumer() ? "consumer" : "producer";
    String shutdown = (client.get().isAsync() ? "await " : "") + name + "." + release + "()";
    String consequence = client.get().isConsumer()
      ? "the group waits for the session timeout before giving its partitions to another consumer, and uncommitted offsets are replayed"
      : "messages still in its buffer are lost";
    if (uses.releases().isEmpty()) {
      if (!uses.escapes()) {
        ctx.addIssue(call, "Shut this " + kind + " down in a \"finally\" block (\"" + shutdown + "\"): it is never shut down here, so "
          + consequence + ".");
      }
      return;
    }
    PreciseIssue issue = ctx.addIssue(call, "Move \"" + shutdown + "\" into a \"finally\" block: when an exception stops this function, "
      + consequence + ".");
    uses.releases().forEach(c -> issue.secondary(c, "Skipped when an exception is raised before"));
  }
}
