/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.scanner;

import java.nio.file.Path;
import java.util.List;

/**
 * Outcome of a scan.
 *
 * @param findings sorted by file, line, column, rule
 * @param warnings files or checks that could not be (fully) analysed
 * @param rules the rules that ran, with their metadata
 * @param baseDir the directory the paths of findings are relative to
 */
public record ScanResult(List<Finding> findings, List<AnalysisWarning> warnings, List<RuleInfo> rules, ScanStats stats, Path baseDir) {
}
