/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.configuration;

import java.util.Map;
import org.backendreview.semantics.django.DjangoSettingsModel.Config;
import org.backendreview.semantics.project.ModuleSummary.NoneValue;
import org.sonar.check.Rule;

/**
 * Django's request size limits turned off in a deployable configuration: {@code DATA_UPLOAD_MAX_MEMORY_SIZE},
 * {@code DATA_UPLOAD_MAX_NUMBER_FIELDS} or {@code DATA_UPLOAD_MAX_NUMBER_FILES} set to {@code None}, reported where
 * the {@code None} is written.
 */
@Rule(key = "DisabledRequestSizeLimits")
public class DisabledRequestSizeLimitsCheck extends DeployableSettingsCheck {

  private static final Map<String, String> LIMITS = Map.of(
    "DATA_UPLOAD_MAX_MEMORY_SIZE", "a request body of any size is read into memory (default 2.5 MB)",
    "DATA_UPLOAD_MAX_NUMBER_FIELDS", "a request with millions of form fields is parsed (default 1000)",
    "DATA_UPLOAD_MAX_NUMBER_FILES", "a request with any number of files is parsed (default 100)");

  @Override
  protected void checkConfiguration(Scope scope) {
    Config config = scope.config();
    LIMITS.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(limit -> config.known(limit.getKey())
      .filter(k -> k.value() instanceof NoneValue)
      .ifPresent(k -> scope.reportAt(k, k.statement(), "Set " + limit.getKey() + " to a number in \"" + config.moduleName()
        + "\" instead of None: " + limit.getValue() + ", which lets one client exhaust the server's memory or CPU.")));
  }
}
