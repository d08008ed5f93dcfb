/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.orm;

import org.backendreview.testing.CheckVerifier;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UnpaginatedListViewCheckTest {

  @Test
  void list_views_without_pagination_when_the_settings_set_no_default() {
    // settings in mysite/settings.py, base views in api/base.py, models in shop/models.py
    CheckVerifier.verify(OrmSamples.withShop("orm/unpaginatedListView"), new UnpaginatedListViewCheck());
  }

  @Test
  void silent_when_the_settings_paginate_by_default() {
    assertThat(CheckVerifier.issues(OrmSamples.withShop("orm/unpaginatedListViewPaginated"), new UnpaginatedListViewCheck())).isEmpty();
  }
}
