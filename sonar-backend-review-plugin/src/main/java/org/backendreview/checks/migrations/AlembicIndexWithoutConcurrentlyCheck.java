/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.migrations;

import java.util.ArrayList;
import java.util.List;
import org.backendreview.checks.migrations.DjangoMigrationCheck.Finding;
import org.backendreview.semantics.alembic.AlembicOperation;
import org.backendreview.semantics.alembic.AlembicRevision;
import org.backendreview.semantics.alembic.AlembicRevision.Postgresql;
import org.backendreview.tree.Arguments;
import org.backendreview.tree.Literals;
import org.sonar.check.Rule;
import org.sonar.plugins.python.api.SubscriptionContext;

/**
 * MIG-11 (locking half): {@code create_index} on a table that existed before the revision, on PostgreSQL, without
 * {@code postgresql_concurrently=True} (a plain {@code CREATE INDEX} blocks every write to the table while it builds), or
 * with it but outside {@code with op.get_context().autocommit_block():} (PostgreSQL refuses {@code CREATE INDEX
 * CONCURRENTLY} in the revision's transaction). Reported when the revision or its environment shows PostgreSQL, with
 * "on PostgreSQL" in the message when the database is unknown, never when {@code env.py}/{@code alembic.ini} name only
 * other databases (SQLite, MySQL: their index builds are other matters). Tables created by the same revision are not
 * reported.
 */
@Rule(key = "AlembicIndexWithoutConcurrently")
public class AlembicIndexWithoutConcurrentlyCheck extends AlembicRevisionCheck {

  @Override
  protected List<Finding> findings(AlembicRevision revision, SubscriptionContext ctx) {
    Postgresql postgresql = revision.postgresql();
    if (postgresql == Postgresql.NO) {
      return List.of();
    }
    String onPostgresql = postgresql == Postgresql.UNKNOWN ? " on PostgreSQL" : "";
    List<Finding> findings = new ArrayList<>();
    for (AlembicOperation operation : revision.operations()) {
      if (!"create_index".equals(operation.kind()) || revision.createsTable(operation)) {
        continue;
      }
      String index = operation.argument(0, "index_name").flatMap(Literals::stringValue).map(n -> "index \"" + n + "\"").orElse("this index");
      String table = operation.table().map(t -> "\"" + t + "\"").orElse("the table");
      boolean concurrently = Arguments.keyword(operation.call(), "postgresql_concurrently")
        .flatMap(a -> Literals.booleanValue(a.expression())).orElse(false);
      if (!concurrently) {
        findings.add(new Finding(operation.call().callee(), "Create " + index + " with postgresql_concurrently=True inside "
          + "\"with op.get_context().autocommit_block():\": a plain CREATE INDEX blocks every write to " + table + onPostgresql
          + " while it builds.", index + " built under a write lock"));
      } else if (!operation.inAutocommitBlock()) {
        findings.add(new Finding(operation.call().callee(), "Create " + index + " inside \"with op.get_context().autocommit_block():\": "
          + "PostgreSQL refuses CREATE INDEX CONCURRENTLY inside the revision's transaction.", "concurrent " + index + " in a transaction"));
      }
    }
    return findings;
  }
}
