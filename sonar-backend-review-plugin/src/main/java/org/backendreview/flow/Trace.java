/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.flow;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.backendreview.semantics.security.RequestSources.Source;
import org.sonar.plugins.python.api.tree.Name;
import org.sonar.plugins.python.api.tree.Tree;

/**
 * One path of a value, as an immutable chain of steps from its origin to where it is used. The origin is either a read
 * of request data ({@link #source()}) or a parameter of the function being summarised ({@link #parameter()}). Chains
 * share their prefixes, so extending one is constant time; their length is capped so that messages stay readable and
 * copies stay cheap.
 */
public final class Trace {

  static final int MAX_LENGTH = 24;

  private final Tree location;
  private final String message;
  private final Trace previous;
  private final Source source;
  private final Name parameter;
  private final int length;

  private Trace(Tree location, String message, Trace previous, Source source, Name parameter) {
    this.location = location;
    this.message = message;
    this.previous = previous;
    this.source = source;
    this.parameter = parameter;
    this.length = previous == null ? 1 : previous.length + 1;
  }

  /** A chain that starts at a read of request data. */
  public static Trace ofSource(Source source) {
    String description = source.description();
    return new Trace(source.location(), Character.toUpperCase(description.charAt(0)) + description.substring(1) + " is read here.", null, source, null);
  }

  /** A chain that starts at a parameter of the function being summarised (not shown in flows). */
  static Trace ofParameter(Name parameter) {
    return new Trace(parameter, null, null, null, parameter);
  }

  /** This chain followed by one more step. Past the length cap the step is dropped (the chain still ends here). */
  public Trace then(Tree location, String message) {
    if (length >= MAX_LENGTH) {
      return this;
    }
    return new Trace(location, message, this, source, parameter);
  }

  /**
   * This chain followed by the steps of {@code continuation}, which starts at a parameter: the parameter step itself
   * is replaced by this chain (which ends at the argument passed for it).
   */
  public Trace thenAll(Trace continuation) {
    Trace result = this;
    for (Trace step : continuation.stepsFromOrigin()) {
      if (step.previous != null || step.parameter == null || step.message != null) {
        result = result.then(step.location, step.message);
      }
    }
    return result;
  }

  /** The read of request data this chain starts at, or null when it starts at a parameter. */
  public Source source() {
    return source;
  }

  /** The parameter this chain starts at, or null when it starts at a read of request data. */
  public Name parameter() {
    return parameter;
  }

  public Tree location() {
    return location;
  }

  public String message() {
    return message;
  }

  public int length() {
    return length;
  }

  /** The steps in order, from the origin to the last one. */
  public List<Trace> stepsFromOrigin() {
    List<Trace> steps = new ArrayList<>(length);
    for (Trace current = this; current != null; current = current.previous) {
      steps.add(current);
    }
    Collections.reverse(steps);
    return steps;
  }
}
