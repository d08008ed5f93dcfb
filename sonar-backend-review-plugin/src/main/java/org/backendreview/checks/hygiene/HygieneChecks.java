/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.hygiene;

import java.util.List;

/** Python hygiene (family PY). */
public final class HygieneChecks {

  public static final List<Class<?>> CHECKS = List.of(
    DuplicateModuleConstantCheck.class);

  private HygieneChecks() {
  }
}
