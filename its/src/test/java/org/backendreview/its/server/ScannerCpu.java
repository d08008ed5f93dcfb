/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.its.server;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The CPU time of the scanner's engine JVM, where SonarPython's sensor (and our checks) run: sampled from outside while
 * a scan runs (the JVM started from the JRE the scanner provisioned under its {@code sonar.userHome}, found by its
 * command), then read at the wall-clock times the scanner's log gives. On a machine shared with other builds a
 * sensor's wall time mostly measures the other processes; its CPU time does not.
 */
final class ScannerCpu implements AutoCloseable {

  private static final Pattern SENSOR_START = Pattern.compile("^(\\d\\d:\\d\\d:\\d\\d\\.\\d{3})\\s+INFO\\s+Sensor Python Sensor \\[python\\]\\s*$", Pattern.MULTILINE);
  private static final Pattern SENSOR_DONE = Pattern.compile("^(\\d\\d:\\d\\d:\\d\\d\\.\\d{3})\\s+INFO\\s+Sensor Python Sensor \\[python\\] \\(done\\)", Pattern.MULTILINE);
  /** SonarPython logs it twice: before indexing (parse + project symbol table) and before the analysis (semantic model + rules). */
  private static final Pattern FILES_TO_ANALYZE = Pattern.compile("^(\\d\\d:\\d\\d:\\d\\d\\.\\d{3})\\s+INFO\\s+\\d+ source files to be analyzed\\s*$", Pattern.MULTILINE);

  record Sample(LocalTime time, long cpuMillis) {
  }

  /** CPU milliseconds of the Python sensor, whole and split into its two passes. */
  record SensorCpu(long sensorMillis, long indexMillis, long analysisMillis) {
  }

  private final String commandPrefix;
  private final List<Sample> samples = new ArrayList<>();
  private final Thread thread;
  private volatile boolean running = true;

  private ScannerCpu(Path scannerUserHome) {
    this.commandPrefix = scannerUserHome.resolve("cache").toAbsolutePath().toString();
    this.thread = new Thread(this::run, "scanner-cpu-sampler");
    thread.setDaemon(true);
  }

  /** Starts sampling every 250 ms the CPU time of the engine JVMs whose java lies under {@code <scannerUserHome>/cache}. */
  static ScannerCpu start(Path scannerUserHome) {
    ScannerCpu cpu = new ScannerCpu(scannerUserHome);
    cpu.thread.start();
    return cpu;
  }

  private void run() {
    List<ProcessHandle> engines = List.of();
    while (running) {
      if (engines.stream().noneMatch(ProcessHandle::isAlive)) {
        // a full scan of the process table is slow on a loaded machine: only until the engine JVM is found
        engines = ProcessHandle.allProcesses().filter(p -> p.info().command().map(c -> c.startsWith(commandPrefix)).orElse(false)).toList();
      }
      long total = -1;
      for (ProcessHandle p : engines) {
        Optional<Duration> cpu = p.info().totalCpuDuration();
        if (cpu.isPresent()) {
          total = Math.max(total, 0) + cpu.get().toMillis();
        }
      }
      if (total >= 0) {
        synchronized (samples) {
          samples.add(new Sample(LocalTime.now(), total));
        }
      }
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The sensor's CPU time from the scanner log's timestamps, or empty when the samples do not cover it. */
  Optional<SensorCpu> sensor(String scannerLogs) {
    List<Sample> copy;
    synchronized (samples) {
      copy = List.copyOf(samples);
    }
    return sensor(scannerLogs, copy);
  }

  static Optional<SensorCpu> sensor(String scannerLogs, List<Sample> samples) {
    Matcher start = SENSOR_START.matcher(scannerLogs);
    Matcher done = SENSOR_DONE.matcher(scannerLogs);
    if (!start.find() || !done.find()) {
      return Optional.empty();
    }
    Matcher files = FILES_TO_ANALYZE.matcher(scannerLogs);
    files.region(start.end(), done.start());
    String analysisStart = files.find() && files.find() ? files.group(1) : null;
    try {
      OptionalLong t0 = cpuAt(samples, LocalTime.parse(start.group(1)));
      OptionalLong t2 = cpuAt(samples, LocalTime.parse(done.group(1)));
      OptionalLong t1 = analysisStart == null ? OptionalLong.empty() : cpuAt(samples, LocalTime.parse(analysisStart));
      if (t0.isEmpty() || t2.isEmpty()) {
        return Optional.empty();
      }
      long index = t1.isPresent() ? t1.getAsLong() - t0.getAsLong() : -1;
      long analysis = t1.isPresent() ? t2.getAsLong() - t1.getAsLong() : -1;
      return Optional.of(new SensorCpu(t2.getAsLong() - t0.getAsLong(), index, analysis));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /**
   * The JVM's CPU time at a wall-clock time, interpolated between the samples around it; the last sample after it (the
   * JVM may exit before the next one). Empty before the first sample.
   */
  static OptionalLong cpuAt(List<Sample> samples, LocalTime time) {
    Sample before = null;
    for (Sample s : samples) {
      if (!s.time().isAfter(time)) {
        before = s;
        continue;
      }
      if (before == null) {
        return OptionalLong.empty();
      }
      double span = Duration.between(before.time(), s.time()).toNanos();
      double part = Duration.between(before.time(), time).toNanos();
      return OptionalLong.of(Math.round(before.cpuMillis() + (s.cpuMillis() - before.cpuMillis()) * (span == 0 ? 1 : part / span)));
    }
    return before == null ? OptionalLong.empty() : OptionalLong.of(before.cpuMillis());
  }
}
