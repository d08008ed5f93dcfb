/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.semantics.project;

/**
 * What a piece of code is for, as far as review rules are concerned (see {@link CodeRoles} for how it is decided).
 * <ul>
 *   <li>{@link #PRODUCT}: the application or library itself: what production runs;</li>
 *   <li>{@link #TOOLING}: run by hand or by the build: scripts, tools, deployment, management commands, {@code setup.py},
 *   the body of an {@code if __name__ == "__main__":} block;</li>
 *   <li>{@link #HISTORY}: migrations that later migrations depend on: already applied everywhere;</li>
 *   <li>{@link #NOT_CODE}: text that happens to be python: documentation, examples, linters' test data.</li>
 * </ul>
 */
public enum CodeRole {
  PRODUCT,
  TOOLING,
  HISTORY,
  NOT_CODE
}
