/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.cli;

import java.io.IOException;

/** An output format. */
interface Reporter {

  void write(Report report, Appendable out) throws IOException;

  static Reporter of(Options.Format format, boolean color) {
    return switch (format) {
      case TEXT -> new TextReporter(color);
      case JSON -> new JsonReporter();
      case SARIF -> new SarifReporter();
      case SONARQUBE -> new SonarGenericReporter();
      case MARKDOWN -> new MarkdownReporter();
    };
  }
}
