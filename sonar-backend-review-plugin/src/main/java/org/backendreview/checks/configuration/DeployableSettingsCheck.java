/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.configuration;

import java.util.regex.Pattern;
import org.backendreview.checks.BackendReviewCheck;
import org.backendreview.semantics.django.DjangoSettings;
import org.sonar.check.RuleProperty;
import org.sonar.plugins.python.api.SubscriptionContext;
import org.sonar.plugins.python.api.tree.FileInput;
import org.sonar.plugins.python.api.tree.Tree;

/**
 * Base of the rules about production Django settings: runs {@link #checkSettings} once per file, and only on
 * deployable settings modules (see {@link DjangoSettings}); development and test settings are left alone.
 */
public abstract class DeployableSettingsCheck extends BackendReviewCheck {

  @RuleProperty(key = "nonDeployableSettings", description = "Words in a settings module's file or package name that mark "
    + "development or test settings, which this rule ignores (regular expression alternatives).",
    defaultValue = DjangoSettings.DEFAULT_NON_DEPLOYABLE)
  public String nonDeployableSettings = DjangoSettings.DEFAULT_NON_DEPLOYABLE;

  private Pattern nonDeployable;

  @Override
  protected void register(Context context) {
    nonDeployable = DjangoSettings.wordsPattern(nonDeployableSettings);
    context.registerSyntaxNodeConsumer(Tree.Kind.FILE_INPUT, ctx -> {
      FileInput module = (FileInput) ctx.syntaxNode();
      if (module.statements() != null && DjangoSettings.isDeployableSettingsModule(module, ctx.pythonFile(), nonDeployable)) {
        checkSettings(ctx, module);
      }
    });
  }

  /** Checks a deployable settings module. */
  protected abstract void checkSettings(SubscriptionContext ctx, FileInput module);
}
