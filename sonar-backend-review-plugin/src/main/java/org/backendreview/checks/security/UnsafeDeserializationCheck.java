/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.security;

import org.backendreview.flow.TaintFlow;
import org.backendreview.semantics.security.InjectionSinks;
import org.backendreview.semantics.security.InjectionSinks.Kind;
import org.backendreview.semantics.security.InjectionSinks.Sink;
import org.sonar.check.Rule;

/** Request data decoded by a deserializer that can run code (pickle, dill, marshal, jsonpickle, {@code yaml.load} with an unsafe loader). */
@Rule(key = "UnsafeDeserialization")
public class UnsafeDeserializationCheck extends TaintSinkCheck {

  public UnsafeDeserializationCheck() {
    super(Kind.DESERIALIZATION, InjectionSinks::deserializers);
  }

  @Override
  protected String message(Sink sink, TaintFlow flow) {
    return "Do not deserialize " + flow.sourceText() + " with " + sink.api() + "; accept JSON (or yaml.safe_load) and validate it.";
  }
}
