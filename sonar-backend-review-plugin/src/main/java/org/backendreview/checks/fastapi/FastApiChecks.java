/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.fastapi;

import java.util.List;

/** FastAPI, Pydantic and HTTP API contracts (feature-matrix family 5, issue 6). */
public final class FastApiChecks {

  public static final List<Class<?>> CHECKS = List.of(
    UnboundedRequestInputCheck.class,
    SettingsSecretNotSecretStrCheck.class,
    PydanticV1ApiInV2CodeCheck.class,
    UnvalidatedRequestBodyCheck.class,
    FastApiOnEventDeprecatedCheck.class,
    ResponseModelMissingCheck.class,
    ErrorPayloadWithSuccessStatusCheck.class,
    CreateEndpointWithout201Check.class,
    StateChangeInSafeMethodHandlerCheck.class,
    HttpExceptionInServiceLayerCheck.class,
    RouteReturnsSecretFieldsCheck.class,
    FastApiExceptionWithoutHandlerCheck.class,
    UncappedUploadReadCheck.class,
    DjangoJsonBodyWithoutValidationCheck.class);

  private FastApiChecks() {
  }
}
