/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.plugin;

import org.sonar.api.Plugin;

/**
 * Entry point. The plugin contributes no sensor: its checks run inside SonarPython's own sensor through
 * {@link BackendReviewRulesDefinition}, which is also what SonarLint installs in connected mode.
 */
public class BackendReviewPlugin implements Plugin {

  @Override
  public void define(Context context) {
    context.addExtensions(BackendReviewRulesDefinition.class, BackendReviewProfile.class);
  }
}
