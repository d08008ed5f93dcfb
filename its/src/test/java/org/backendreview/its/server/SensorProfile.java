/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.its.server;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the Python analyzer's CPU goes in one scan, from a JFR recording of the scanner's engine JVM (execution samples):
 * how many samples are in the analyzer (a frame of SonarPython: {@code org.sonar.python}, {@code org.sonar.plugins.python})
 * and how many of those are in our code ({@code org.backendreview}: a check, or the frontend work a check asked for),
 * attributed to the outermost check class on the stack. Unlike the difference of two scans' CPU times, this does not
 * depend on how the machine's load moved between scans; it does not count the JIT compilation or the garbage collection
 * our code causes (other threads), so it is a lower bound of our share. What the collector has to reclaim is estimated
 * from the allocation samples ({@code jdk.ObjectAllocationSample}, by weight): our share of the analyzer's allocated bytes.
 * <p>
 * The JIT's work is read from every compilation ({@code jdk.Compilation} with no threshold): how many methods it
 * compiled and for how long, in all and of our code (a compilation counts for the method it starts from, with what it
 * inlined).
 * <p>
 * Stacks deeper than the recording's stack depth lose their outermost frames: record with
 * {@code -XX:FlightRecorderOptions:stackdepth=2048} ({@link #javaOpts}); the truncated samples are counted.
 */
record SensorProfile(long samples, long analyzer, long ours, long truncated, Map<String, Long> byCheck, long analyzerBytes, long ourBytes,
  Compilations compilations) {

  /** What the JIT compiled during the scan: all of it, and our code's part (counts and nanoseconds). */
  record Compilations(long count, long nanos, long ourCount, long ourNanos) {
  }

  /** Scanner JVM options that record what this reads, into {@code file}. */
  static String javaOpts(Path file) {
    return "-XX:FlightRecorderOptions:stackdepth=2048 -XX:StartFlightRecording=settings=profile,jdk.Compilation#threshold=0ms,filename=" + file;
  }

  static SensorProfile read(Path recording) throws IOException {
    long samples = 0;
    long analyzer = 0;
    long ours = 0;
    long truncated = 0;
    Map<String, Long> byCheck = new HashMap<>();
    long analyzerBytes = 0;
    long ourBytes = 0;
    long[] compiled = new long[4];
    try (RecordingFile file = new RecordingFile(recording)) {
      while (file.hasMoreEvents()) {
        RecordedEvent event = file.readEvent();
        String type = event.getEventType().getName();
        if ("jdk.Compilation".equals(type)) {
          countCompilation(event, compiled);
          continue;
        }
        boolean allocation = "jdk.ObjectAllocationSample".equals(type);
        if (!allocation && !"jdk.ExecutionSample".equals(type)) {
          continue;
        }
        RecordedStackTrace stack = event.getStackTrace();
        if (stack == null) {
          continue;
        }
        List<String> classes = new ArrayList<>();
        for (RecordedFrame frame : stack.getFrames()) {
          if (frame.isJavaFrame() && frame.getMethod() != null && frame.getMethod().getType() != null) {
            classes.add(frame.getMethod().getType().getName());
          }
        }
        Sample sample = classify(classes);
        if (allocation) {
          // what the garbage collector will have to reclaim, sampled by weight
          long weight = event.getLong("weight");
          if (sample.analyzer()) {
            analyzerBytes += weight;
            if (sample.check() != null) {
              ourBytes += weight;
            }
          }
          continue;
        }
        samples++;
        if (sample.analyzer()) {
          analyzer++;
          if (stack.isTruncated()) {
            truncated++;
          }
          if (sample.check() != null) {
            ours++;
            byCheck.merge(sample.check(), 1L, Long::sum);
          }
        }
      }
    }
    return new SensorProfile(samples, analyzer, ours, truncated, byCheck, analyzerBytes, ourBytes,
      new Compilations(compiled[0], compiled[1], compiled[2], compiled[3]));
  }

  private static void countCompilation(RecordedEvent event, long[] compiled) {
    long nanos = event.getDuration().toNanos();
    compiled[0]++;
    compiled[1] += nanos;
    RecordedMethod method = event.getValue("method");
    if (method != null && method.getType() != null && method.getType().getName().startsWith("org.backendreview.")) {
      compiled[2]++;
      compiled[3] += nanos;
    }
  }

  /** One sample's stack, innermost class first: in the analyzer? in our code, and then under which check? */
  record Sample(boolean analyzer, String check) {
  }

  static Sample classify(List<String> classesInnermostFirst) {
    boolean analyzer = false;
    String outermostOurs = null;
    String outermostCheck = null;
    for (String type : classesInnermostFirst) {
      if (type.startsWith("org.sonar.python.") || type.startsWith("org.sonar.plugins.python.")) {
        analyzer = true;
      } else if (type.startsWith("org.backendreview.")) {
        // a lambda or nested class counts as its outer class
        String owner = type.replaceAll("\\$.*", "");
        outermostOurs = owner;
        if (owner.startsWith("org.backendreview.checks.") && owner.endsWith("Check") && !owner.endsWith(".BackendReviewCheck")) {
          outermostCheck = owner;
        }
      }
    }
    String check = outermostCheck != null ? outermostCheck : outermostOurs;
    return new Sample(analyzer || check != null, check == null ? null : check.substring(check.lastIndexOf('.') + 1));
  }

  double oursPercent() {
    return analyzer == 0 ? 0 : 100.0 * ours / analyzer;
  }

  /** "4.1 % (123 of 2,966 analyzer samples; ...; allocated: 2.2 % of 32,100 MB): TaintEngine 27, ...". */
  String describe(int top) {
    String checks = byCheck.entrySet().stream()
      .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
      .limit(top)
      .map(e -> e.getKey() + " " + e.getValue())
      .collect(Collectors.joining(", "));
    String jit = compilations.count() == 0 ? "" : String.format(Locale.ROOT, "; JIT: ours %,d of %,d compilations, %.1f of %.1f s",
      compilations.ourCount(), compilations.count(), compilations.ourNanos() / 1e9, compilations.nanos() / 1e9);
    return String.format(Locale.ROOT, "%.1f %% (%,d of %,d analyzer samples; %,d truncated stacks; allocated: %.1f %% of %,d MB%s)%s", oursPercent(),
      ours, analyzer, truncated, analyzerBytes == 0 ? 0 : 100.0 * ourBytes / analyzerBytes, analyzerBytes / 1_000_000, jit,
      checks.isEmpty() ? "" : ": " + checks);
  }
}
