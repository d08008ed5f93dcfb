/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.migrations;

import java.util.List;

/** Migrations (family MIG). */
public final class MigrationsChecks {

  public static final List<Class<?>> CHECKS = List.of(
    IrreversibleDataMigrationCheck.class,
    RunPythonImportedModelCheck.class,
    NotNullColumnWithoutDbDefaultCheck.class,
    DestructiveMigrationOperationCheck.class,
    SchemaRenameCheck.class,
    RiskyAlterFieldCheck.class,
    UniquenessWithoutDeduplicationCheck.class,
    NonConcurrentIndexMigrationCheck.class,
    MixedSchemaAndDataMigrationCheck.class,
    AlembicMissingDowngradeCheck.class,
    AlembicBreakingSchemaChangeCheck.class,
    AlembicIndexWithoutConcurrentlyCheck.class);

  private MigrationsChecks() {
  }
}
