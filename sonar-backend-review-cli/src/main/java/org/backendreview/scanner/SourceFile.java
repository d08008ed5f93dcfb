/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.scanner;

import java.nio.file.Path;

/**
 * A file to analyse.
 *
 * @param path absolute, real path
 * @param relativePath path relative to the base directory with {@code /} separators (absolute when outside it)
 * @param projectPath path relative to the scan path it was found under (its name when the file itself was given), as
 *                    SonarQube's project-relative path: the test-file heuristic looks at it
 * @param notebook whether it is a Jupyter notebook
 */
public record SourceFile(Path path, String relativePath, String projectPath, boolean notebook) {
}
