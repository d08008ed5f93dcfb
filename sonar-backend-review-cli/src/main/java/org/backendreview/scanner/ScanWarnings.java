/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.scanner;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/** The warnings of one scan, collected from all worker threads. */
final class ScanWarnings {

  private final List<AnalysisWarning> warnings = Collections.synchronizedList(new ArrayList<>());

  void add(AnalysisWarning warning) {
    warnings.add(warning);
  }

  private final java.util.Set<String> warnedFiles = java.util.concurrent.ConcurrentHashMap.newKeySet();

  void warn(SourceFile file, String message) {
    warnedFiles.add(file.relativePath());
    warnings.add(new AnalysisWarning(file.relativePath(), message));
  }

  /** Whether a warning named this file (its analysis may be incomplete: the cache keeps none of it). */
  boolean warned(SourceFile file) {
    return warnedFiles.contains(file.relativePath());
  }

  /** All warnings, sorted by file. */
  List<AnalysisWarning> sorted() {
    List<AnalysisWarning> result;
    synchronized (warnings) {
      result = new ArrayList<>(warnings);
    }
    result.sort(Comparator.comparing(AnalysisWarning::file));
    return List.copyOf(result);
  }

  /** An exception in one line: its type, message and the first frame of our code. */
  static String describe(Throwable e) {
    StringBuilder text = new StringBuilder(e.getClass().getSimpleName());
    if (e.getMessage() != null) {
      text.append(": ").append(e.getMessage().lines().findFirst().orElse(""));
    }
    for (StackTraceElement frame : e.getStackTrace()) {
      if (frame.getClassName().startsWith("org.backendreview.")) {
        text.append(" at ").append(frame.getClassName().substring(frame.getClassName().lastIndexOf('.') + 1))
          .append('.').append(frame.getMethodName()).append(':').append(frame.getLineNumber());
        break;
      }
    }
    return text.toString();
  }
}
