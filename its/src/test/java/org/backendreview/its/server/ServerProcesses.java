/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.its.server;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Stops what is left of one server process tree by pid: the SonarQube app JVM whose pid the launcher wrote, and the
 * JVMs it spawned (Elasticsearch, web, compute engine). Nothing else is ever signalled.
 */
final class ServerProcesses {

  private ServerProcesses() {
  }

  /** The process and its descendants that are still alive, the root first. */
  static List<ProcessHandle> tree(long pid) {
    List<ProcessHandle> tree = new ArrayList<>();
    Optional<ProcessHandle> root = ProcessHandle.of(pid);
    root.ifPresent(r -> {
      tree.add(r);
      r.descendants().forEach(tree::add);
    });
    return tree;
  }

  /**
   * SIGTERM to the tree (the app stops its children itself), SIGKILL to whatever is still alive after the grace period.
   * Returns the pids that had to be signalled (empty when the tree was already gone).
   */
  static List<Long> stop(long pid, Duration grace) {
    List<ProcessHandle> tree = tree(pid);
    List<Long> signalled = tree.stream().map(ProcessHandle::pid).toList();
    tree.forEach(ProcessHandle::destroy);
    long deadline = System.nanoTime() + grace.toNanos();
    while (tree.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
      sleep(200);
    }
    tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    long killDeadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (tree.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < killDeadline) {
      sleep(200);
    }
    return signalled;
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
