/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.backendreview.scanner.Finding;

/**
 * Known findings of a legacy code base, so that only new ones are reported. Findings are matched by fingerprint
 * (rule, file, text of the flagged line, occurrence), which does not change when unrelated lines move.
 */
final class Baseline {

  static final int VERSION = 1;

  private final Set<String> fingerprints;

  private Baseline(Set<String> fingerprints) {
    this.fingerprints = fingerprints;
  }

  static Baseline read(Path file) {
    JsonNode root;
    try {
      root = JsonReporter.MAPPER.readTree(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UsageException("Cannot read the baseline " + file + ": " + e.getMessage().lines().findFirst().orElse(""));
    }
    if (root == null || !root.path("findings").isArray() || root.path("version").asInt(0) != VERSION) {
      throw new UsageException(file + " is not a backend-review baseline (version " + VERSION + "); create one with --write-baseline");
    }
    Set<String> fingerprints = new HashSet<>();
    root.path("findings").forEach(f -> fingerprints.add(f.path("fingerprint").asText()));
    return new Baseline(fingerprints);
  }

  static void write(Path file, List<Finding> findings, String version) throws IOException {
    ObjectNode root = JsonReporter.MAPPER.createObjectNode();
    root.put("version", VERSION);
    root.put("tool", Report.TOOL + " " + version);
    ArrayNode array = root.putArray("findings");
    for (Finding finding : findings) {
      array.addObject()
        .put("fingerprint", finding.fingerprint())
        .put("rule", finding.qualifiedRuleKey())
        .put("file", finding.file())
        .put("line", finding.line())
        .put("message", finding.message());
    }
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(file, JsonReporter.toJson(root) + "\n", StandardCharsets.UTF_8);
  }

  /** The findings that are not in the baseline. */
  List<Finding> newFindings(List<Finding> findings) {
    List<Finding> result = new ArrayList<>();
    for (Finding finding : findings) {
      if (!fingerprints.contains(finding.fingerprint())) {
        result.add(finding);
      }
    }
    return result;
  }
}
