/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.its.common;

import java.nio.file.Files;
import java.nio.file.Path;

/** What the Maven build passes to the ITs (its/pom.xml, failsafe system properties). */
public final class Its {

  private Its() {
  }

  /** The packaged plugin jar, as SonarQube and SonarLint load it. */
  public static Path pluginJar() {
    return existingFile("its.plugin.jar");
  }

  /** sonar-python-plugin from Maven Central, the version bundled in the SonarQube the plugin supports. */
  public static Path pythonPluginJar() {
    return existingFile("its.python.plugin.jar");
  }

  public static String pythonVersion() {
    return required("its.python.version");
  }

  /** The sample projects, its/projects/. */
  public static Path projectsDir() {
    return Path.of(required("its.projects.dir"));
  }

  public static Path project(String name) {
    Path dir = projectsDir().resolve(name);
    if (!Files.isDirectory(dir)) {
      throw new IllegalStateException("No sample project " + dir);
    }
    return dir;
  }

  /** The expected-issue files, its/expected-issues/. */
  public static Path expectedIssuesDir() {
    return Path.of(required("its.expected.dir"));
  }

  /** True when the run should rewrite the expected-issue files instead of failing on a difference. */
  public static boolean update() {
    return Boolean.parseBoolean(System.getProperty("its.update", "false"));
  }

  /** The module's target/ directory, for reports and scratch files. */
  public static Path targetDir() {
    return projectsDir().getParent().resolve("target");
  }

  public static String required(String key) {
    String value = System.getProperty(key);
    if (value == null || value.isBlank() || value.startsWith("${")) {
      throw new IllegalStateException("System property " + key + " is not set: run the ITs through Maven (docs/its.md)");
    }
    return value;
  }

  static Path existingFile(String key) {
    Path path = Path.of(required(key));
    if (!Files.isRegularFile(path)) {
      throw new IllegalStateException(key + " points to a missing file: " + path
        + (key.equals("its.plugin.jar") ? " (the plugin module is packaged by the same build: run from the root, see docs/its.md)" : ""));
    }
    return path;
  }
}
