/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.plugin;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sonarsource.analyzer.commons.BuiltInQualityProfileJsonLoader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The snapshot of SonarPython's "Sonar way" keys must match the python-checks version we build against. When the
 * python version is bumped, this test fails: copy the new {@code Sonar_way_profile.json} keys into
 * {@code python_sonar_way.json} (see docs/profile.md).
 */
class PythonSonarWaySnapshotTest {

  private static final String PYTHON_SONAR_WAY = "org/sonar/l10n/py/rules/python/Sonar_way_profile.json";

  @Test
  void snapshot_matches_python_checks() {
    Set<String> snapshot = BuiltInQualityProfileJsonLoader.loadActiveKeysFromJsonProfile(BackendReviewProfile.PYTHON_SONAR_WAY_SNAPSHOT);
    Set<String> actual = BuiltInQualityProfileJsonLoader.loadActiveKeysFromJsonProfile(PYTHON_SONAR_WAY);
    assertThat(snapshot).as("python_sonar_way.json is out of date: copy the keys of python-checks' %s", PYTHON_SONAR_WAY)
      .containsExactlyInAnyOrderElementsOf(actual);
  }
}
