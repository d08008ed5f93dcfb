/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.transactions;

import org.backendreview.testing.CheckVerifier;
import org.backendreview.testing.QuickFixVerifier;
import org.backendreview.testing.Samples;
import org.junit.jupiter.api.Test;

class KafkaProducerAcksZeroCheckTest {

  @Test
  void sample() {
    CheckVerifier.verify(Samples.file("transactions/kafkaProducerAcksZero.py"), new KafkaProducerAcksZeroCheck());
  }

  @Test
  void quick_fix_asks_for_all_replicas() {
    QuickFixVerifier.verify(new KafkaProducerAcksZeroCheck(),
      "from kafka import KafkaProducer\np = KafkaProducer(bootstrap_servers=\"k:9092\", acks=0)\n",
      "from kafka import KafkaProducer\np = KafkaProducer(bootstrap_servers=\"k:9092\", acks=\"all\")\n");
    QuickFixVerifier.verify(new KafkaProducerAcksZeroCheck(),
      "from confluent_kafka import Producer\np = Producer({\"bootstrap.servers\": \"k:9092\", \"acks\": \"0\"})\n",
      "from confluent_kafka import Producer\np = Producer({\"bootstrap.servers\": \"k:9092\", \"acks\": \"all\"})\n");
  }
}
