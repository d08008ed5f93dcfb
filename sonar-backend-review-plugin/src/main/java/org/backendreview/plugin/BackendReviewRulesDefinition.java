/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.plugin;

import java.util.List;
import org.sonar.api.SonarRuntime;
import org.sonar.api.server.rule.RulesDefinition;
import org.sonar.plugins.python.api.PythonCustomRuleRepository;
import org.sonarsource.analyzer.commons.RuleMetadataLoader;

/**
 * The "Backend Review" rules repository for Python. It is both the server-side rules definition and the
 * {@link PythonCustomRuleRepository} that SonarPython's sensor runs: implementing {@link RulesDefinition} gives the
 * class {@code @SonarLintSide}, without which SonarLint would silently run none of our checks.
 * <p>
 * Only {@link SonarRuntime} may be injected here: SonarLint's rule-extraction container provides little else.
 */
public class BackendReviewRulesDefinition implements RulesDefinition, PythonCustomRuleRepository {

  public static final String REPOSITORY_KEY = "backendreview";
  public static final String REPOSITORY_NAME = "Backend Review";
  public static final String LANGUAGE = "py";
  public static final String RESOURCE_FOLDER = "org/backendreview/rules/backendreview";
  public static final String PROFILE_PATH = RESOURCE_FOLDER + "/Backend_Review_way_profile.json";

  private final SonarRuntime runtime;

  public BackendReviewRulesDefinition(SonarRuntime runtime) {
    this.runtime = runtime;
  }

  @Override
  public void define(Context context) {
    NewRepository repository = context.createRepository(REPOSITORY_KEY, LANGUAGE).setName(REPOSITORY_NAME);
    new RuleMetadataLoader(RESOURCE_FOLDER, PROFILE_PATH, runtime).addRulesByAnnotatedClass(repository, checkClasses());
    repository.done();
  }

  @Override
  public String repositoryKey() {
    return REPOSITORY_KEY;
  }

  @Override
  public List<Class<?>> checkClasses() {
    return RulesList.checks();
  }
}
