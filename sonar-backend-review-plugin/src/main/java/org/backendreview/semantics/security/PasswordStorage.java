/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.semantics.security;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.backendreview.tree.Fqns;
import org.backendreview.tree.Literals;
import org.backendreview.tree.Trees;
import org.sonar.plugins.python.api.symbols.v2.SymbolV2;
import org.sonar.plugins.python.api.symbols.v2.UsageV2;
import org.sonar.plugins.python.api.tree.AssignmentStatement;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.DictionaryLiteral;
import org.sonar.plugins.python.api.tree.Expression;
import org.sonar.plugins.python.api.tree.FunctionDef;
import org.sonar.plugins.python.api.tree.KeyValuePair;
import org.sonar.plugins.python.api.tree.Name;
import org.sonar.plugins.python.api.tree.QualifiedExpression;
import org.sonar.plugins.python.api.tree.RegularArgument;
import org.sonar.plugins.python.api.tree.ReturnStatement;
import org.sonar.plugins.python.api.tree.SubscriptionExpression;
import org.sonar.plugins.python.api.tree.Tree;

/**
 * Where a value computed from a password ends up, to tell a stored password hash from a hash used for something else
 * (a cache key, a checksum, a breached-password lookup, a login protocol that wants a digest). A value is <b>stored</b>
 * when it (or its {@code .hexdigest()}, base64 encoding, a prefix concatenated to it) is
 * <ul>
 *   <li>returned by a function named for hashing a password ({@code hash_password}, {@code encrypt_password},
 *   {@code make_password}, {@code encode}, {@code set_password});</li>
 *   <li>assigned to an attribute or a key named for a password or a hash ({@code user.password = ...},
 *   {@code self.password_hash = ...}, {@code row["password"] = ...});</li>
 *   <li>passed as a password-named keyword to a model constructor or a persisting call ({@code User(password=...)},
 *   {@code .create(password=...)}, {@code .values(password_hash=...)}), or in a dict literal under a password key given
 *   to such a call;</li>
 *   <li>assigned to a local variable that is then stored in one of these ways (one step).</li>
 * </ul>
 */
public final class PasswordStorage {

  /** Calls that wrap a digest without changing what it is. */
  private static final Set<String> WRAPPERS = Set.of("b64encode", "urlsafe_b64encode", "encodebytes", "standard_b64encode", "hexlify",
    "str", "bytes", "force_str", "force_text", "smart_str", "force_bytes", "join", "format");
  /** Methods called on a digest or hash object that give the digest. */
  private static final Set<String> DIGEST_METHODS = Set.of("hexdigest", "digest", "decode", "encode", "upper", "lower", "strip");
  /** Calls that persist what they are given. */
  private static final Set<String> PERSISTING = Set.of("create", "update", "update_or_create", "get_or_create", "bulk_create", "save", "add",
    "insert", "values", "insert_one", "update_one", "update_many", "put", "set", "hset", "execute", "create_user", "set_password", "store",
    "write", "dump", "add_user", "update_user", "modify", "modify_s", "add_s");
  private static final Set<String> HASHING_VERBS = Set.of("hash", "hashed", "hashes", "encrypt", "encrypted", "crypt", "encode", "encoded",
    "make", "set", "store", "save", "generate", "gen", "new", "create", "salt", "salted", "digest");
  private static final Set<String> NOT_STORING = Set.of("check", "verify", "compare", "match", "matches", "validate", "validator", "pwned",
    "breach", "breached", "login", "logon", "authenticate", "auth", "cache", "key", "etag", "fingerprint", "checksum");

  private PasswordStorage() {
  }

  /** True when the value (a hash of a password) is stored, as defined above. */
  public static boolean isStored(Expression hash) {
    Expression value = outermost(hash);
    return storedHere(value) || storedThroughVariable(value);
  }

  /** The digest read from a hash object ({@code h.hexdigest()}) stored anywhere in the function that fed it. */
  public static boolean isDigestStored(Name hashObject) {
    SymbolV2 symbol = hashObject.symbolV2();
    if (symbol == null) {
      return false;
    }
    for (UsageV2 usage : symbol.usages()) {
      if (usage.tree().parent() instanceof QualifiedExpression q && q.qualifier() == usage.tree()
        && DIGEST_METHODS.contains(q.name().name()) && q.parent() instanceof CallExpression digest && digest.callee() == q && isStored(digest)) {
        return true;
      }
    }
    return false;
  }

  /** The expression the hash becomes: {@code md5(p)} in {@code "{MD5}" + b64encode(md5(p).digest()).decode()}. */
  static Expression outermost(Expression hash) {
    Tree current = hash;
    while (true) {
      Tree parent = current.parent();
      if (parent == null) {
        return (Expression) current;
      }
      if (parent.is(Tree.Kind.PARENTHESIZED, Tree.Kind.PLUS, Tree.Kind.MODULO, Tree.Kind.FORMATTED_EXPRESSION, Tree.Kind.STRING_ELEMENT,
        Tree.Kind.STRING_LITERAL)) {
        current = parent;
      } else if (parent instanceof QualifiedExpression q && q.qualifier() == current && DIGEST_METHODS.contains(q.name().name())
        && q.parent() instanceof CallExpression call && call.callee() == q) {
        current = call;
      } else if (parent instanceof RegularArgument argument && argument.keywordArgument() == null && parent.parent() != null
        && parent.parent().parent() instanceof CallExpression wrapper && Fqns.calleeName(wrapper).filter(WRAPPERS::contains).isPresent()) {
        current = wrapper;
      } else {
        return current instanceof Expression e ? e : hash;
      }
    }
  }

  private static boolean storedHere(Expression value) {
    Tree parent = value.parent();
    if (parent instanceof ReturnStatement) {
      FunctionDef function = Trees.enclosingFunction(value);
      return function != null && isHashingFunctionName(function.name().name());
    }
    if (parent instanceof RegularArgument argument && argument.keywordArgument() != null) {
      return isStoredName(argument.keywordArgument().name()) && argument.parent() != null
        && argument.parent().parent() instanceof CallExpression call && isPersisting(call);
    }
    if (parent instanceof KeyValuePair pair && pair.value() == value && parent.parent() instanceof DictionaryLiteral dict) {
      return Literals.stringValue(pair.key()).filter(PasswordStorage::isStoredName).isPresent() && dictPersisted(dict);
    }
    if (parent instanceof AssignmentStatement assignment && assignment.assignedValue() == value) {
      return assignment.lhsExpressions().stream().flatMap(l -> l.expressions().stream()).anyMatch(PasswordStorage::isStoringTarget);
    }
    return false;
  }

  private static boolean storedThroughVariable(Expression value) {
    if (!(value.parent() instanceof AssignmentStatement assignment) || assignment.assignedValue() != value
      || assignment.lhsExpressions().size() != 1 || assignment.lhsExpressions().get(0).expressions().size() != 1
      || !(assignment.lhsExpressions().get(0).expressions().get(0) instanceof Name variable) || variable.symbolV2() == null) {
      return false;
    }
    for (UsageV2 usage : variable.symbolV2().usages()) {
      if (!usage.isBindingUsage() && usage.tree() instanceof Name use && Trees.enclosingFunction(use) == Trees.enclosingFunction(value)
        && storedHere(outermost(use))) {
        return true;
      }
    }
    return false;
  }

  private static boolean dictPersisted(DictionaryLiteral dict) {
    Tree parent = dict.parent();
    if (parent instanceof RegularArgument && parent.parent() != null && parent.parent().parent() instanceof CallExpression call) {
      return isPersisting(call);
    }
    if (parent instanceof AssignmentStatement assignment && assignment.lhsExpressions().size() == 1
      && assignment.lhsExpressions().get(0).expressions().size() == 1 && assignment.lhsExpressions().get(0).expressions().get(0) instanceof Name name
      && name.symbolV2() != null) {
      for (UsageV2 usage : name.symbolV2().usages()) {
        if (!usage.isBindingUsage() && usage.tree().parent() instanceof RegularArgument argument && argument.parent() != null
          && argument.parent().parent() instanceof CallExpression call && isPersisting(call)) {
          return true;
        }
      }
    }
    return false;
  }

  /** {@code user.password = ...}, {@code self.pw_hash = ...}, {@code row["password"] = ...}. */
  private static boolean isStoringTarget(Expression target) {
    if (target instanceof QualifiedExpression qualified) {
      return isStoredName(qualified.name().name());
    }
    if (target instanceof SubscriptionExpression subscription && subscription.subscripts().expressions().size() == 1) {
      return Literals.stringValue(subscription.subscripts().expressions().get(0)).filter(PasswordStorage::isStoredName).isPresent();
    }
    return false;
  }

  private static boolean isStoredName(String name) {
    List<String> words = Secrets.words(name);
    return (Secrets.isPasswordName(name) || words.contains("hash") || words.contains("hashed") || words.contains("pwhash"))
      && words.stream().noneMatch(NOT_STORING::contains);
  }

  /** A model constructor ({@code User(...)}: a capitalised callee) or a call named for persisting. */
  private static boolean isPersisting(CallExpression call) {
    Optional<String> name = Fqns.calleeName(call);
    return name.isPresent() && (PERSISTING.contains(name.get()) || Character.isUpperCase(name.get().charAt(0)));
  }

  /** {@code hash_password}, {@code encrypt_pw}, {@code make_password}, {@code encode}, {@code _salted_hash}. */
  public static boolean isHashingFunctionName(String name) {
    List<String> words = Secrets.words(name.toLowerCase(Locale.ROOT));
    if (words.stream().anyMatch(NOT_STORING::contains)) {
      return false;
    }
    boolean verb = words.stream().anyMatch(HASHING_VERBS::contains);
    return verb && (Secrets.isPasswordName(name) || words.size() == 1 || words.contains("hash") || words.contains("encrypt"));
  }
}
