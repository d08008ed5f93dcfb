/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.backendreview.testing.CheckVerifier;
import org.sonar.plugins.python.api.PythonCheck.PreciseIssue;
import org.backendreview.testing.Samples;
import org.junit.jupiter.api.Test;

class UnboundedRequestInputCheckTest {

  @Test
  void unbounded_request_inputs_with_field_lengths() {
    UnboundedRequestInputCheck check = new UnboundedRequestInputCheck();
    check.checkFieldLengths = true;
    CheckVerifier.verify(Samples.file("api/unboundedRequestInput.py"), check);
  }

  @Test
  void request_models_followed_across_modules() {
    UnboundedRequestInputCheck check = new UnboundedRequestInputCheck();
    check.checkFieldLengths = true;
    CheckVerifier.verify(Samples.project("api/unboundedRequestInput"), check);
  }

  @Test
  void secondary_locations_lead_to_the_route_or_the_outer_field() {
    UnboundedRequestInputCheck check = new UnboundedRequestInputCheck();
    check.checkFieldLengths = true;
    List<PreciseIssue> issues = CheckVerifier.issues(List.of(Samples.file("api/unboundedRequestInput.py")), check);
    assertThat(secondaries(issues, "\"text\" of Comment")).containsExactly("35:The request body of this route");
    assertThat(secondaries(issues, "\"street\" of Address")).containsExactly("121:A field of request model Order", "122:A field of request model Order");
    List<PreciseIssue> across = CheckVerifier.issues(Samples.project("api/unboundedRequestInput"), check);
    assertThat(secondaries(across, "\"street\" of Address")).containsExactly("7:A field of request model PlaceOrder");
    assertThat(secondaries(across, "\"email\" of Contact")).containsExactly("14:The request body of a route");
  }

  private static List<String> secondaries(List<PreciseIssue> issues, String field) {
    return issues.stream().filter(i -> i.primaryLocation().message().contains(field)).findFirst().orElseThrow()
      .secondaryLocations().stream().map(l -> l.startLine() + ":" + l.message()).toList();
  }

  @Test
  void only_page_sizes_by_default() {
    assertThat(CheckVerifier.issueLocations(List.of(Samples.file("api/unboundedRequestInput.py")), new UnboundedRequestInputCheck()))
      .containsExactly("unboundedRequestInput.py:40", "unboundedRequestInput.py:46", "unboundedRequestInput.py:51");
  }
}
