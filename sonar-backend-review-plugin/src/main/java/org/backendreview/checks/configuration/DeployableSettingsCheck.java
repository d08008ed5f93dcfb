/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.configuration;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.backendreview.checks.BackendReviewCheck;
import org.backendreview.semantics.django.DjangoSettings;
import org.backendreview.semantics.django.DjangoSettingsModel;
import org.backendreview.semantics.django.DjangoSettingsModel.Config;
import org.backendreview.semantics.django.DjangoSettingsModel.FileView;
import org.backendreview.semantics.django.DjangoSettingsModel.Known;
import org.backendreview.semantics.project.AnalysisContext;
import org.backendreview.semantics.project.ModuleSummary.Range;
import org.sonar.check.RuleProperty;
import org.sonar.plugins.python.api.LocationInFile;
import org.sonar.plugins.python.api.PythonCheck.PreciseIssue;
import org.sonar.plugins.python.api.SubscriptionContext;
import org.sonar.plugins.python.api.tree.FileInput;
import org.sonar.plugins.python.api.tree.Tree;

/**
 * Base of the rules about production Django settings. Two hooks, both run once per file from the project settings
 * model ({@link DjangoSettingsModel}), never from a walk of the whole file:
 * <ul>
 *   <li>{@link #checkSettings}: the file is a deployable settings module (rules about the statements written in it);</li>
 *   <li>{@link #checkConfiguration}: once per deployed configuration that reads the file (rules about effective values:
 *   a value is reported where it is assigned, {@link #reportAt}; an absent setting in the configuration's own module,
 *   {@link #reportAbsent}).</li>
 * </ul>
 * Development and test settings are left alone.
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
      if (module.statements() == null) {
        return;
      }
      Optional<FileView> view = DjangoSettingsModel.view(ctx, nonDeployable);
      boolean deployable = view.isPresent()
        ? view.get().settingsModule() && view.get().deployable() && !DjangoSettings.turnsDebugOn(AnalysisContext.of(ctx).summary())
        : DjangoSettings.isDeployableSettingsModule(AnalysisContext.of(ctx).summary(), ctx.pythonFile(), nonDeployable);
      if (deployable) {
        checkSettings(ctx, module);
      }
      if (view.isPresent()) {
        Set<Range> reported = new HashSet<>();
        for (Config config : view.get().configurations()) {
          checkConfiguration(new Scope(ctx, view.get(), config, reported));
        }
      }
    });
  }

  /** Checks a deployable settings module's own statements. */
  protected void checkSettings(SubscriptionContext ctx, FileInput module) {
  }

  /** Checks the effective settings of one deployed configuration that reads the analysed file. */
  protected void checkConfiguration(Scope scope) {
  }

  /** One deployed configuration seen from the analysed file. */
  public record Scope(SubscriptionContext ctx, FileView view, Config config, Set<Range> reported) {

    /** True when this file is the configuration's own module (absent settings are reported here). */
    public boolean isLeaf() {
      return config.file().equals(view.file());
    }

    /** Reports at the known value's assignment when it is in this file, once per assignment; null otherwise. */
    public PreciseIssue reportAt(Known known, Range range, String message) {
      if (!view.isHere(known) || !reported.add(range)) {
        return null;
      }
      return ctx.addIssue(location(range), message);
    }

    /**
     * Reports a setting the configuration does not set (Django's default applies), on the configuration's own module:
     * at {@code anchor}'s assignment when the module assigns it, else at its first statement.
     */
    public PreciseIssue reportAbsent(String anchor, String message) {
      if (!isLeaf()) {
        return null;
      }
      Range range = config.known(anchor).filter(view::isHere).map(Known::statement).orElse(null);
      Tree first = ((FileInput) ctx.syntaxNode()).statements().statements().get(0);
      Range at = range != null ? range : null;
      if (at == null) {
        return reported.add(new Range(-1, -1, -1, -1)) ? ctx.addIssue(first, message) : null;
      }
      return reported.add(at) ? ctx.addIssue(location(at), message) : null;
    }

    /**
     * Reports one problem of the configuration made of settings that are absent or set to an unsafe value: at the first
     * of those assignments written in this file, else as an absent setting ({@link #reportAbsent}); the assignments
     * written in other modules of the chain become secondary locations.
     */
    public PreciseIssue reportOnce(java.util.List<Known> explicit, String anchor, String message, String secondaryMessage) {
      PreciseIssue issue = explicit.stream().filter(view::isHere).findFirst()
        .map(k -> reportAt(k, k.statement(), message))
        .orElseGet(() -> reportAbsent(anchor, message));
      if (issue != null) {
        for (Known known : explicit) {
          if (!view.isHere(known) && elsewhere(known) != null) {
            issue.secondary(elsewhere(known), secondaryMessage);
          }
        }
      }
      return issue;
    }

    /** A location in the analysed file. */
    public LocationInFile location(Range range) {
      return range.toLocation(ctx.pythonFile().key());
    }

    /** A secondary location in another module of the configuration, or null when that module has no readable path. */
    public LocationInFile elsewhere(Known known) {
      return known.file() == null ? null : known.statement().toLocation(known.file().toUri().toString());
    }
  }
  /** True when the value is the literal {@code expected}. */
  protected static boolean isBool(org.backendreview.semantics.project.ModuleSummary.Value value, boolean expected) {
    return value instanceof org.backendreview.semantics.project.ModuleSummary.Bool b && b.value() == expected;
  }

  /**
   * The string literals of a list setting when the whole list is known and made of string literals; empty when it is
   * absent, unknown or computed.
   */
  protected static Optional<java.util.List<String>> strings(Config config, String name) {
    Optional<Known> known = config.known(name);
    if (known.isEmpty() || !(known.get().value() instanceof org.backendreview.semantics.project.ModuleSummary.Seq seq)
      || !seq.elements().stream().allMatch(org.backendreview.semantics.project.ModuleSummary.Str.class::isInstance)) {
      return Optional.empty();
    }
    return Optional.of(seq.elements().stream().map(e -> ((org.backendreview.semantics.project.ModuleSummary.Str) e).value()).toList());
  }

  /**
   * True when the configuration's {@code SILENCED_SYSTEM_CHECKS} (a known list) names one of Django's check ids
   * ({@code security.W004}): the team has decided about that warning, for instance because a proxy does the job.
   */
  protected static boolean silenced(Config config, String... checkIds) {
    return strings(config, "SILENCED_SYSTEM_CHECKS").filter(ids -> java.util.Arrays.stream(checkIds).anyMatch(ids::contains)).isPresent();
  }
}
