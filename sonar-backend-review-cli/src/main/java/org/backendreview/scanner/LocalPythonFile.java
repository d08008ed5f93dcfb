/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.scanner;

import java.lang.reflect.Proxy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.sonar.api.batch.fs.InputFile;
import org.sonar.plugins.python.api.PythonFile;

/** A file of the scanned project for the python frontend; its key is the path relative to the base directory. */
final class LocalPythonFile implements PythonFile {

  private final SourceFile file;
  private final String content;

  LocalPythonFile(SourceFile file, String content) {
    this.file = file;
    this.content = content;
  }

  @Override
  public String content() {
    return content;
  }

  @Override
  public String fileName() {
    return file.path().getFileName().toString();
  }

  @Override
  public URI uri() {
    return file.path().toUri();
  }

  @Override
  public String key() {
    return file.relativePath();
  }

  @Override
  public String toString() {
    return file.relativePath();
  }

  /**
   * The file as a SonarQube {@link InputFile}, for the frontend helpers that take one (notebook parser, test-file
   * classifier). Only the file's identity and contents are available.
   */
  InputFile asInputFile() {
    return inputFile(file.relativePath());
  }

  /** The file with its path relative to the scanned project as relative path, as SonarQube's test-file heuristic sees it. */
  InputFile asProjectInputFile() {
    return inputFile(file.projectPath());
  }

  private InputFile inputFile(String relativePath) {
    return (InputFile) Proxy.newProxyInstance(InputFile.class.getClassLoader(), new Class<?>[] {InputFile.class}, (proxy, method, args) -> {
      switch (method.getName()) {
        case "relativePath", "key", "toString":
          return relativePath;
        case "filename":
          return fileName();
        case "contents":
          return content;
        case "uri":
          return uri();
        case "path":
          return file.path();
        case "file":
          return file.path().toFile();
        case "absolutePath":
          return file.path().toString();
        case "language":
          return file.notebook() ? "ipynb" : "py";
        case "type":
          return InputFile.Type.MAIN;
        case "charset":
          return StandardCharsets.UTF_8;
        case "isFile":
          return true;
        case "isEmpty":
          return content.isEmpty();
        case "isHidden":
          return false;
        case "hashCode":
          return System.identityHashCode(proxy);
        case "equals":
          return proxy == args[0];
        default:
          throw new UnsupportedOperationException("InputFile." + method.getName() + " is not available in the standalone scanner");
      }
    });
  }
}
