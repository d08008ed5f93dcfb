/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.testing;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sonar.plugins.python.api.PythonCheck;
import org.sonar.plugins.python.api.PythonSubscriptionCheck;
import org.sonar.plugins.python.api.PythonVisitorContext;
import org.sonar.python.SubscriptionVisitor;
import org.sonar.python.TestPythonVisitorRunner;
import org.sonar.python.caching.CacheContextImpl;
import org.sonar.python.semantic.ProjectLevelSymbolTable;
import org.sonar.python.semantic.SymbolUtils;

/**
 * Test-only analysis of a set of python files as one project, the way SonarPython's sensor does it: a project-level
 * symbol table over all files (so a model class in {@code shop/models.py} is known in {@code api/views.py}), then one
 * visitor context per file. Uses internal frontend classes, which is allowed in test scope only.
 */
public final class PythonProject {

  private final List<File> files;
  private final List<String> packageRoots;
  private final ProjectLevelSymbolTable symbols;

  private PythonProject(List<File> files) {
    this.files = files;
    File baseDir = commonParent(files);
    this.packageRoots = TestPythonVisitorRunner.computePackageRoots(files, baseDir);
    this.symbols = TestPythonVisitorRunner.globalSymbols(files, packageRoots);
  }

  public static PythonProject of(List<String> paths) {
    List<File> files = new ArrayList<>();
    for (String path : paths) {
      files.add(new File(path).getAbsoluteFile());
    }
    return new PythonProject(files);
  }

  public List<File> files() {
    return files;
  }

  /** Parses a file of the project with the project's symbol table. */
  public PythonVisitorContext context(File file) {
    String packageName = SymbolUtils.pythonPackageName(file, packageRoots);
    return TestPythonVisitorRunner.createContext(file, null, packageName, symbols, CacheContextImpl.dummyCache());
  }

  /** Runs the checks on every file; returns the contexts (holding the issues) by file, in the given order. */
  public Map<Path, PythonVisitorContext> scan(PythonCheck... checks) {
    Map<Path, PythonVisitorContext> result = new LinkedHashMap<>();
    for (File file : files) {
      PythonVisitorContext context = context(file);
      List<PythonSubscriptionCheck> subscriptionChecks = new ArrayList<>();
      for (PythonCheck check : checks) {
        check.scanFile(context);
        if (check instanceof PythonSubscriptionCheck subscriptionCheck) {
          subscriptionChecks.add(subscriptionCheck);
        }
      }
      SubscriptionVisitor.analyze(subscriptionChecks, context);
      result.put(file.toPath(), context);
    }
    return result;
  }

  private static File commonParent(List<File> files) {
    Path common = files.get(0).toPath().getParent();
    for (File file : files) {
      while (!file.toPath().startsWith(common)) {
        common = common.getParent();
      }
    }
    // the project root is above the outermost package (a directory with __init__.py)
    while (common.getParent() != null && Files.exists(common.resolve("__init__.py"))) {
      common = common.getParent();
    }
    return common.toFile();
  }
}
