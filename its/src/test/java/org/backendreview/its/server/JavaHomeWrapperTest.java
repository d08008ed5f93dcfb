/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.its.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The java.home given to Orchestrator: its bin/java must keep the pid, drop root, and move temp files. */
class JavaHomeWrapperTest {

  @TempDir
  Path dir;

  @Test
  void execs_the_real_java_with_the_same_pid() throws Exception {
    boolean root = ServerUser.isRoot();
    if (root) {
      assumeTrue(exists(ServerUser.NAME), "user " + ServerUser.NAME + " exists (created by the server ITs or .ci/run)");
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
    Path jdk = dir.resolve("jdk");
    Path fakeJava = jdk.resolve("bin/java");
    Files.createDirectories(fakeJava.getParent());
    Files.writeString(fakeJava, "#!/bin/sh\necho \"pid=$$ uid=$(id -u) opts=$JAVA_TOOL_OPTIONS args=$*\"\n");
    Files.setPosixFilePermissions(fakeJava, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path pidFile = dir.resolve("sonarqube.pid");

    Path home = SonarQubeServer.writeJavaHome(dir, jdk, pidFile, root ? ServerUser.group() : null);
    Process process = new ProcessBuilder(home.resolve("bin/java").toString(), "-jar", "lib/app.jar").start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();

    assertThat(out).startsWith("pid=" + process.pid() + " ")
      .contains("opts=-Djava.io.tmpdir=" + dir.resolve("tmp"))
      .endsWith("args=-jar lib/app.jar");
    assertThat(Files.readString(pidFile).strip()).isEqualTo(Long.toString(process.pid()));
    if (root) {
      assertThat(out).doesNotContain("uid=0 ");
    }
  }

  private static boolean exists(String user) throws IOException, InterruptedException {
    Process id = new ProcessBuilder("id", "-u", user).start();
    return id.waitFor(30, TimeUnit.SECONDS) && id.exitValue() == 0;
  }
}
