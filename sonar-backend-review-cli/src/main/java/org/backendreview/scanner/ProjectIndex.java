/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.scanner;

import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.backendreview.scanner.cache.CacheStore;

/**
 * The index step: reads every file, parses it and adds its module to the project-level symbol table (in parallel),
 * so that the analysis step resolves names and types across modules. Files that cannot be read or parsed are
 * reported once, here, and skipped by the analysis. With a cache ({@link IndexCache}), an unchanged file's module is
 * restored from its serialised descriptors instead of being parsed.
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
    /** Set by the first wave: the file may register Django views, the second wave indexes it. */
    boolean registersViews;

    private String digestedContent;
    private String contentDigest;

    IndexedFile(SourceFile file, String packageName) {
      this.file = file;
      this.packageName = packageName;
    }

    /** The SHA-256 of {@link #content}, computed once for the index, the views' context and the findings keys. */
    String contentDigest() {
      String text = content;
      if (text != digestedContent || contentDigest == null) {
        contentDigest = CacheStore.sha256Hex(List.of(String.valueOf(text)));
        digestedContent = text;
      }
      return contentDigest;
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

  /** Set before the index step when the scan has a cache. */
  @javax.annotation.Nullable
  IndexCache cache;

  /** The packages declared to the symbol table by {@link #prepare}. */
  final Set<String> packages = new HashSet<>();

  /** Module names that more than one scanned file maps to. */
  final Set<String> sharedModules = new HashSet<>();

  /** The files with their package names; the packages are declared to the symbol table. */
  IndexedFile[] prepare(List<SourceFile> files) {
    PackageRoots roots = PackageRoots.of(config);
    IndexedFile[] indexed = new IndexedFile[files.size()];
    Map<String, Integer> modules = new HashMap<>();
    for (int i = 0; i < files.size(); i++) {
      indexed[i] = new IndexedFile(files.get(i), roots.packageName(files.get(i)));
      if (!files.get(i).notebook()) {
        frontend.addProjectPackage(indexed[i].packageName);
        packages.add(indexed[i].packageName);
        if (modules.merge(Frontend.moduleName(indexed[i].packageName, files.get(i)), 1, Integer::sum) == 2) {
          sharedModules.add(Frontend.moduleName(indexed[i].packageName, files.get(i)));
        }
      }
    }
    return indexed;
  }

  /**
   * The first wave of the index step: reads the file, and indexes it unless it may register Django views (then
   * {@link IndexedFile#registersViews} is set and {@link #indexRegisteringViews} indexes it in the second wave).
   */
  void index(IndexedFile item) {
    if (read(item) && !item.file.notebook()) {
      if (IndexCache.mayRegisterViews(item.content)) {
        item.registersViews = true;
      } else {
        indexModule(item, null);
      }
    }
  }

  /** Reads the file (a notebook is also converted); false when it is not analysed (with a warning). */
  private boolean read(IndexedFile item) {
    SourceFile file = item.file;
    SourceText text;
    try {
      text = SourceText.read(file.path(), config.maxFileSize());
    } catch (IOException | RuntimeException e) {
      warnings.warn(file, "cannot be read, skipped (" + e + ")");
      return false;
    }
    if (text.problem() != null) {
      warnings.warn(file, text.problem());
    }
    if (text.content() == null) {
      return false;
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
    }
    return item.content != null;
  }

  /**
   * The second wave of the index step, after every other module is in the table: a file that may register Django
   * views. Its cache entry also holds the views its module registered, and its key the shape of the table the first
   * wave built ({@code tableShape}) and every such file's content ({@code registeringFiles}): what the views it
   * registers (and its own descriptors) can depend on besides its text.
   */
  void indexRegisteringViews(IndexedFile item, String tableShape, String registeringFiles) {
    indexModule(item, tableShape + " " + registeringFiles);
  }

  /**
   * Adds the file's module to the table: from the cache, else parsed. {@code viewsContext}: null in the first wave, else
   * what the views the module registers may depend on besides its text (the entry then records the views).
   */
  private void indexModule(IndexedFile item, @javax.annotation.Nullable String viewsContext) {
    SourceFile file = item.file;
    IndexCache indexCache = cache;
    String module = Frontend.moduleName(item.packageName, file);
    String key = null;
    if (indexCache != null && !sharedModules.contains(module)) {
      key = viewsContext == null ? indexCache.keyOf(item) : indexCache.keyOf(item, viewsContext);
      Optional<IndexCache.Entry> entry = indexCache.lookup(key, module, viewsContext != null);
      if (entry.isPresent()) {
        try {
          frontend.restoreModule(entry.get().module());
          frontend.restoreViews(entry.get().views());
          indexCache.restored.incrementAndGet();
          return;
        } catch (IOException | RuntimeException e) {
          indexCache.damaged(key);
        }
      }
    }
    String cached = key;
    try {
      LocalPythonFile python = new LocalPythonFile(file, item.content);
      Map<String, Set<String>> views = Map.of();
      if (cached != null && viewsContext != null) {
        views = frontend.addModuleRecordingViews(item.content, item.packageName, python);
      } else {
        // nothing to record: added in parallel with the others
        frontend.addModule(item.content, item.packageName, python);
      }
      if (!sharedModules.contains(module)) {
        // the module's digest, here in parallel rather than in the symbol table's digest after the step
        Optional<Frontend.ModuleEntry> entry = frontend.moduleEntry(module);
        if (cached != null && entry.isPresent()) {
          indexCache.add(cached, entry.get(), views, viewsContext == null);
        }
      }
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
