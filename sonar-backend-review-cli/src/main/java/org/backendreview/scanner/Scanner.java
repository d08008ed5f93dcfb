/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.scanner;

import java.util.List;

/**
 * The standalone scanner's Java API: runs the Backend Review checks on a Python project the way SonarQube's python
 * sensor does, without a server.
 * <pre>{@code
 * ScanResult result = Scanner.scan(ScanConfig.builder(Path.of("src")).allRules(true).build());
 * for (Finding finding : result.findings()) { ... }
 * }</pre>
 * Bad input never stops a scan: syntax errors, binary or mis-encoded files, oversized files and failing checks end
 * up in {@link ScanResult#warnings()}. Invalid configuration (unknown rule or parameter, missing path) throws
 * {@link IllegalArgumentException}.
 */
public final class Scanner {

  private Scanner() {
  }

  public static ScanResult scan(ScanConfig config) {
    return scan(config, RuleCatalog.load());
  }

  public static ScanResult scan(ScanConfig config, RuleCatalog catalog) {
    return ProjectScan.run(config, catalog);
  }

  /** The findings only. */
  public static List<Finding> findings(ScanConfig config) {
    return scan(config).findings();
  }
}
