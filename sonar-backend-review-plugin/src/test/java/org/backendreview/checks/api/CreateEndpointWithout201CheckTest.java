/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.api;

import org.backendreview.testing.CheckVerifier;
import org.backendreview.testing.QuickFixVerifier;
import org.backendreview.testing.Samples;
import org.junit.jupiter.api.Test;

class CreateEndpointWithout201CheckTest {

  @Test
  void creation_endpoints_without_201() {
    CheckVerifier.verify(Samples.file("api/createEndpointWithout201.py"), new CreateEndpointWithout201Check());
  }

  private static final String APP = """
    from fastapi import FastAPI
    app = FastAPI()

    """;

  @Test
  void quick_fix_adds_the_status_code_to_the_decorator() {
    QuickFixVerifier.verify(new CreateEndpointWithout201Check(),
      APP + "@app.post(\"/items\")\nasync def create_item(item: dict):\n    return item\n",
      APP + "@app.post(\"/items\", status_code=201)\nasync def create_item(item: dict):\n    return item\n");
    QuickFixVerifier.verify(new CreateEndpointWithout201Check(),
      APP + "@app.post(\n    \"/items\",\n    tags=[\"items\"],\n)\nasync def create_item(item: dict):\n    return item\n",
      APP + "@app.post(\n    \"/items\",\n    tags=[\"items\"], status_code=201,\n)\nasync def create_item(item: dict):\n    return item\n");
  }
}
