/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.its.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class JavaHomesTest {

  @TempDir
  Path dir;

  @Test
  void a_jdk_21_or_newer_with_jlink_qualifies() throws IOException {
    assertThat(JavaHomes.qualifies(jdk("jdk25", "\"25.0.3\"", "java.base jdk.jlink jdk.jshell"))).isTrue();
    assertThat(JavaHomes.qualifies(jdk("jdk21", "\"21.0.11\"", "java.base jdk.jlink"))).isTrue();
  }

  @Test
  void old_jdks_jres_and_broken_homes_do_not() throws IOException {
    assertThat(JavaHomes.qualifies(jdk("jdk17", "\"17.0.15\"", "java.base jdk.jlink"))).isFalse();
    assertThat(JavaHomes.qualifies(jdk("jre21", "\"21.0.11\"", "java.base java.logging jdk.jlinkish"))).isFalse();
    assertThat(JavaHomes.qualifies(jdk("jdk8", "\"1.8.0_402\"", "java.base jdk.jlink"))).isFalse();
    assertThat(JavaHomes.qualifies(dir.resolve("missing"))).isFalse();
  }

  @Test
  void prefers_the_first_candidate_then_the_newest() throws IOException {
    Path jdk21 = jdk("a21", "\"21.0.1\"", "jdk.jlink");
    Path jdk25 = jdk("b25", "\"25\"", "jdk.jlink");
    Path jre = jdk("c21jre", "\"21\"", "java.base");
    assertThat(JavaHomes.choose(List.of(jdk21, jdk25))).contains(jdk21);
    assertThat(JavaHomes.choose(List.of(jre, jdk21, jdk25))).contains(jdk25);
    assertThat(JavaHomes.choose(List.of(jre))).isEmpty();
  }

  @Test
  void the_running_test_jvm_qualifies() {
    // failsafe runs the ITs on the toolchain's JDK >= 21: the server uses that same JDK
    assertThat(JavaHomes.serverJdk()).isNotNull();
  }

  private Path jdk(String name, String version, String modules) throws IOException {
    Path home = dir.resolve(name);
    Files.createDirectories(home.resolve("bin"));
    Path java = Files.writeString(home.resolve("bin/java"), "#!/bin/sh\n");
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.writeString(home.resolve("release"), "JAVA_VERSION=" + version + "\nMODULES=\"" + modules + "\"\n");
    return home;
  }
}
