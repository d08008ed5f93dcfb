/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.its.common;

import java.util.Comparator;

/**
 * One issue as every engine reports it: the file relative to the project root (with '/'), the line (0 for a file-level
 * issue), the rule key without the repository, and the message.
 */
public record Issue(String file, int line, String rule, String message) implements Comparable<Issue> {

  private static final Comparator<Issue> ORDER = Comparator.comparing(Issue::file)
    .thenComparingInt(Issue::line)
    .thenComparing(Issue::rule)
    .thenComparing(Issue::message);

  public Issue {
    file = file.replace('\\', '/');
    message = message.replace('\n', ' ').strip();
  }

  @Override
  public int compareTo(Issue other) {
    return ORDER.compare(this, other);
  }
}
