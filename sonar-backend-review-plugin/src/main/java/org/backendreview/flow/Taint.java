/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.flow;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.sonar.plugins.python.api.tree.Name;
import org.sonar.plugins.python.api.tree.Tree;

/**
 * What a value may carry: request data (one representative {@link Trace} from its read), and the parameters of the
 * enclosing function it depends on (one trace per parameter), which call sites resolve. Immutable.
 */
public final class Taint {

  /** Values that carry neither request data nor parameters. */
  public static final Taint CLEAN = new Taint(null, Map.of());
  private static final int MAX_PARAMETERS = 8;

  private final Trace source;
  private final Map<Name, Trace> parameters;

  private Taint(Trace source, Map<Name, Trace> parameters) {
    this.source = source;
    this.parameters = parameters;
  }

  static Taint of(Trace trace) {
    if (trace.source() != null) {
      return new Taint(trace, Map.of());
    }
    return new Taint(null, Map.of(trace.parameter(), trace));
  }

  /** A trace from a read of request data to this value, or null. */
  public Trace source() {
    return source;
  }

  /** For each parameter of the enclosing function that flows into this value, a trace from it. */
  public Map<Name, Trace> parameters() {
    return Collections.unmodifiableMap(parameters);
  }

  public boolean isClean() {
    return source == null && parameters.isEmpty();
  }

  public boolean hasSource() {
    return source != null;
  }

  /** Both values' origins, keeping the shorter trace of a shared origin. */
  public Taint union(Taint other) {
    if (other.isClean() || this == other) {
      return this;
    }
    if (isClean()) {
      return other;
    }
    Trace newSource = source == null || other.source != null && other.source.length() < source.length() ? other.source : source;
    Map<Name, Trace> merged = new LinkedHashMap<>(parameters);
    other.parameters.forEach((name, trace) -> {
      if (merged.size() < MAX_PARAMETERS || merged.containsKey(name)) {
        merged.merge(name, trace, (a, b) -> a.length() <= b.length() ? a : b);
      }
    });
    return new Taint(newSource, merged);
  }

  /** Every trace extended with the same step. */
  public Taint then(Tree location, String message) {
    return map(t -> t.then(location, message));
  }

  Taint map(UnaryOperator<Trace> step) {
    if (isClean()) {
      return this;
    }
    Map<Name, Trace> mapped = new LinkedHashMap<>();
    parameters.forEach((name, trace) -> mapped.put(name, step.apply(trace)));
    return new Taint(source == null ? null : step.apply(source), mapped);
  }
}
