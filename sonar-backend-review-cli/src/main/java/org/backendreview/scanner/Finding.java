/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.scanner;

import java.util.List;
import javax.annotation.Nullable;

/**
 * An issue raised by a rule, as SonarQube would show it.
 *
 * @param primary the location and message
 * @param secondaries secondary locations, then the locations of the flows, in order
 * @param gap the gap (cost) when the rule sets one
 * @param fingerprint stable identity for baselines and SARIF: rule, file and the normalised text of the primary line,
 *                    plus an occurrence number; unchanged when unrelated lines are added or removed
 * @param quickFixes the quick fixes the check offers (edits in the finding's file)
 */
public record Finding(RuleInfo rule, Location primary, List<Location> secondaries, @Nullable Double gap, String fingerprint,
  List<QuickFix> quickFixes) {

  public Finding(RuleInfo rule, Location primary, List<Location> secondaries, @Nullable Double gap, String fingerprint) {
    this(rule, primary, secondaries, gap, fingerprint, List.of());
  }

  /** The rule's key in its repository ({@code SqlInjection}, {@code S2077}). */
  public String ruleKey() {
    return rule.key();
  }

  /** {@code backendreview:SqlInjection}, {@code python:S2077}. */
  public String qualifiedRuleKey() {
    return rule.qualifiedKey();
  }

  public Severity severity() {
    return rule.severity();
  }

  public String file() {
    return primary.file();
  }

  public int line() {
    return primary.line();
  }

  public String message() {
    return primary.message();
  }

  public int effortMinutes() {
    return rule.effortMinutes(gap);
  }

  Finding withFingerprint(String value) {
    return new Finding(rule, primary, secondaries, gap, value, quickFixes);
  }
}
