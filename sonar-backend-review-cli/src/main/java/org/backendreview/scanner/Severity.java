/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.scanner;

import java.util.Locale;
import java.util.Optional;

/**
 * Severity of a rule and its findings, on SonarQube's software-quality scale (the highest impact of the rule). The
 * legacy names map as the rule metadata does: Blocker = BLOCKER, Critical = HIGH, Major = MEDIUM, Minor = LOW,
 * Info = INFO.
 */
public enum Severity {
  INFO("Info"), LOW("Minor"), MEDIUM("Major"), HIGH("Critical"), BLOCKER("Blocker");

  private final String legacyName;

  Severity(String legacyName) {
    this.legacyName = legacyName;
  }

  /** SonarQube's legacy severity name ({@code MAJOR}, {@code CRITICAL}...), as used by the generic issue format. */
  public String legacyName() {
    return legacyName.toUpperCase(Locale.ROOT);
  }

  public boolean atLeast(Severity other) {
    return compareTo(other) >= 0;
  }

  /** Parses both scales, case-insensitively: {@code blocker}, {@code high}/{@code critical}, {@code medium}/{@code major}... */
  public static Optional<Severity> parse(String text) {
    String value = text.trim().toUpperCase(Locale.ROOT);
    for (Severity severity : values()) {
      if (severity.name().equals(value) || severity.legacyName().equals(value)) {
        return Optional.of(severity);
      }
    }
    return Optional.empty();
  }
}
