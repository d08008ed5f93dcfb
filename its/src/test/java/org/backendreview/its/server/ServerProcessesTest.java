/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.its.server;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ServerProcessesTest {

  @Test
  void stops_a_process_and_its_children_by_pid() throws Exception {
    // a parent that ignores nothing, with a child that survives its parent unless signalled itself
    Process parent = new ProcessBuilder("sh", "-c", "sleep 300 & wait").start();
    long pid = parent.pid();
    awaitChildren(pid);
    long child = ServerProcesses.tree(pid).get(1).pid();

    assertThat(ServerProcesses.stop(pid, Duration.ofSeconds(10))).containsExactly(pid, child);

    assertThat(parent.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false)).isFalse();
  }

  @Test
  void a_term_resistant_process_is_killed_after_the_grace_period() throws Exception {
    Process stubborn = new ProcessBuilder("sh", "-c", "trap '' TERM; sleep 300 & wait; sleep 300").start();
    awaitChildren(stubborn.pid());

    ServerProcesses.stop(stubborn.pid(), Duration.ofMillis(500));

    assertThat(stubborn.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(ServerProcesses.tree(stubborn.pid())).isEmpty();
  }

  @Test
  void nothing_to_do_when_gone() throws Exception {
    Process done = new ProcessBuilder("true").start();
    done.waitFor();
    assertThat(ServerProcesses.stop(done.pid(), Duration.ofSeconds(1))).isEmpty();
  }

  private static void awaitChildren(long pid) throws InterruptedException {
    for (int i = 0; i < 100 && ServerProcesses.tree(pid).size() < 2; i++) {
      Thread.sleep(50);
    }
    assertThat(ServerProcesses.tree(pid)).hasSizeGreaterThanOrEqualTo(2);
  }
}
