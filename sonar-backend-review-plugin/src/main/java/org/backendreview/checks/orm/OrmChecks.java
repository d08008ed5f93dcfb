/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.orm;

import java.util.List;

/** Django ORM and performance (family ORM): N+1 queries, unbounded and premature querysets, indexes, relations, signals. */
public final class OrmChecks {

  public static final List<Class<?>> CHECKS = List.of(
    MissingSelectRelatedCheck.class,
    MissingPrefetchRelatedCheck.class,
    SerializerRelationNotPrefetchedCheck.class,
    UnpaginatedListViewCheck.class,
    PrematureQuerySetEvaluationCheck.class,
    RelationWithoutIntegrityCheck.class,
    FilterOnUnindexedFieldCheck.class,
    IdFieldInsteadOfForeignKeyCheck.class,
    QueryInLoopCheck.class,
    UnhandledDoesNotExistCheck.class,
    SignalReceiverSideEffectCheck.class,
    UnboundedQuerySetResponseCheck.class);

  private OrmChecks() {
  }
}
