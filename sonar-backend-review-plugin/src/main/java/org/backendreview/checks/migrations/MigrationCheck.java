/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.migrations;

import org.backendreview.checks.BackendReviewCheck;
import org.backendreview.semantics.project.CodeScope;
import org.sonar.check.RuleProperty;

/**
 * What every schema migration rule shares (Django migrations, Alembic revisions): by default it reports only on the
 * leaves of the migration graph (what a change adds: the others are history,
 * {@link org.backendreview.semantics.project.CodeRole#HISTORY}); {@code reportAllMigrations} reports every migration.
 */
public abstract class MigrationCheck extends BackendReviewCheck {

  @RuleProperty(key = "reportAllMigrations", defaultValue = "false",
    description = "Also report the migrations later ones build on (history: a Django migration another one depends on, an Alembic "
      + "revision another one revises), not only the leaves of the migration graph")
  public boolean reportAllMigrations = false;

  @Override
  protected CodeScope codeScope() {
    return reportAllMigrations ? CodeScope.PRODUCT_AND_HISTORY : CodeScope.PRODUCT;
  }
}
