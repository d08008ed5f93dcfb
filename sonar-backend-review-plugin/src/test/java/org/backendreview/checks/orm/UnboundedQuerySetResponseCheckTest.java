/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.orm;

import org.backendreview.testing.CheckVerifier;
import org.backendreview.testing.Samples;
import org.junit.jupiter.api.Test;

class UnboundedQuerySetResponseCheckTest {

  @Test
  void handlers_listing_every_row_of_a_model() {
    // models in shop/models.py, views and serializers in api/
    CheckVerifier.verify(OrmSamples.withShop("orm/unboundedQuerySetResponse"), new UnboundedQuerySetResponseCheck());
  }

  @Test
  void sqlalchemy_selects_of_every_row() {
    CheckVerifier.verify(Samples.file("orm/unboundedSqlAlchemyResponse.py"), new UnboundedQuerySetResponseCheck());
  }
}
