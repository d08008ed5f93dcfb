/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.configuration;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.backendreview.semantics.django.DjangoSettingsModel.Config;
import org.backendreview.semantics.django.DjangoSettingsModel.Known;
import org.backendreview.semantics.project.ModuleSummary.Range;
import org.backendreview.semantics.project.ModuleSummary.Seq;
import org.backendreview.semantics.project.ModuleSummary.Str;
import org.backendreview.semantics.project.ModuleSummary.Value;
import org.sonar.check.Rule;
import org.sonar.plugins.python.api.PythonCheck.PreciseIssue;
import org.sonar.plugins.python.api.quickfix.PythonQuickFix;
import org.sonar.plugins.python.api.quickfix.PythonTextEdit;

/**
 * Browser security headers a deployed Django configuration turns off or weakens ({@code check --deploy} W006, W019,
 * E023, E024): {@code X_FRAME_OPTIONS} other than {@code DENY}/{@code SAMEORIGIN}, {@code SECURE_CONTENT_TYPE_NOSNIFF
 * = False}, a {@code SECURE_REFERRER_POLICY} that sends full URLs to other sites ({@code unsafe-url},
 * {@code no-referrer-when-downgrade}) or is not a policy, a {@code SECURE_CROSS_ORIGIN_OPENER_POLICY} of
 * {@code unsafe-none} or not a policy. Django's defaults are safe: only explicit literal values are reported, where they
 * are written. A warning named in {@code SILENCED_SYSTEM_CHECKS} (W006, W019) is not reported.
 */
@Rule(key = "InsecureBrowserHeaderSettings")
public class InsecureBrowserHeaderSettingsCheck extends DeployableSettingsCheck {

  private static final Set<String> FRAME_OPTIONS = Set.of("DENY", "SAMEORIGIN");
  private static final Set<String> REFERRER_POLICIES = Set.of("no-referrer", "no-referrer-when-downgrade", "origin",
    "origin-when-cross-origin", "same-origin", "strict-origin", "strict-origin-when-cross-origin", "unsafe-url");
  private static final Set<String> LEAKING_REFERRER_POLICIES = Set.of("unsafe-url", "no-referrer-when-downgrade");
  private static final Set<String> OPENER_POLICIES = Set.of("same-origin", "same-origin-allow-popups", "unsafe-none");

  @Override
  protected void checkConfiguration(Scope scope) {
    Config config = scope.config();
    String module = config.moduleName();
    config.known("X_FRAME_OPTIONS").filter(k -> !silenced(config, "security.W019") && k.value() instanceof Str s && !FRAME_OPTIONS.contains(s.value().trim().toUpperCase(Locale.ROOT)))
      .ifPresent(k -> {
        PreciseIssue issue = scope.reportAt(k, k.value().range(), "Set X_FRAME_OPTIONS to \"DENY\" (or \"SAMEORIGIN\") in \"" + module
          + "\": browsers ignore \"" + ((Str) k.value()).value() + "\", so any site can frame these pages (clickjacking).");
        if (issue != null) {
          Range r = k.value().range();
          issue.addQuickFix(PythonQuickFix.newQuickFix("Set X_FRAME_OPTIONS to \"DENY\"",
            new PythonTextEdit("\"DENY\"", r.line(), r.column(), r.endLine(), r.endColumn())));
        }
      });
    config.known("SECURE_CONTENT_TYPE_NOSNIFF").filter(k -> isBool(k.value(), false) && !silenced(config, "security.W006")).ifPresent(k -> scope.reportAt(k, k.statement(),
      "Remove SECURE_CONTENT_TYPE_NOSNIFF = False from \"" + module + "\": browsers may then run an uploaded file as a script or a page."));
    config.known("SECURE_REFERRER_POLICY").ifPresent(k -> policies(k.value()).ifPresent(values -> {
      Optional<String> invalid = values.stream().filter(v -> !REFERRER_POLICIES.contains(v)).findFirst();
      Optional<String> leaking = values.isEmpty() ? Optional.empty() : Optional.of(values.get(values.size() - 1)).filter(LEAKING_REFERRER_POLICIES::contains);
      if (invalid.isPresent()) {
        scope.reportAt(k, k.value().range(), "Set SECURE_REFERRER_POLICY to a valid policy such as \"same-origin\" in \"" + module
          + "\": \"" + invalid.get() + "\" is not one, and Django refuses to start with it (security.E023).");
      } else if (leaking.isPresent()) {
        scope.reportAt(k, k.value().range(), "Set SECURE_REFERRER_POLICY to \"same-origin\" or \"strict-origin-when-cross-origin\" in \""
          + module + "\": \"" + leaking.get() + "\" sends full URLs, with their tokens and ids, to every other site.");
      }
    }));
    config.known("SECURE_CROSS_ORIGIN_OPENER_POLICY").filter(k -> k.value() instanceof Str).ifPresent(k -> {
      String value = ((Str) k.value()).value().trim();
      if ("unsafe-none".equals(value)) {
        scope.reportAt(k, k.value().range(), "Set SECURE_CROSS_ORIGIN_OPENER_POLICY to \"same-origin\" in \"" + module
          + "\": with \"unsafe-none\" any page this site opens, or that opens it, keeps a handle on its window.");
      } else if (!OPENER_POLICIES.contains(value)) {
        scope.reportAt(k, k.value().range(), "Set SECURE_CROSS_ORIGIN_OPENER_POLICY to \"same-origin\" in \"" + module
          + "\": \"" + value + "\" is not a policy, and Django refuses to start with it (security.E024).");
      }
    });
  }

  /** The policies of a literal string ({@code "a, b"}) or list of string literals; empty when not literal. */
  private static Optional<List<String>> policies(Value value) {
    List<String> values = new ArrayList<>();
    if (value instanceof Str s) {
      for (String part : s.value().split(",")) {
        values.add(part.trim());
      }
    } else if (value instanceof Seq seq && seq.elements().stream().allMatch(Str.class::isInstance)) {
      seq.elements().forEach(e -> values.add(((Str) e).value().trim()));
    } else {
      return Optional.empty();
    }
    return Optional.of(values);
  }
}
