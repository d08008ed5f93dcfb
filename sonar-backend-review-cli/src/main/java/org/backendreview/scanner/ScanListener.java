/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.scanner;

/** Progress of a scan, called from the worker threads (implementations must be thread-safe). */
public interface ScanListener {

  ScanListener NONE = new ScanListener() {
  };

  /** A phase ({@code "index"}, {@code "analysis"}) starts over {@code total} files. */
  default void phaseStarted(String phase, int total) {
  }

  /** One more file of the phase is done. */
  default void fileDone(String phase) {
  }

  default void phaseFinished(String phase) {
  }
}
