/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.its.server;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import jdk.jfr.Recording;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class SensorProfileTest {

  @Test
  void a_sample_belongs_to_the_outermost_check_on_its_stack() {
    // the frontend's work a check asked for is the check's
    SensorProfile.Sample sample = SensorProfile.classify(List.of(
      "org.sonar.python.semantic.v2.TypeInferenceV2",
      "org.backendreview.tree.ValueResolver",
      "org.backendreview.checks.security.TaintSinkCheck",
      "org.backendreview.checks.security.SqlInjectionCheck",
      "org.backendreview.checks.BackendReviewCheck$1",
      "org.backendreview.checks.BackendReviewCheck",
      "org.sonar.python.SubscriptionVisitor",
      "org.sonar.plugins.python.PythonSensor"));
    assertThat(sample.analyzer()).isTrue();
    assertThat(sample.check()).isEqualTo("SqlInjectionCheck");
  }

  @Test
  void our_code_outside_a_check_counts_under_its_class_and_the_frontend_alone_is_not_ours() {
    assertThat(SensorProfile.classify(List.of("org.backendreview.flow.TaintEngine$Memo", "org.backendreview.checks.BackendReviewCheck",
      "org.sonar.python.SubscriptionVisitor")).check()).isEqualTo("BackendReviewCheck");
    assertThat(SensorProfile.classify(List.of("org.backendreview.flow.TaintEngine")).check()).isEqualTo("TaintEngine");
    SensorProfile.Sample frontend = SensorProfile.classify(List.of("org.sonar.python.parser.PythonParser", "org.sonar.plugins.python.PythonSensor"));
    assertThat(frontend.analyzer()).isTrue();
    assertThat(frontend.check()).isNull();
    assertThat(SensorProfile.classify(List.of("java.lang.Thread")).analyzer()).isFalse();
  }

  @Test
  void every_compilation_is_read_and_ours_are_told_apart(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("scan.jfr");
    try (Recording recording = new Recording()) {
      recording.enable("jdk.Compilation").withThreshold(Duration.ZERO);
      recording.start();
      assertThat(busyLoop()).isNotZero();
      recording.stop();
      recording.dump(file);
    }
    SensorProfile profile = SensorProfile.read(file);
    assertThat(profile.compilations().count()).isPositive();
    assertThat(profile.compilations().nanos()).isPositive();
    // this test class is in org.backendreview: its hot loop is compiled, and counts as ours
    assertThat(profile.compilations().ourCount()).isPositive().isLessThan(profile.compilations().count());
    assertThat(profile.compilations().ourNanos()).isPositive().isLessThanOrEqualTo(profile.compilations().nanos());
    assertThat(profile.describe(3)).contains("; JIT: ours ");
  }

  private static long busyLoop() {
    long sum = 0;
    for (int i = 0; i < 2_000_000; i++) {
      sum += Integer.toString(i).hashCode();
    }
    return sum;
  }
}
