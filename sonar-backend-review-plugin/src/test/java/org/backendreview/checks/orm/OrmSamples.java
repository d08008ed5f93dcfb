/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.orm;

import java.util.ArrayList;
import java.util.List;
import org.backendreview.testing.Samples;

/** Sample projects of the ORM rules: the shared Django shop models plus the rule's own modules. */
final class OrmSamples {

  private OrmSamples() {
  }

  static List<String> withShop(String ruleDir) {
    List<String> files = new ArrayList<>(Samples.project("orm/djangoShop"));
    files.addAll(Samples.project(ruleDir));
    return files;
  }
}
