/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.security;

import java.util.List;

/** Security (feature-matrix family SEC): request data reaching SQL, shell, code, template, file, URL, redirect, HTML and deserialization sinks, and mass assignment. */
public final class SecurityChecks {

  public static final List<Class<?>> CHECKS = List.of(
    SqlInjectionCheck.class,
    DynamicSqlQueryCheck.class,
    QueryStructureInjectionCheck.class,
    MassAssignmentCheck.class,
    OsCommandInjectionCheck.class,
    CodeInjectionCheck.class,
    TemplateInjectionCheck.class,
    ServerSideRequestForgeryCheck.class,
    PathTraversalCheck.class,
    OpenRedirectCheck.class,
    ReflectedXssCheck.class,
    NonConstantTimeSecretComparisonCheck.class,
    InsecureJwtClaimsCheck.class,
    LoginAccountEnumerationCheck.class,
    ExceptionDetailsInResponseCheck.class,
    UnsafeDeserializationCheck.class,
    CorsAnyOriginWithCredentialsCheck.class,
    SqlStatementLoggingCheck.class,
    HardCodedSecretCheck.class,
    WeakPasswordStorageCheck.class,
    PredictableSecretTokenCheck.class,
    AuthCookieWithoutSecureFlagsCheck.class,
    SensitiveDataLoggedCheck.class,
    CsrfExemptStateChangingViewCheck.class,
    SessionNotRotatedOnLoginCheck.class,
    WritingViewWithoutAuthorizationCheck.class,
    InsecureDirectObjectReferenceCheck.class,
    AuthEndpointWithoutRateLimitCheck.class);

  private SecurityChecks() {
  }
}
