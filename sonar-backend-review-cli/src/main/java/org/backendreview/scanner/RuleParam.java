/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.scanner;

/** A rule parameter: a {@code @RuleProperty} field of the check class. */
public record RuleParam(String key, String defaultValue, String description, String type) {
}
