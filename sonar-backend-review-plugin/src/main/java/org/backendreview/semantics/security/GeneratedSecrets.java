/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.semantics.security;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.backendreview.tree.Fqns;
import org.backendreview.tree.Literals;
import org.backendreview.tree.Trees;
import org.sonar.plugins.python.api.tree.AnnotatedAssignment;
import org.sonar.plugins.python.api.tree.AssignmentStatement;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.CompoundAssignmentStatement;
import org.sonar.plugins.python.api.tree.Expression;
import org.sonar.plugins.python.api.tree.FunctionDef;
import org.sonar.plugins.python.api.tree.KeyValuePair;
import org.sonar.plugins.python.api.tree.QualifiedExpression;
import org.sonar.plugins.python.api.tree.RegularArgument;
import org.sonar.plugins.python.api.tree.ReturnStatement;
import org.sonar.plugins.python.api.tree.SliceExpression;
import org.sonar.plugins.python.api.tree.SliceItem;
import org.sonar.plugins.python.api.tree.Statement;
import org.sonar.plugins.python.api.tree.Tree;

/**
 * How a secret value is generated, and what the code calls what it generates: a value from {@code random.*} or
 * {@code uuid1()}, or a {@code uuid4()} cut short, that ends up in a variable, attribute, dictionary key or keyword the
 * code names a token, reset code, OTP, PIN or password, or is returned by a function so named
 * ({@code def generate_otp(): return str(random.randint(100000, 999999))}).
 */
public final class GeneratedSecrets {

  /** Calls a generated value passes through unchanged in its predictability: text conversions, joins, hashes, encodings. */
  private static final Set<String> PASS_THROUGH = Set.of("str", "join", "format", "hex", "encode", "decode", "upper", "lower", "hexdigest",
    "digest", "b64encode", "urlsafe_b64encode", "b32encode", "md5", "sha1", "sha256", "sha512", "int", "zfill", "rjust", "ljust", "list",
    "tuple", "bytes", "bytearray", "replace");
  /** Single last words that name a one-time secret besides {@link Secrets#isSecretName}. */
  private static final Set<String> ONE_TIME_WORDS = Set.of("pin", "nonce", "code", "pincode");
  /** Hex digits of a uuid4 below which a cut one is guessable (16 hex digits = 64 bits). */
  private static final int MIN_UUID_HEX_DIGITS = 16;

  /** Where a generated value ends up, and the name the code gives it there. */
  public record Destination(String name, Tree location) {
  }

  private GeneratedSecrets() {
  }

  /** A description of the predictable source a call is ({@code random.randint()}, {@code uuid1()}), or empty. */
  public static Optional<String> predictableSource(CallExpression call) {
    Optional<String> random = SecurityApi.WEAK_RANDOM.calleeOf(call);
    if (random.isPresent()) {
      return Optional.of(random.get() + "()");
    }
    if (SecurityApi.UUID1.isCalledBy(call)) {
      return Optional.of("uuid1()");
    }
    return Optional.empty();
  }

  /**
   * For a {@code uuid4()} call whose text is cut to fewer than 16 characters ({@code uuid4().hex[:6]},
   * {@code str(uuid.uuid4())[:8]}), the slice.
   */
  public static Optional<SliceExpression> truncatedUuid(CallExpression call) {
    if (!SecurityApi.UUID4.isCalledBy(call)) {
      return Optional.empty();
    }
    Tree node = call;
    for (int i = 0; i < 6 && node.parent() != null; i++) {
      Tree parent = node.parent();
      if (parent instanceof SliceExpression slice && slice.object() == node) {
        return cutLength(slice).filter(n -> n < MIN_UUID_HEX_DIGITS).map(n -> slice);
      }
      if (!(parent instanceof QualifiedExpression || parent instanceof CallExpression || parent instanceof RegularArgument
        || parent.is(Tree.Kind.ARG_LIST, Tree.Kind.PARENTHESIZED))) {
        return Optional.empty();
      }
      node = parent;
    }
    return Optional.empty();
  }

  private static Optional<Integer> cutLength(SliceExpression slice) {
    List<Tree> slices = slice.sliceList().slices();
    if (slices.size() != 1 || !(slices.get(0) instanceof SliceItem item) || item.upperBound() == null || item.stride() != null) {
      return Optional.empty();
    }
    try {
      int upper = Integer.parseInt(item.upperBound().firstToken().value());
      int lower = item.lowerBound() == null ? 0 : Integer.parseInt(item.lowerBound().firstToken().value());
      return upper > lower && Literals.isNumber(item.upperBound()) ? Optional.of(upper - lower) : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** True when the name says the value is a secret or a one-time code ({@code reset_token}, {@code otp}, {@code code}, {@code pin}). */
  public static boolean isSecretOrCodeName(String name) {
    List<String> words = Secrets.words(name);
    if (words.isEmpty()) {
      return false;
    }
    if (Secrets.isSecretName(name)) {
      return true;
    }
    String last = words.get(words.size() - 1);
    return ONE_TIME_WORDS.contains(last) && (words.size() == 1 || !Set.of("status", "error", "country", "language", "lang", "zip", "post",
      "postal", "area", "currency", "color", "colour", "exit", "return", "response", "http", "source", "short").contains(words.get(words.size() - 2)));
  }

  /**
   * Where the value of this expression ends up: the variable, attribute or subscript it is assigned to, the keyword or
   * dictionary key it is passed as, or the function that returns it, followed through text conversions, joins,
   * formatting and hashes; empty when it is consumed by anything else (a comparison, a call, a loop).
   */
  public static Optional<Destination> destination(Expression expression) {
    Tree node = expression;
    while (node.parent() != null) {
      Tree parent = node.parent();
      if (parent instanceof AssignmentStatement assignment) {
        Expression target = assignment.lhsExpressions().get(assignment.lhsExpressions().size() - 1).expressions().get(0);
        return Secrets.nameOf(target).map(n -> new Destination(n, target));
      }
      if (parent instanceof CompoundAssignmentStatement compound) {
        return Secrets.nameOf(compound.lhsExpression()).map(n -> new Destination(n, compound.lhsExpression()));
      }
      if (parent instanceof AnnotatedAssignment annotated) {
        return Secrets.nameOf(annotated.variable()).map(n -> new Destination(n, annotated.variable()));
      }
      if (parent instanceof ReturnStatement) {
        FunctionDef function = Trees.enclosingFunction(parent);
        return function == null ? Optional.empty() : Optional.of(new Destination(function.name().name(), function.name()));
      }
      if (parent instanceof RegularArgument argument && argument.keywordArgument() != null) {
        return Optional.of(new Destination(argument.keywordArgument().name(), argument.keywordArgument()));
      }
      if (parent instanceof KeyValuePair pair) {
        return pair.value() == node ? Literals.stringValue(pair.key()).map(k -> new Destination(k, pair.key())) : Optional.empty();
      }
      if (parent instanceof CallExpression call && call.callee() != node && Fqns.calleeName(call).filter(PASS_THROUGH::contains).isEmpty()) {
        return Optional.empty();
      }
      if (parent instanceof Statement || parent instanceof FunctionDef || parent.is(Tree.Kind.LAMBDA, Tree.Kind.CLASSDEF, Tree.Kind.FILE_INPUT)
        || parent.is(Tree.Kind.COMPARISON, Tree.Kind.CONDITIONAL_EXPR)) {
        return Optional.empty();
      }
      node = parent;
    }
    return Optional.empty();
  }
}
