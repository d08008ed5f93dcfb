/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.cli;

/** Wrong command line or configuration: exit code 2 with the message. */
public class UsageException extends RuntimeException {

  public UsageException(String message) {
    super(message);
  }
}
