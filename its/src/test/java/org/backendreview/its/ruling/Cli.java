/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.its.ruling;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.backendreview.its.common.Issue;
import org.backendreview.its.common.Its;

/**
 * The standalone scanner exactly as users run it: the packaged {@code sonar-backend-review-cli.jar} in its own JVM (the
 * JDK running the tests, 21 or newer), JSON output read back. This module never puts the plugin's or the frontend's
 * classes on its own class path.
 */
final class Cli {

  private static final long TIMEOUT_MINUTES = 20;

  private Cli() {
  }

  /** What one scan reported: issues, analysis warnings ("file: message"), files and lines analysed. */
  record Result(Set<Issue> issues, List<String> warnings, int files, long lines) {

    /** Warnings that mean a check or the frontend failed, as opposed to input the analyzer rightly skips. */
    List<String> analysisErrors() {
      return warnings.stream().filter(w -> w.contains(" failed")).toList();
    }
  }

  /** Scans {@code paths} with every rule of ours; file names in the result are relative to {@code baseDir}. */
  static Result scanAllRules(Path baseDir, List<String> extraArgs, Path... paths) {
    return scan(baseDir, List.of("--rules", "backendreview:*"), extraArgs, paths);
  }

  /**
   * Scans with the rule set of the server ITs' profile (WebApi.allRulesProfile): every rule of ours plus the SonarPython
   * rules of the built-in profile "Backend Review way" (Sonar way without the rules ours supersede).
   */
  static Result scanItsProfile(Path baseDir, List<String> extraArgs, Path... paths) {
    List<String> keys = new ArrayList<>(List.of("backendreview:*"));
    for (JsonElement element : JsonParser.parseString(run(List.of("--list-rules", "--format", "json"))).getAsJsonArray()) {
      JsonObject rule = element.getAsJsonObject();
      if (rule.get("repository").getAsString().equals("python") && rule.get("defaultProfile").getAsBoolean()) {
        keys.add(rule.get("key").getAsString());
      }
    }
    return scan(baseDir, List.of("--rules", String.join(",", keys)), extraArgs, paths);
  }

  private static String run(List<String> args) {
    Path jar = Path.of(Its.required("its.cli.jar"));
    try {
      List<String> command = new ArrayList<>(List.of(javaCommand(), "-jar", jar.toString()));
      command.addAll(args);
      Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES) || process.exitValue() != 0) {
        throw new IllegalStateException("The CLI failed: " + command);
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static Result scan(Path baseDir, List<String> ruleArgs, List<String> extraArgs, Path... paths) {
    Path jar = Path.of(Its.required("its.cli.jar"));
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("No CLI jar " + jar + ": the sonar-backend-review-cli module is packaged by the same build, run from the root (docs/its.md)");
    }
    try {
      Path report = Files.createTempFile(Its.targetDir(), "cli-report", ".json");
      Path log = Files.createTempFile(Its.targetDir(), "cli-stderr", ".txt");
      List<String> command = new ArrayList<>(List.of(javaCommand(), "-XX:+UseParallelGC"));
      if (Runtime.version().feature() >= 23) {
        command.add("--sun-misc-unsafe-memory-access=allow");
      }
      command.addAll(List.of("-jar", jar.toString(), "scan", "--format", "json", "--output", report.toString(),
        "--fail-on", "none", "--no-config", "--quiet", "--base-dir", baseDir.toString()));
      command.addAll(ruleArgs);
      command.addAll(extraArgs);
      for (Path path : paths) {
        command.add(path.toString());
      }
      Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
      if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new IllegalStateException("The CLI did not finish within " + TIMEOUT_MINUTES + " min: " + command);
      }
      String output = Files.readString(log, StandardCharsets.UTF_8);
      if (process.exitValue() != 0) {
        throw new IllegalStateException("The CLI exited with " + process.exitValue() + ": " + command + "\n" + output);
      }
      Result result = parse(Files.readString(report, StandardCharsets.UTF_8));
      Files.delete(report);
      Files.delete(log);
      return result;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static Result parse(String json) {
    JsonObject root = JsonParser.parseString(json).getAsJsonObject();
    Set<Issue> issues = new TreeSet<>();
    for (JsonElement element : root.getAsJsonArray("findings")) {
      JsonObject finding = element.getAsJsonObject();
      // as in expected-issues/: our rules by their bare key, SonarPython's as python:S1234
      String rule = finding.get("rule").getAsString();
      rule = rule.startsWith("backendreview:") ? rule.substring("backendreview:".length()) : rule;
      issues.add(new Issue(finding.get("file").getAsString(), finding.get("line").getAsInt(), rule,
        finding.get("message").getAsString()));
    }
    List<String> warnings = new ArrayList<>();
    for (JsonElement element : root.getAsJsonArray("warnings")) {
      JsonObject warning = element.getAsJsonObject();
      warnings.add(warning.get("file").getAsString() + ": " + warning.get("message").getAsString());
    }
    JsonObject summary = root.getAsJsonObject("summary");
    return new Result(issues, warnings, summary.get("files").getAsInt(), summary.get("lines").getAsLong());
  }

  private static String javaCommand() {
    return ProcessHandle.current().info().command().orElseGet(() -> Path.of(System.getProperty("java.home"), "bin", "java").toString());
  }
}
