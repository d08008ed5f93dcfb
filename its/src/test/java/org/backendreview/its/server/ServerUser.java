/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.its.server;

import com.sun.security.auth.module.UnixSystem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The unprivileged account that runs SonarQube when the tests run as root (CI does): Elasticsearch refuses to start as
 * root. Created when missing ({@code useradd --system}); name {@code -Dits.server.user}, default {@code sonarqube}.
 * When the tests do not run as root, the server simply runs as the current user.
 */
final class ServerUser {

  static final String NAME = System.getProperty("its.server.user", "sonarqube");

  private ServerUser() {
  }

  static boolean isRoot() {
    return new UnixSystem().getUid() == 0;
  }

  /** Creates the system user when missing (root only). */
  static void ensureExists() {
    if (run(List.of("id", "-u", NAME), false) == 0) {
      return;
    }
    run(List.of("useradd", "--system", "--user-group", "--no-create-home", "--home-dir", "/nonexistent", "--shell", "/usr/sbin/nologin", NAME), true);
  }

  /** Gives the unpacked server to the user (and its login group), so that it can write its data, logs and temp files. */
  static void chown(Path dir) {
    run(List.of("chown", "-R", NAME + ":", dir.toString()), true);
  }

  /** The user's login group, for setpriv. */
  static String group() {
    try {
      Process process = new ProcessBuilder("id", "-gn", NAME).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      if (!process.waitFor(1, TimeUnit.MINUTES) || process.exitValue() != 0) {
        throw new IllegalStateException("id -gn " + NAME + " failed: " + output);
      }
      return output;
    } catch (IOException e) {
      throw new IllegalStateException("Cannot run id", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted", e);
    }
  }

  /**
   * Every parent of the server's home must be traversable by the server user (a checkout under /root, mode 700, is
   * not): fail with the reason rather than with an obscure start-up error.
   */
  static void checkTraversable(Path dir) throws IOException {
    for (Path p = dir.toAbsolutePath().getParent(); p != null; p = p.getParent()) {
      Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p);
      if (!perms.contains(PosixFilePermission.OTHERS_EXECUTE)) {
        throw new IllegalStateException(p + " is not traversable by user '" + NAME + "' (mode "
          + java.nio.file.attribute.PosixFilePermissions.toString(perms) + "): pass -Dits.server.workDir=<a directory like /tmp>");
      }
    }
  }

  /** The list of processes owned by the server user, as {@code ps} prints them (empty when none). */
  static String processes() {
    List<String> out = new ArrayList<>();
    try {
      Process ps = new ProcessBuilder("ps", "-o", "pid=,args=", "-u", NAME).redirectErrorStream(true).start();
      String text = new String(ps.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      ps.waitFor(30, TimeUnit.SECONDS);
      text.lines().filter(l -> !l.isBlank() && !l.contains("error: user name does not exist")).map(String::strip).forEach(out::add);
    } catch (IOException e) {
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return String.join("\n", out);
  }

  private static int run(List<String> command, boolean mustSucceed) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(5, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new IllegalStateException("Timeout: " + command);
      }
      if (mustSucceed && process.exitValue() != 0) {
        throw new IllegalStateException(String.join(" ", command) + " failed (" + process.exitValue() + "): " + output.strip());
      }
      return process.exitValue();
    } catch (IOException e) {
      throw new IllegalStateException("Cannot run " + command, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted: " + command, e);
    }
  }
}
