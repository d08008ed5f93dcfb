/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.scanner;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What SonarQube shows about a rule, read from the same metadata ({@code <Key>.json}, {@code <Key>.html},
 * {@code @RuleProperty} fields, the built-in profile).
 *
 * @param repository {@code backendreview} (ours) or {@code python} (SonarPython's)
 * @param key rule key in its repository, e.g. {@code SqlInjection} or {@code S2077}
 * @param type BUG, VULNERABILITY, CODE_SMELL or SECURITY_HOTSPOT
 * @param severity the highest impact severity
 * @param impacts software quality (SECURITY, RELIABILITY, MAINTAINABILITY) to impact severity
 * @param owasp2021 OWASP Top 10 2021 categories, e.g. {@code A5}
 * @param owasp2017 OWASP Top 10 2017 categories
 * @param cwe CWE numbers
 * @param family the rule family (feature-matrix section), e.g. "Settings & deployment"
 * @param remediationMinutes constant remediation effort per issue
 * @param linearMinutes remediation effort per unit of an issue's gap (0 when the function is constant)
 * @param description the rule description SonarQube shows, as HTML ({@link #htmlDescription()}): read when first
 *     asked for (a scan reports few rules' descriptions, and reading some 480 of them was a good part of a rescan's start-up)
 * @param inDefaultProfile whether the built-in profile "Backend Review way" activates it
 */
public record RuleInfo(
  String repository,
  String key,
  String title,
  String type,
  Severity severity,
  Map<String, Severity> impacts,
  String cleanCodeAttribute,
  List<String> tags,
  List<String> owasp2021,
  List<String> owasp2017,
  List<Integer> cwe,
  String ruleSpecification,
  String family,
  int remediationMinutes,
  int linearMinutes,
  Supplier<String> description,
  List<RuleParam> params,
  boolean inDefaultProfile,
  Class<?> checkClass) {

  /** A rule whose description is already in memory. */
  public RuleInfo(String repository, String key, String title, String type, Severity severity, Map<String, Severity> impacts,
    String cleanCodeAttribute, List<String> tags, List<String> owasp2021, List<String> owasp2017, List<Integer> cwe,
    String ruleSpecification, String family, int remediationMinutes, int linearMinutes, String htmlDescription,
    List<RuleParam> params, boolean inDefaultProfile, Class<?> checkClass) {
    this(repository, key, title, type, severity, impacts, cleanCodeAttribute, tags, owasp2021, owasp2017, cwe, ruleSpecification,
      family, remediationMinutes, linearMinutes, () -> htmlDescription, params, inDefaultProfile, checkClass);
  }

  public static final String REPOSITORY = "backendreview";
  /** SonarPython's repository. */
  public static final String PYTHON_REPOSITORY = "python";
  /** The tag SonarSource gives the rules it migrated from security hotspots to vulnerabilities (findings to review). */
  public static final String FORMER_HOTSPOT = "former-hotspot";

  /** {@code repository:key}, e.g. {@code backendreview:SqlInjection} or {@code python:S2077}: how SonarQube names the rule. */
  public String qualifiedKey() {
    return repository + ":" + key;
  }

  public boolean isOurs() {
    return REPOSITORY.equals(repository);
  }

  /**
   * The rule's documentation: our catalogue page, or SonarSource's rules page for SonarPython's rules
   * ({@code https://rules.sonarsource.com/python/RSPEC-2077}).
   */
  public String docsUrl() {
    if (isOurs()) {
      return DOCS_BASE + key + ".md";
    }
    String spec = ruleSpecification.startsWith("RSPEC-") ? ruleSpecification
      : key.matches("S\\d+") ? "RSPEC-" + key.substring(1) : "";
    return spec.isEmpty() ? "https://rules.sonarsource.com/python/" : "https://rules.sonarsource.com/python/" + spec;
  }

  private static final String DOCS_BASE = "https://github.com/backend-review/sonar-backend-review-plugin/blob/main/docs/rules/";

  /** SonarPython's rules that SonarSource migrated from hotspots: a human confirms them, so they never block a review. */
  public boolean isFormerHotspot() {
    return tags.contains(FORMER_HOTSPOT);
  }

  /** Security rules: vulnerabilities, hotspots and rules with a SECURITY impact. */
  public boolean isSecurity() {
    return "VULNERABILITY".equals(type) || "SECURITY_HOTSPOT".equals(type) || impacts.containsKey("SECURITY");
  }

  /** The rule description SonarQube shows (HTML). */
  public String htmlDescription() {
    return description.get();
  }

  /** The first paragraph of the description, as plain text. */
  public String summary() {
    return Html.firstParagraph(htmlDescription(), null);
  }

  /** The first paragraph of the "How to fix it" section, as plain text (the summary when there is none). */
  public String howToFix() {
    String fix = Html.firstParagraph(htmlDescription(), "How to fix it");
    return fix.isEmpty() ? summary() : fix;
  }

  /** Remediation effort of one finding with the given gap (SonarQube's "Constant/Issue" or "Linear" functions). */
  public int effortMinutes(Double gap) {
    return remediationMinutes + (gap == null ? 0 : (int) Math.round(gap * linearMinutes));
  }

  /** {@code A05:2021}-style labels of the OWASP Top 10 2021 categories. */
  public List<String> owasp2021Labels() {
    return owasp2021.stream().map(c -> String.format("A%02d:2021", Integer.parseInt(c.substring(1)))).toList();
  }

  /** {@code CWE-89}-style labels. */
  public List<String> cweLabels() {
    return cwe.stream().map(c -> "CWE-" + c).toList();
  }
}
