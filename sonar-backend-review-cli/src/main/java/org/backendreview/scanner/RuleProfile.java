/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.scanner;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The rule sets a scan can start from ({@code --profile}). */
public enum RuleProfile {
  /**
   * The plugin's built-in profile "Backend Review way", exactly: our recommended rules plus SonarPython's "Sonar way"
   * without the rules one of ours supersedes ({@code BackendReviewProfile.SUPERSEDED}). The default.
   */
  BACKEND_REVIEW_WAY("backend-review-way"),
  /** Our recommended rules only (the {@code backendreview} rules of "Backend Review way"). */
  BACKEND_REVIEW("backend-review");

  private final String id;

  RuleProfile(String id) {
    this.id = id;
  }

  /** The name on the command line and in {@code pyproject.toml}. */
  public String id() {
    return id;
  }

  public boolean contains(RuleInfo rule) {
    return rule.inDefaultProfile() && (this == BACKEND_REVIEW_WAY || rule.isOurs());
  }

  public static Optional<RuleProfile> parse(String value) {
    String normalized = value.trim().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(p -> p.id.equals(normalized)).findFirst();
  }
}
