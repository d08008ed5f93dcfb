/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.its.server;

import java.time.LocalTime;
import java.util.List;
import org.backendreview.its.server.ScannerCpu.Sample;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ScannerCpuTest {

  private static final String LOG = """
    02:26:40.567 INFO  ------------- Run sensors on module perf-horizon-empty-r1
    02:26:46.666 INFO  Sensor Python Sensor [python]
    02:26:53.415 INFO  1005 source files to be analyzed
    02:30:29.164 INFO  1005/1005 source files have been analyzed
    02:30:32.326 INFO  1005 source files to be analyzed
    02:33:00.000 INFO  1005/1005 source files have been analyzed
    02:33:10.000 INFO  Sensor Python Sensor [python] (done) | time=383334ms
    02:33:10.100 INFO  Sensor Cobertura Sensor for Python coverage [python]
    """;

  @Test
  void cpu_at_interpolates_between_samples_and_keeps_the_last_one_after_them() {
    List<Sample> samples = List.of(new Sample(LocalTime.parse("10:00:00"), 1_000), new Sample(LocalTime.parse("10:00:02"), 3_000));
    assertThat(ScannerCpu.cpuAt(samples, LocalTime.parse("09:59:59"))).isEmpty();
    assertThat(ScannerCpu.cpuAt(samples, LocalTime.parse("10:00:00"))).hasValue(1_000);
    assertThat(ScannerCpu.cpuAt(samples, LocalTime.parse("10:00:01.500"))).hasValue(2_500);
    assertThat(ScannerCpu.cpuAt(samples, LocalTime.parse("10:00:05"))).hasValue(3_000);
  }

  @Test
  void sensor_cpu_is_split_at_the_second_files_to_be_analyzed_line() {
    List<Sample> samples = List.of(
      new Sample(LocalTime.parse("02:26:40"), 10_000),
      new Sample(LocalTime.parse("02:26:46.666"), 12_000),
      new Sample(LocalTime.parse("02:30:32.326"), 80_000),
      new Sample(LocalTime.parse("02:33:10"), 150_000),
      new Sample(LocalTime.parse("02:33:11"), 151_000));
    assertThat(ScannerCpu.sensor(LOG, samples)).hasValue(new ScannerCpu.SensorCpu(138_000, 68_000, 70_000));
  }

  @Test
  void no_figure_without_the_sensor_lines_or_samples() {
    assertThat(ScannerCpu.sensor("02:26:40.567 INFO  nothing\n", List.of(new Sample(LocalTime.parse("02:00:00"), 1)))).isEmpty();
    assertThat(ScannerCpu.sensor(LOG, List.of())).isEmpty();
  }
}
