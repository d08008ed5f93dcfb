/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.plugin;

import java.util.Arrays;
import java.util.List;
import org.backendreview.checks.RuleFamily;

/** Every check class of the repository, family by family. A check not listed here does not exist for SonarQube. */
public final class RulesList {

  private RulesList() {
  }

  public static List<Class<?>> checks() {
    return Arrays.stream(RuleFamily.values()).flatMap(f -> f.checks().stream()).toList();
  }
}
