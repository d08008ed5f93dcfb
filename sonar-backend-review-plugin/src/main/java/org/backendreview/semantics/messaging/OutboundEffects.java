/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.semantics.messaging;

import java.util.Optional;
import java.util.Set;
import org.backendreview.semantics.celery.CeleryTasks;
import org.backendreview.semantics.project.ModuleSummary;
import org.backendreview.tree.Fqns;
import org.backendreview.tree.Trees;
import org.backendreview.tree.ValueResolver;
import org.sonar.plugins.python.api.SubscriptionContext;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.Expression;
import org.sonar.plugins.python.api.tree.Name;

/**
 * Calls that make something happen outside the database and cannot be rolled back: Celery/django-rq task dispatch,
 * e-mail sending, message broker publishes (pika {@code basic_publish}, kafka-python {@code KafkaProducer.send},
 * confluent-kafka {@code Producer.produce}, kombu {@code Producer.publish}).
 */
public final class OutboundEffects {

  private static final Set<String> MAIL_FUNCTIONS = Set.of("django.core.mail.send_mail", "django.core.mail.send_mass_mail",
    "django.core.mail.mail_admins", "django.core.mail.mail_managers");
  private static final Set<String> PRODUCERS = Set.of("kafka.KafkaProducer", "kafka.producer.KafkaProducer", "confluent_kafka.Producer",
    "kombu.Producer", "kombu.messaging.Producer", "aiokafka.AIOKafkaProducer");
  private static final Set<String> PRODUCER_METHODS = Set.of("send", "send_and_wait", "produce", "publish");

  private OutboundEffects() {
  }

  public enum Kind {
    TASK("task dispatch"),
    EMAIL("e-mail"),
    MESSAGE("message publish");

    private final String description;

    Kind(String description) {
      this.description = description;
    }

    public String description() {
      return description;
    }
  }

  /**
   * An outbound effect.
   *
   * @param onCommit true when the call itself defers the effect to the commit ({@code delay_on_commit})
   */
  public record Effect(Kind kind, CallExpression call, String what, boolean onCommit) {
  }

  /**
   * For the FQN of a Django mail function ({@code django.core.mail.send_mail}...) or of an e-mail message's
   * {@code send} method, its label ({@code send_mail()}); empty otherwise.
   */
  public static Optional<String> mailFunction(String fqn) {
    if (MAIL_FUNCTIONS.contains(fqn) || fqn.startsWith("django.core.mail.") && fqn.endsWith(".send")) {
      return Optional.of(fqn.substring(fqn.lastIndexOf('.') + 1) + "()");
    }
    return Optional.empty();
  }

  public static Optional<Effect> of(CallExpression call, SubscriptionContext ctx) {
    Optional<CeleryTasks.Dispatch> dispatch = CeleryTasks.dispatch(call, ctx);
    if (dispatch.isPresent()) {
      String task = dispatch.get().task() == null ? "send_task" : taskName(dispatch.get().task());
      return Optional.of(new Effect(Kind.TASK, call, task + "." + dispatch.get().method() + "()",
        dispatch.get().kind() == CeleryTasks.Kind.ON_COMMIT));
    }
    Optional<String> mail = Fqns.ofCallee(call).flatMap(OutboundEffects::mailFunction);
    if (mail.isPresent()) {
      return Optional.of(new Effect(Kind.EMAIL, call, mail.get(), false));
    }
    Optional<String> method = Fqns.calleeName(call);
    if (method.isEmpty()) {
      return Optional.empty();
    }
    if ("basic_publish".equals(method.get()) && Fqns.receiver(call).isPresent()) {
      return Optional.of(new Effect(Kind.MESSAGE, call, "basic_publish()", false));
    }
    if (PRODUCER_METHODS.contains(method.get()) && Fqns.receiver(call).map(OutboundEffects::isProducer).orElse(false)) {
      return Optional.of(new Effect(Kind.MESSAGE, call, method.get() + "()", false));
    }
    return Optional.empty();
  }

  private static boolean isProducer(Expression receiver) {
    Expression expr = Trees.skipParentheses(receiver);
    if (expr instanceof Name name) {
      Optional<Expression> value = ValueResolver.singleAssignedValue(name);
      if (value.isPresent() && Trees.skipParentheses(value.get()) instanceof CallExpression construction) {
        return Fqns.ofCallee(construction).filter(PRODUCERS::contains).isPresent();
      }
    }
    return false;
  }

  private static String taskName(Expression task) {
    Expression expr = Trees.skipParentheses(task);
    if (expr instanceof CallExpression call) {
      return ModuleSummary.dottedText(call.callee()).map(t -> t + "(...)").orElse("signature");
    }
    return ModuleSummary.dottedText(expr).orElse("task");
  }
}
