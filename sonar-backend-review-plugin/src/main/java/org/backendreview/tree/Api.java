/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.tree;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.Expression;
import org.sonar.plugins.python.api.types.v2.ClassType;
import org.sonar.plugins.python.api.types.v2.PythonType;

/**
 * One library API known by every fully qualified name that denotes it: the public name and its aliases (the module
 * that defines it, re-exports such as {@code requests.get} / {@code requests.api.get}). The names are declared once, in
 * the names class of a semantics room ({@code HttpLibraries}, {@code DjangoApi}...), and checks match with this class
 * instead of spelling FQN strings. Matching goes through {@link Fqns}: an expression whose origin the imports or the
 * frontend's types do not prove matches nothing.
 */
public final class Api implements Predicate<String> {

  private final Set<String> fqns;

  private Api(Set<String> fqns) {
    this.fqns = Set.copyOf(fqns);
  }

  /** The API named by these FQNs (the public name first, then its aliases). */
  public static Api of(String... fqns) {
    return new Api(new LinkedHashSet<>(Arrays.asList(fqns)));
  }

  /** The API named by these FQNs. */
  public static Api of(Set<String> fqns) {
    return new Api(fqns);
  }

  /** Every name of these APIs. */
  public static Api anyOf(Api... apis) {
    Set<String> all = new LinkedHashSet<>();
    for (Api api : apis) {
      all.addAll(api.fqns);
    }
    return new Api(all);
  }

  /** This API plus the given names. */
  public Api plus(String... fqns) {
    Set<String> all = new LinkedHashSet<>(this.fqns);
    all.addAll(Arrays.asList(fqns));
    return new Api(all);
  }

  /** Every FQN of this API (unordered, immutable). */
  public Set<String> fqns() {
    return fqns;
  }

  /** True when the given FQN is one of this API's names. */
  public boolean contains(String fqn) {
    return fqn != null && fqns.contains(fqn);
  }

  /** Same as {@link #contains(String)}, so that an API can be passed where a name predicate is expected. */
  @Override
  public boolean test(String fqn) {
    return contains(fqn);
  }

  /** True when the expression names this API ({@link Fqns#of}). */
  public boolean matches(Expression expression) {
    return Fqns.of(expression).filter(fqns::contains).isPresent();
  }

  /** True when the call's callee is this API ({@link Fqns#ofCallee}). */
  public boolean isCalledBy(CallExpression call) {
    return Fqns.ofCallee(call).filter(fqns::contains).isPresent();
  }

  /** The callee's FQN when the call's callee is this API. */
  public Optional<String> calleeOf(CallExpression call) {
    return Fqns.ofCallee(call).filter(fqns::contains);
  }

  /**
   * True when the type is this API itself (a class or function type) or an instance of it (an object type whose class
   * is this API). Subclasses do not count: use {@code ClassHierarchy} for that.
   */
  public boolean isTypeOf(PythonType type) {
    PythonType unwrapped = Types.classOrSelf(type);
    if (unwrapped instanceof ClassType classType) {
      return contains(classType.fullyQualifiedName());
    }
    return false;
  }

  @Override
  public String toString() {
    return "Api" + fqns;
  }
}
