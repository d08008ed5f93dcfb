/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.flow;

import java.util.ArrayList;
import java.util.List;
import org.backendreview.semantics.security.RequestSources.Source;
import org.sonar.plugins.python.api.IssueLocation;
import org.sonar.plugins.python.api.PythonCheck.PreciseIssue;

/**
 * A proven path of request data into a sink: its source and the steps from there to the sink's argument. Issues show
 * it as a data flow that backtracks from the sink to the source.
 */
public record TaintFlow(Trace trace) {

  public Source source() {
    return trace.source();
  }

  /** How the message names the source: {@code the request parameter "order" (line 12)}. */
  public String sourceText() {
    return source().description() + " (line " + source().location().firstToken().line() + ")";
  }

  /** Adds the path to the issue, nearest step to the sink first, the source last. */
  public PreciseIssue addTo(PreciseIssue issue) {
    List<Trace> steps = trace.stepsFromOrigin();
    List<IssueLocation> locations = new ArrayList<>(steps.size());
    for (int i = steps.size() - 1; i >= 0; i--) {
      Trace step = steps.get(i);
      if (step.message() != null) {
        locations.add(IssueLocation.preciseLocation(step.location(), step.message()));
      }
    }
    return issue.addFlow("Request data flows into this call", locations);
  }
}
