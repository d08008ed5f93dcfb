/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.plugin;

import java.util.ArrayList;
import java.util.List;
import org.backendreview.checks.asynchronous.AsyncChecks;
import org.backendreview.checks.fastapi.FastApiChecks;
import org.backendreview.checks.http.HttpClientChecks;
import org.backendreview.checks.hygiene.HygieneChecks;
import org.backendreview.checks.injection.InjectionChecks;
import org.backendreview.checks.messaging.MessagingChecks;
import org.backendreview.checks.migrations.MigrationsChecks;
import org.backendreview.checks.orm.OrmChecks;
import org.backendreview.checks.settings.SettingsChecks;
import org.backendreview.checks.sqlalchemy.SqlAlchemyChecks;
import org.backendreview.checks.transactions.TransactionsChecks;

/** Every check class of the repository, family by family. A check not listed here does not exist for SonarQube. */
public final class RulesList {

  private RulesList() {
  }

  public static List<Class<?>> checks() {
    List<Class<?>> checks = new ArrayList<>();
    checks.addAll(InjectionChecks.CHECKS);
    checks.addAll(OrmChecks.CHECKS);
    checks.addAll(SettingsChecks.CHECKS);
    checks.addAll(MigrationsChecks.CHECKS);
    checks.addAll(FastApiChecks.CHECKS);
    checks.addAll(AsyncChecks.CHECKS);
    checks.addAll(SqlAlchemyChecks.CHECKS);
    checks.addAll(HttpClientChecks.CHECKS);
    checks.addAll(TransactionsChecks.CHECKS);
    checks.addAll(MessagingChecks.CHECKS);
    checks.addAll(HygieneChecks.CHECKS);
    return List.copyOf(checks);
  }
}
