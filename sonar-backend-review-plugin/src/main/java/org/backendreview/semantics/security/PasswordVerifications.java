/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.semantics.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.backendreview.semantics.asyncio.BlockingCalls;
import org.backendreview.tree.Fqns;
import org.backendreview.tree.Trees;
import org.sonar.plugins.python.api.tree.Argument;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.Expression;
import org.sonar.plugins.python.api.tree.Name;
import org.sonar.plugins.python.api.tree.QualifiedExpression;
import org.sonar.plugins.python.api.tree.RegularArgument;

/**
 * Password verification and hashing calls: the library ones ({@code bcrypt.checkpw}, passlib's
 * {@code CryptContext.verify}, argon2's {@code PasswordHasher.verify}, Django's {@code check_password}, werkzeug's
 * {@code check_password_hash}: {@link BlockingCalls#passwordHashing}), Django's {@code user.check_password(raw)}, and the
 * application's own helpers by their conventional names ({@code verify_password(plain, hashed)}).
 */
public final class PasswordVerifications {

  /** Names of functions and methods that check a password against a stored hash. */
  private static final Set<String> VERIFY_NAMES = Set.of("check_password", "verify_password", "check_password_hash", "checkpw",
    "verify_and_update", "verify_hash", "verify_secret", "password_matches", "check_pass", "check_passwd", "verify_pass", "validate_password_hash");
  private static final Set<String> VERIFY_METHODS = Set.of("verify", "verify_and_update", "checkpw");

  private PasswordVerifications() {
  }

  /** True when the call checks a password against a stored hash. */
  public static boolean isVerification(CallExpression call) {
    Optional<String> name = Fqns.calleeName(call);
    if (name.isEmpty()) {
      return false;
    }
    if (VERIFY_NAMES.contains(name.get())) {
      return true;
    }
    return VERIFY_METHODS.contains(name.get()) && BlockingCalls.passwordHashing(call).isPresent();
  }

  /**
   * True when the call costs what a password check costs: a verification, a library hashing call, or a helper named like
   * one ({@code hash_password}, {@code make_password}, {@code set_password}, {@code dummy_verify}): what a login does
   * for an unknown account to answer as slowly as for a known one.
   */
  public static boolean isHashingWork(CallExpression call) {
    if (isVerification(call) || BlockingCalls.passwordHashing(call).isPresent()) {
      return true;
    }
    Optional<String> name = Fqns.calleeName(call);
    return name.filter(n -> n.contains("hash") || n.contains("dummy") || n.contains("password") || n.contains("verify")
      || n.contains("crypt") || n.contains("pbkdf2")).isPresent();
  }

  /** The names a verification call reads: its arguments and the receiver of a method ({@code user} in {@code user.check_password(pw)}). */
  public static List<Name> namesRead(CallExpression call) {
    List<Name> names = new ArrayList<>();
    Fqns.receiver(call).ifPresent(receiver -> rootName(receiver).ifPresent(names::add));
    for (Argument argument : call.arguments()) {
      if (argument instanceof RegularArgument regular) {
        rootName(regular.expression()).ifPresent(names::add);
      }
    }
    return names;
  }

  private static Optional<Name> rootName(Expression expression) {
    Expression current = Trees.skipParentheses(expression);
    while (current instanceof QualifiedExpression qualified) {
      current = Trees.skipParentheses(qualified.qualifier());
    }
    return current instanceof Name name ? Optional.of(name) : Optional.empty();
  }
}
