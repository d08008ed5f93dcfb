/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.security;

import org.backendreview.flow.TaintFlow;
import org.backendreview.semantics.security.InjectionSinks;
import org.backendreview.semantics.security.InjectionSinks.Kind;
import org.backendreview.semantics.security.InjectionSinks.Sink;
import org.sonar.check.Rule;

/** A file path built from request data ({@code open}, {@code pathlib.Path} I/O, {@code FileResponse}, {@code send_file}, {@code FileSystemStorage}, {@code shutil}, {@code os}). */
@Rule(key = "PathTraversal")
public class PathTraversalCheck extends TaintSinkCheck {

  public PathTraversalCheck() {
    super(Kind.PATH, InjectionSinks::filePaths);
  }

  @Override
  protected String message(Sink sink, TaintFlow flow) {
    return "Do not build this file path from " + flow.sourceText() + "; keep only its base name, or check that the resolved path stays inside the intended directory.";
  }
}
