/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.injection;

import java.util.List;

/** Injection family on the value-flow engine: SQL, query structure, mass assignment, command/code/template injection, SSRF, path traversal, open redirect, XSS, deserialization (feature-matrix family 1, issue 4). */
public final class InjectionChecks {

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
    UnsafeDeserializationCheck.class);

  private InjectionChecks() {
  }
}
