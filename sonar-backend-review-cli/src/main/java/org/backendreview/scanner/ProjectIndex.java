/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.scanner;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The index step: reads every file, parses it and adds its module to the project-level symbol table (in parallel),
 * so that the analysis step resolves names and types across modules. Files that cannot be read or parsed are
 * reported once, here, and skipped by the analysis.
 */
final class ProjectIndex {

  private static final Pattern PYTHON2_HINT = Pattern.compile(
    "(?m)^\\s*(print\\s+[^\\s(=]|exec\\s+[\"'\\w]|except\\s+[\\w.]+\\s*,\\s*\\w+\\s*:|raise\\s+\\w+\\s*,)|\\b0[0-7]+L?\\b|\\d+L\\b|`");

  /** What the index step learnt about a file; {@code content} stays null when the file is not analysed. */
  static final class IndexedFile {
    final SourceFile file;
    final String packageName;
    String content;
    Frontend.Notebook notebook;

    IndexedFile(SourceFile file, String packageName) {
      this.file = file;
      this.packageName = packageName;
    }
  }

  private final ScanConfig config;
  private final Frontend frontend;
  private final ScanWarnings warnings;

  ProjectIndex(ScanConfig config, Frontend frontend, ScanWarnings warnings) {
    this.config = config;
    this.frontend = frontend;
    this.warnings = warnings;
  }

  /** The files with their package names; the packages are declared to the symbol table. */
  IndexedFile[] prepare(List<SourceFile> files) {
    PackageRoots roots = PackageRoots.of(config);
    IndexedFile[] indexed = new IndexedFile[files.size()];
    for (int i = 0; i < files.size(); i++) {
      indexed[i] = new IndexedFile(files.get(i), roots.packageName(files.get(i)));
      if (!files.get(i).notebook()) {
        frontend.addProjectPackage(indexed[i].packageName);
      }
    }
    return indexed;
  }

  void index(IndexedFile item) {
    SourceFile file = item.file;
    SourceText text;
    try {
      text = SourceText.read(file.path(), config.maxFileSize());
    } catch (IOException | RuntimeException e) {
      warnings.warn(file, "cannot be read, skipped (" + e + ")");
      return;
    }
    if (text.problem() != null) {
      warnings.warn(file, text.problem());
    }
    if (text.content() == null) {
      return;
    }
    item.content = text.content();
    if (file.notebook()) {
      try {
        Optional<Frontend.Notebook> notebook = Frontend.notebook(new LocalPythonFile(file, item.content));
        if (notebook.isEmpty()) {
          warnings.warn(file, "not a Python notebook, skipped");
          item.content = null;
        } else {
          item.notebook = notebook.get();
        }
      } catch (Exception | StackOverflowError e) {
        warnings.warn(file, "invalid notebook, skipped (" + ScanWarnings.describe(e) + ")");
        item.content = null;
      }
      return;
    }
    try {
      frontend.addModule(item.content, item.packageName, new LocalPythonFile(file, item.content));
    } catch (Frontend.SyntaxError e) {
      warnParseError(item, e);
      item.content = null;
    } catch (RuntimeException | StackOverflowError e) {
      warnings.warn(file, "cannot be parsed, skipped (" + ScanWarnings.describe(e) + ")");
      item.content = null;
    }
  }

  void warnParseError(IndexedFile item, Frontend.SyntaxError e) {
    String hint = PYTHON2_HINT.matcher(item.content).find() ? " (Python 2 syntax is not supported)" : "";
    warnings.warn(item.file, "syntax error at line " + e.line + hint + ", not analysed");
  }
}
