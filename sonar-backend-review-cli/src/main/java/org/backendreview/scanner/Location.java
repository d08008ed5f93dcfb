/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.scanner;

/**
 * A place in a file. Lines are 1-based; columns are 1-based and the end column is exclusive (SARIF's convention), 0
 * when the location is a whole line; a line of 0 means the whole file.
 *
 * @param file path relative to the base directory
 */
public record Location(String file, int line, int column, int endLine, int endColumn, String message) {

  public boolean isFileLevel() {
    return line == 0;
  }

  public boolean isLineLevel() {
    return line > 0 && column == 0;
  }
}
