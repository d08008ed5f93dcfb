/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.its.server;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Finds the JDK that runs the SonarQube server: version 21 or newer, and a full JDK (Elasticsearch 9 needs the
 * {@code jdk.jlink} module, which the JRE 21 shipped inside the SonarQube zip lacks).
 */
final class JavaHomes {

  static final int MIN_VERSION = 21;

  private JavaHomes() {
  }

  /**
   * {@code -Dits.server.javaHome} when given (it must qualify), else the test JVM's own JDK when it qualifies, else the
   * newest qualifying JDK under the usual install roots.
   */
  static Path serverJdk() {
    String forced = System.getProperty("its.server.javaHome");
    if (forced != null && !forced.isBlank()) {
      Path home = Path.of(forced);
      if (!qualifies(home)) {
        throw new IllegalStateException("its.server.javaHome=" + forced + " is not a JDK " + MIN_VERSION + "+ with jdk.jlink");
      }
      return home;
    }
    List<Path> candidates = new ArrayList<>();
    candidates.add(Path.of(System.getProperty("java.home")));
    for (String root : List.of("/usr/lib/jvm", "/usr/java", "/opt/java", System.getProperty("user.home") + "/.sdkman/candidates/java",
      System.getProperty("user.home") + "/.jdks")) {
      candidates.addAll(children(Path.of(root)));
    }
    return choose(candidates).orElseThrow(() -> new IllegalStateException(
      "No JDK " + MIN_VERSION + "+ (with jdk.jlink) found to run SonarQube: install one (e.g. Temurin 25) or pass -Dits.server.javaHome=<dir>"));
  }

  /** The first candidate when it qualifies, else the qualifying candidate with the highest version. */
  static Optional<Path> choose(List<Path> candidates) {
    if (!candidates.isEmpty() && qualifies(candidates.get(0))) {
      return Optional.of(candidates.get(0));
    }
    return candidates.stream().filter(JavaHomes::qualifies).max(Comparator.comparingInt(JavaHomes::majorVersion));
  }

  static boolean qualifies(Path home) {
    Properties release = release(home);
    return Files.isExecutable(home.resolve("bin/java")) && majorVersion(release) >= MIN_VERSION
      && (" " + release.getProperty("MODULES", "").replace("\"", "") + " ").contains(" jdk.jlink ");
  }

  static int majorVersion(Path home) {
    return majorVersion(release(home));
  }

  private static int majorVersion(Properties release) {
    String version = release.getProperty("JAVA_VERSION", "0").replace("\"", "");
    String major = version.startsWith("1.") ? version.substring(2, 3) : version.split("[.+-]")[0];
    try {
      return Integer.parseInt(major);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static Properties release(Path home) {
    Properties props = new Properties();
    Path file = home.resolve("release");
    if (Files.isRegularFile(file)) {
      try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        props.load(reader);
      } catch (IOException e) {
        // not a JDK we can use
      }
    }
    return props;
  }

  private static List<Path> children(Path root) {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> list = Files.list(root)) {
      return list.sorted().toList();
    } catch (IOException e) {
      return List.of();
    }
  }
}
