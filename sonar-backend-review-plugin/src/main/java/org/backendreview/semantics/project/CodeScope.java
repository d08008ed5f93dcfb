/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.semantics.project;

import java.util.EnumSet;
import java.util.Set;

/** Where a rule reports, by {@link CodeRole}. Declared once per rule family or per rule, applied by one gate. */
public enum CodeScope {
  /** Rules about production behaviour (performance, transactions, API design...): the product only. */
  PRODUCT(EnumSet.of(CodeRole.PRODUCT)),
  /**
   * Everything but {@link CodeRole#NOT_CODE}: rules about the security of request handling (whatever a request might
   * reach, wherever it lives) and bugs that fail on every run, in a hand-run command as much as in a view.
   */
  ALL_CODE(EnumSet.of(CodeRole.PRODUCT, CodeRole.TOOLING, CodeRole.HISTORY)),
  /** The product and migration history (e.g. a migration rule asked to report all migrations). */
  PRODUCT_AND_HISTORY(EnumSet.of(CodeRole.PRODUCT, CodeRole.HISTORY));

  private final Set<CodeRole> roles;

  CodeScope(Set<CodeRole> roles) {
    this.roles = roles;
  }

  public boolean includes(CodeRole role) {
    return roles.contains(role);
  }
}
