/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.scanner;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.sonar.plugins.python.api.IssueLocation;
import org.sonar.plugins.python.api.PythonCheck;
import org.sonar.plugins.python.api.PythonCheck.PreciseIssue;
import org.sonar.plugins.python.api.quickfix.PythonQuickFix;

/**
 * Turns the frontend's issues into findings: locations relative to the base directory (also those in other files),
 * secondary locations and flows, and a fingerprint per finding.
 */
final class FindingMapper {

  private final Path baseDir;

  FindingMapper(Path baseDir) {
    this.baseDir = baseDir;
  }

  Finding finding(RuleInfo rule, PreciseIssue issue, SourceFile file) {
    Location primary = location(issue.primaryLocation(), file);
    List<Location> secondaries = new ArrayList<>();
    for (IssueLocation secondary : issue.secondaryLocations()) {
      secondaries.add(location(secondary, file));
    }
    for (PythonCheck.IssueFlow flow : issue.flows()) {
      for (IssueLocation step : flow.locations()) {
        secondaries.add(location(step, file));
      }
    }
    List<QuickFix> fixes = new ArrayList<>();
    if (!file.notebook()) {
      for (PythonQuickFix fix : issue.quickFixes()) {
        List<QuickFix.Edit> edits = fix.getTextEdits().stream()
          .map(e -> new QuickFix.Edit(e.startLine(), e.startLineOffset() + 1, e.endLine(), e.endLineOffset() + 1, e.replacementText()))
          .toList();
        fixes.add(new QuickFix(fix.getDescription(), edits));
      }
    }
    return new Finding(rule, primary, List.copyOf(secondaries), issue.cost() == null ? null : issue.cost().doubleValue(), "", List.copyOf(fixes));
  }

  private Location location(IssueLocation location, SourceFile file) {
    String path = file.relativePath();
    String fileId = location.fileId();
    if (fileId != null && !fileId.equals(file.relativePath()) && !fileId.equals(file.path().toString())
      && !fileId.equals(file.path().toUri().toString())) {
      path = otherFile(fileId);
    }
    String message = location.message() == null ? "" : location.message();
    if (location.startLine() == IssueLocation.UNDEFINED_LINE) {
      return new Location(path, 0, 0, 0, 0, message);
    }
    if (location.startLineOffset() == IssueLocation.UNDEFINED_OFFSET) {
      return new Location(path, location.startLine(), 0, location.startLine(), 0, message);
    }
    return new Location(path, location.startLine(), location.startLineOffset() + 1, location.endLine(), location.endLineOffset() + 1, message);
  }

  /**
   * A location in another file (the frontend names it by the file's key, its absolute path here): relative to the base
   * directory like the findings' own files when it is under it.
   */
  private String otherFile(String fileId) {
    try {
      Path other = Path.of(fileId);
      if (other.isAbsolute()) {
        Path normalized = other.normalize();
        if (normalized.startsWith(baseDir)) {
          return FileCollector.slashes(baseDir.relativize(normalized));
        }
        Path realBase = baseDir.toRealPath();
        if (normalized.startsWith(realBase)) {
          return FileCollector.slashes(realBase.relativize(normalized));
        }
      }
    } catch (InvalidPathException | IOException e) {
      // not a path of this machine: keep the key as the frontend gave it
    }
    return fileId;
  }

  /**
   * Adds fingerprints: a hash of the rule, the file and the primary line's text without white space, plus the
   * occurrence number of that hash in the file (so two identical findings stay distinct).
   */
  static List<Finding> fingerprint(List<Finding> findings, String content) {
    if (findings.isEmpty()) {
      return findings;
    }
    String[] lines = SourceText.lines(content);
    findings.sort(Comparator.comparingInt(Finding::line).thenComparingInt(f -> f.primary().column()).thenComparing(Finding::ruleKey));
    Map<String, Integer> occurrences = new HashMap<>();
    List<Finding> result = new ArrayList<>(findings.size());
    for (Finding finding : findings) {
      int line = finding.line();
      String text = line >= 1 && line <= lines.length ? lines[line - 1] : "";
      String hash = sha256(finding.ruleKey() + "\n" + finding.file() + "\n" + text.replaceAll("\\s+", "")).substring(0, 16);
      int occurrence = occurrences.merge(hash, 1, Integer::sum);
      result.add(finding.withFingerprint(hash + ":" + occurrence));
    }
    return result;
  }

  static String sha256(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      StringBuilder hex = new StringBuilder();
      for (byte b : digest) {
        hex.append(String.format("%02x", b));
      }
      return hex.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
