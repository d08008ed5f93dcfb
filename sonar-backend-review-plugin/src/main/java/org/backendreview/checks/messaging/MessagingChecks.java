/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.messaging;

import java.util.List;

/** Message brokers (Kafka): delivery and shutdown reliability (feature-matrix row TXN-07, issue 6). */
public final class MessagingChecks {

  public static final List<Class<?>> CHECKS = List.of(
    KafkaProducerAcksZeroCheck.class,
    KafkaSendResultIgnoredCheck.class,
    KafkaClientNotClosedCheck.class,
    KafkaCommitBeforeProcessingCheck.class);

  private MessagingChecks() {
  }
}
