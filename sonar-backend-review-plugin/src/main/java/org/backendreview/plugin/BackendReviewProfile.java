/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.plugin;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sonar.api.rules.Rule;
import org.sonar.api.rules.RuleFinder;
import org.sonar.api.server.profile.BuiltInQualityProfilesDefinition;
import org.sonarsource.analyzer.commons.BuiltInQualityProfileJsonLoader;

/**
 * Built-in profile "Backend Review way": our recommended rules plus SonarPython's "Sonar way" rules.
 * <p>
 * A built-in profile that names a rule the server does not know stops SonarQube at start-up ("Rule with key ... not
 * found"). Our own keys are safe (they ship in this jar), but SonarPython's "Sonar way" changes with every python
 * plugin release. So the SonarPython keys come from a snapshot ({@code python_sonar_way.json}) and each one is
 * activated only when the server's {@link RuleFinder} knows it as a live rule. Without a rule finder (another
 * container, an unexpected failure) the profile holds our rules only: it never breaks start-up.
 * <p>
 * A SonarPython rule that one of ours supersedes (it reports the same lines, where ours decides with more context) is
 * left out ({@link #SUPERSEDED}), so that one mistake is not reported twice; docs/profile.md lists them.
 */
public class BackendReviewProfile implements BuiltInQualityProfilesDefinition {

  public static final String NAME = "Backend Review way";
  public static final String PYTHON_REPOSITORY = "python";
  public static final String PYTHON_SONAR_WAY_SNAPSHOT = BackendReviewRulesDefinition.RESOURCE_FOLDER + "/python_sonar_way.json";

  /**
   * SonarPython "Sonar way" rules left out of our profile, each with the rules of ours that supersede it. S2077 flags
   * every formatted SQL string passed to Django and DB-API cursors; SqlInjection reports those whose value comes from a
   * request and DynamicSqlQuery the others (with constant-only formatting left alone), on the same lines.
   */
  public static final Map<String, List<String>> SUPERSEDED = Map.of("S2077", List.of("SqlInjection", "DynamicSqlQuery"));

  private static final Logger LOG = LoggerFactory.getLogger(BackendReviewProfile.class);

  private final RuleFinder ruleFinder;

  /** Used by the server: the greediest constructor the container can satisfy wins. */
  public BackendReviewProfile(RuleFinder ruleFinder) {
    this.ruleFinder = ruleFinder;
  }

  /** Used when no rule finder is available: the profile then holds our rules only. */
  public BackendReviewProfile() {
    this(null);
  }

  @Override
  public void define(Context context) {
    NewBuiltInQualityProfile profile = context.createBuiltInQualityProfile(NAME, BackendReviewRulesDefinition.LANGUAGE);
    BuiltInQualityProfileJsonLoader.load(profile, BackendReviewRulesDefinition.REPOSITORY_KEY, BackendReviewRulesDefinition.PROFILE_PATH);
    for (String key : availablePythonSonarWayKeys()) {
      profile.activateRule(PYTHON_REPOSITORY, key);
    }
    profile.done();
  }

  /** The SonarPython "Sonar way" keys of the snapshot that the running server knows as live rules. */
  Set<String> availablePythonSonarWayKeys() {
    Set<String> available = new TreeSet<>();
    if (ruleFinder == null) {
      LOG.info("{}: no rule finder, SonarPython's Sonar way rules are not added to the profile", NAME);
      return available;
    }
    Set<String> snapshot;
    try {
      snapshot = BuiltInQualityProfileJsonLoader.loadActiveKeysFromJsonProfile(PYTHON_SONAR_WAY_SNAPSHOT);
      snapshot = new TreeSet<>(snapshot);
      snapshot.removeAll(SUPERSEDED.keySet());
      for (String key : snapshot) {
        Rule rule = ruleFinder.findByKey(PYTHON_REPOSITORY, key);
        if (rule != null && !Rule.STATUS_REMOVED.equals(rule.getStatus())) {
          available.add(key);
        }
      }
    } catch (RuntimeException | LinkageError e) {
      LOG.warn("{}: SonarPython's Sonar way rules are not added to the profile ({})", NAME, e.toString());
      return new TreeSet<>();
    }
    if (available.size() < snapshot.size()) {
      Set<String> missing = new TreeSet<>(snapshot);
      missing.removeAll(available);
      LOG.info("{}: {} SonarPython Sonar way rules are unknown to this server and left out: {}", NAME, missing.size(), missing);
    }
    return available;
  }
}
