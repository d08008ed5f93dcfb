/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.scanner;

import java.util.List;

/**
 * A quick fix a check offers for a finding (what SonarQube for IDE shows as a "quick fix"): a description and the text
 * edits that apply it to the finding's file.
 */
public record QuickFix(String description, List<Edit> edits) {

  /**
   * Replaces the text from ({@code line}, {@code column}) to ({@code endLine}, {@code endColumn}) with
   * {@code replacement}; lines and columns 1-based, the end exclusive (an insertion when both ends are equal).
   */
  public record Edit(int line, int column, int endLine, int endColumn, String replacement) {
  }
}
