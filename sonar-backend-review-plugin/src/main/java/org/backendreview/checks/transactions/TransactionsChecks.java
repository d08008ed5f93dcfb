/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.transactions;

import java.util.List;

/** Transactions and consistency (family TXN): atomicity, locking, side effects before commit, task arguments, and at-least-once messaging with Kafka. */
public final class TransactionsChecks {

  public static final List<Class<?>> CHECKS = List.of(
    ReadModifyWriteWithoutFCheck.class,
    SideEffectBeforeCommitCheck.class,
    SelectForUpdateOutsideAtomicCheck.class,
    MultipleWritesWithoutTransactionCheck.class,
    DatabaseErrorCaughtInsideAtomicCheck.class,
    CheckThenCreateRaceCheck.class,
    CeleryTaskModelArgumentCheck.class,
    KafkaProducerAcksZeroCheck.class,
    KafkaSendResultIgnoredCheck.class,
    KafkaClientNotClosedCheck.class,
    KafkaCommitBeforeProcessingCheck.class);

  private TransactionsChecks() {
  }
}
