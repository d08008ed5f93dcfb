/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.configuration;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.backendreview.semantics.django.DjangoSettingsApi;
import org.backendreview.semantics.django.DjangoSettingsModel.Config;
import org.backendreview.semantics.django.DjangoSettingsModel.Known;
import org.backendreview.semantics.project.ModuleSummary.Dict;
import org.backendreview.semantics.project.ModuleSummary.Str;
import org.backendreview.semantics.project.ModuleSummary.Value;
import org.sonar.check.Rule;

/**
 * A PostgreSQL database of a deployed Django configuration, written as a literal {@code DATABASES} entry, with no
 * {@code connect_timeout} or no {@code statement_timeout} in its {@code OPTIONS}, and the persistent connections
 * ({@code CONN_MAX_AGE}) or pool ({@code OPTIONS["pool"]}, Django 5.1) it lacks. Timeouts may be set on the database
 * role instead: INFO, opt-in. Entries built by {@code dj_database_url} or read from the environment are unknown.
 */
@Rule(key = "DatabaseWithoutTimeouts")
public class DatabaseWithoutTimeoutsCheck extends DeployableSettingsCheck {

  @Override
  protected void checkConfiguration(Scope scope) {
    Config config = scope.config();
    Optional<Known> databases = config.known("DATABASES").filter(k -> k.value() instanceof Dict d && d.complete());
    if (databases.isEmpty()) {
      return;
    }
    for (Map.Entry<String, Value> entry : ((Dict) databases.get().value()).entries().entrySet()) {
      if (!(entry.getValue() instanceof Dict database) || !database.complete()
        || !(database.entries().get("ENGINE") instanceof Str engine) || !DjangoSettingsApi.POSTGRES_ENGINES.contains(engine.value())) {
        continue;
      }
      Value optionsValue = database.entries().get("OPTIONS");
      if (optionsValue != null && !(optionsValue instanceof Dict o && o.complete())) {
        continue;
      }
      Map<String, Value> options = optionsValue == null ? Map.of() : ((Dict) optionsValue).entries();
      List<String> missing = new ArrayList<>();
      if (!options.containsKey("connect_timeout")) {
        missing.add("\"connect_timeout\"");
      }
      Value serverOptions = options.get("options");
      if (serverOptions != null && !(serverOptions instanceof Str)) {
        continue;
      }
      if (serverOptions == null || !((Str) serverOptions).value().contains("statement_timeout")) {
        missing.add("\"options\": \"-c statement_timeout=...\"");
      }
      if (missing.isEmpty()) {
        continue;
      }
      boolean persistent = database.entries().containsKey("CONN_MAX_AGE") || options.containsKey("pool");
      scope.reportAt(databases.get(), engine.range(), "Add " + String.join(" and ", missing) + " to the OPTIONS of the \"" + entry.getKey()
        + "\" database in \"" + config.moduleName() + "\"" + (persistent ? "" : ", and CONN_MAX_AGE or a pool")
        + ": without them a stuck database or a runaway query holds a worker, and then every worker, forever.");
    }
  }
}
