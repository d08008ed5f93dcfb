/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.orm;

import org.backendreview.testing.CheckVerifier;
import org.backendreview.testing.Samples;
import org.junit.jupiter.api.Test;

class FilterOnUnindexedFieldCheckTest {

  @Test
  void lookups_and_orderings_on_fields_without_index() {
    CheckVerifier.verify(Samples.project("orm/filterOnUnindexedField"), new FilterOnUnindexedFieldCheck());
  }
}
