/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.semantics.messaging;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.backendreview.tree.Fqns;
import org.backendreview.tree.Trees;
import org.backendreview.tree.ValueResolver;
import org.sonar.plugins.python.api.SubscriptionContext;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.Expression;

/**
 * Kafka clients of kafka-python, aiokafka and confluent-kafka, known by the FQN of their classes (none of these
 * libraries has stubs: the import path names them).
 *
 * <p>Facts the rules rely on: kafka-python's {@code send()} and aiokafka's {@code send()} return a future that carries
 * the delivery error (nothing else reports it); aiokafka's {@code send()} is a coroutine; confluent-kafka reports
 * delivery errors only to a delivery callback; kafka-python and aiokafka consumers auto-commit offsets by default;
 * {@code close()}/{@code stop()} flush a producer's buffer and make a consumer leave its group.
 */
public final class Kafka {

  /** Which library a client comes from, and whether it produces or consumes. */
  public enum Client {
    KAFKA_PYTHON_PRODUCER(false, false, "close"),
    KAFKA_PYTHON_CONSUMER(false, true, "close"),
    AIOKAFKA_PRODUCER(true, false, "stop"),
    AIOKAFKA_CONSUMER(true, true, "stop"),
    CONFLUENT_PRODUCER(false, false, "flush"),
    CONFLUENT_CONSUMER(false, true, "close");

    private final boolean async;
    private final boolean consumer;
    private final String shutdownMethod;

    Client(boolean async, boolean consumer, String shutdownMethod) {
      this.async = async;
      this.consumer = consumer;
      this.shutdownMethod = shutdownMethod;
    }

    public boolean isAsync() {
      return async;
    }

    public boolean isConsumer() {
      return consumer;
    }

    /** The method that releases the client: {@code close()}, {@code stop()} (aiokafka), {@code flush()} (confluent producer). */
    public String shutdownMethod() {
      return shutdownMethod;
    }

    public boolean isConfluent() {
      return this == CONFLUENT_PRODUCER || this == CONFLUENT_CONSUMER;
    }
  }

  private static final Set<String> KAFKA_PYTHON_PRODUCERS = Set.of("kafka.KafkaProducer", "kafka.producer.KafkaProducer",
    "kafka.producer.kafka.KafkaProducer");
  private static final Set<String> KAFKA_PYTHON_CONSUMERS = Set.of("kafka.KafkaConsumer", "kafka.consumer.KafkaConsumer",
    "kafka.consumer.group.KafkaConsumer");
  private static final Set<String> AIOKAFKA_PRODUCERS = Set.of("aiokafka.AIOKafkaProducer", "aiokafka.producer.AIOKafkaProducer",
    "aiokafka.producer.producer.AIOKafkaProducer");
  private static final Set<String> AIOKAFKA_CONSUMERS = Set.of("aiokafka.AIOKafkaConsumer", "aiokafka.consumer.AIOKafkaConsumer",
    "aiokafka.consumer.consumer.AIOKafkaConsumer");
  private static final Set<String> CONFLUENT_PRODUCERS = Set.of("confluent_kafka.Producer", "confluent_kafka.cimpl.Producer",
    "confluent_kafka.SerializingProducer");
  private static final Set<String> CONFLUENT_CONSUMERS = Set.of("confluent_kafka.Consumer", "confluent_kafka.cimpl.Consumer",
    "confluent_kafka.DeserializingConsumer");

  private Kafka() {
  }

  /** The client a call creates ({@code KafkaProducer(...)}, {@code AIOKafkaConsumer(...)}, {@code confluent_kafka.Producer(...)}). */
  public static Optional<Client> creation(Expression expression) {
    if (!(Trees.skipParentheses(expression) instanceof CallExpression call)) {
      return Optional.empty();
    }
    Optional<String> fqn = Fqns.ofCallee(call);
    if (fqn.isEmpty()) {
      return Optional.empty();
    }
    String name = fqn.get();
    if (KAFKA_PYTHON_PRODUCERS.contains(name)) {
      return Optional.of(Client.KAFKA_PYTHON_PRODUCER);
    }
    if (KAFKA_PYTHON_CONSUMERS.contains(name)) {
      return Optional.of(Client.KAFKA_PYTHON_CONSUMER);
    }
    if (AIOKAFKA_PRODUCERS.contains(name)) {
      return Optional.of(Client.AIOKAFKA_PRODUCER);
    }
    if (AIOKAFKA_CONSUMERS.contains(name)) {
      return Optional.of(Client.AIOKAFKA_CONSUMER);
    }
    if (CONFLUENT_PRODUCERS.contains(name)) {
      return Optional.of(Client.CONFLUENT_PRODUCER);
    }
    return CONFLUENT_CONSUMERS.contains(name) ? Optional.of(Client.CONFLUENT_CONSUMER) : Optional.empty();
  }

  /** The client an expression holds when every origin creates the same kind of client; empty otherwise. */
  public static Optional<Client> clientOf(Expression expression, ValueResolver resolver, SubscriptionContext ctx) {
    List<Expression> values = resolver.origins(expression, ctx);
    if (values.isEmpty()) {
      return Optional.empty();
    }
    Optional<Client> first = creation(values.get(0));
    return first.isPresent() && values.stream().allMatch(v -> creation(v).equals(first)) ? first : Optional.empty();
  }

  /** For {@code client.method(...)}, the client of the receiver; empty for other calls. */
  public static Optional<Client> receiverClient(CallExpression call, ValueResolver resolver, SubscriptionContext ctx) {
    return Fqns.receiver(call).flatMap(r -> clientOf(r, resolver, ctx));
  }
}
