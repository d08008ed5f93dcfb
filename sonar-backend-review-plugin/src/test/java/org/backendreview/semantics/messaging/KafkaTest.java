/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.semantics.messaging;

import java.util.ArrayList;
import java.util.List;
import org.backendreview.testing.Analysis;
import org.backendreview.tree.Fqns;
import org.backendreview.tree.ValueResolver;
import org.junit.jupiter.api.Test;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.Tree;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaTest {

  @Test
  void clients_by_library() {
    List<String> seen = new ArrayList<>();
    Analysis.onEach("m.py", """
      from kafka import KafkaProducer, KafkaConsumer
      from aiokafka import AIOKafkaProducer as P
      import confluent_kafka
      p = KafkaProducer()
      p.send("t", b"v")
      KafkaConsumer("t")
      P()
      confluent_kafka.Consumer({})
      confluent_kafka.Producer({})
      unknown.send("t")
      """, Tree.Kind.CALL_EXPR, (tree, ctx) -> {
        CallExpression call = (CallExpression) tree;
        seen.add(Kafka.creation(call).map(c -> c.name() + (c.isAsync() ? " async" : "") + " " + c.shutdownMethod())
          .orElse(Fqns.calleeName(call).orElse("?") + "->" + Kafka.receiverClient(call, new ValueResolver(), ctx).map(Enum::name).orElse("-")));
      });
    assertThat(seen).containsExactly("KAFKA_PYTHON_PRODUCER close", "send->KAFKA_PYTHON_PRODUCER", "KAFKA_PYTHON_CONSUMER close",
      "AIOKAFKA_PRODUCER async stop", "CONFLUENT_CONSUMER close", "CONFLUENT_PRODUCER flush", "send->-");
  }
}
