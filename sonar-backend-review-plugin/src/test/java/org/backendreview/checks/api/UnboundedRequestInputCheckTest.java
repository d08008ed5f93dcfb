/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.backendreview.testing.CheckVerifier;
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
  void only_page_sizes_by_default() {
    assertThat(CheckVerifier.issueLocations(List.of(Samples.file("api/unboundedRequestInput.py")), new UnboundedRequestInputCheck()))
      .containsExactly("unboundedRequestInput.py:40", "unboundedRequestInput.py:46", "unboundedRequestInput.py:51");
  }
}
