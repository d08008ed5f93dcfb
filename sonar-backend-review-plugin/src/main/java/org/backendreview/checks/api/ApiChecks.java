/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.api;

import java.util.List;

/** HTTP API design across FastAPI, Django and DRF (family API): request validation and limits, response contracts, status codes, error handling, Pydantic. */
public final class ApiChecks {

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

  private ApiChecks() {
  }
}
