/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.plugin;

import org.sonar.api.SonarEdition;
import org.sonar.api.SonarQubeSide;
import org.sonar.api.SonarRuntime;
import org.sonar.api.impl.server.RulesDefinitionContext;
import org.sonar.api.internal.SonarRuntimeImpl;
import org.sonar.api.server.rule.RulesDefinition;
import org.sonar.api.utils.Version;

/** The rules repository as a SonarQube 26.x server defines it. */
public final class TestRuntime {

  /** Plugin API of SonarQube Community Build 26.9. */
  public static final SonarRuntime SERVER = SonarRuntimeImpl.forSonarQube(Version.create(14, 0), SonarQubeSide.SERVER, SonarEdition.COMMUNITY);

  private TestRuntime() {
  }

  public static RulesDefinition.Repository repository() {
    RulesDefinition.Context context = new RulesDefinitionContext();
    new BackendReviewRulesDefinition(SERVER).define(context);
    return context.repository(BackendReviewRulesDefinition.REPOSITORY_KEY);
  }
}
