/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.scanner;

/**
 * A problem that kept (part of) a file from being analysed: a syntax error, an unreadable or binary file, a check
 * that failed. The scan goes on.
 *
 * @param file path relative to the base directory
 */
public record AnalysisWarning(String file, String message) {

  @Override
  public String toString() {
    return file + ": " + message;
  }
}
