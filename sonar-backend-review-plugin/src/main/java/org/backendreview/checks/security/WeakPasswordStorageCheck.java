/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.security;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.backendreview.checks.BackendReviewCheck;
import org.backendreview.semantics.security.PasswordStorage;
import org.backendreview.semantics.security.Secrets;
import org.backendreview.semantics.security.SecurityApi;
import org.backendreview.tree.Arguments;
import org.backendreview.tree.Fqns;
import org.backendreview.tree.Literals;
import org.backendreview.tree.SourceText;
import org.backendreview.tree.TestCode;
import org.backendreview.tree.Trees;
import org.backendreview.tree.ValueResolver;
import org.sonar.check.Rule;
import org.sonar.plugins.python.api.SubscriptionContext;
import org.sonar.plugins.python.api.tree.AssignmentStatement;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.symbols.v2.UsageV2;
import org.sonar.plugins.python.api.tree.ClassDef;
import org.sonar.plugins.python.api.tree.Expression;
import org.sonar.plugins.python.api.tree.FunctionDef;
import org.sonar.plugins.python.api.tree.Name;
import org.sonar.plugins.python.api.tree.QualifiedExpression;
import org.sonar.plugins.python.api.tree.Tree;

/**
 * SEC-17 (password storage): a password hashed with a fast digest ({@code hashlib.md5/sha1/sha256(password)}, also
 * through {@code .update()}), with a weak passlib scheme ({@code md5_crypt}, {@code ldap_sha1}, {@code plaintext}...,
 * directly or as the first scheme of a {@code CryptContext}), or stored raw on a Django user
 * ({@code User.objects.create(password=password)}, {@code user.password = password} then {@code user.save()}) instead of
 * through {@code create_user()}/{@code set_password()}. Unlike SonarPython's S4790, which flags every md5/sha1 call, only
 * values the code names as passwords count, and only when the hash is stored ({@link PasswordStorage}: returned by a
 * {@code hash_password}-like helper, assigned to a password or hash attribute, key or model field): a digest of a
 * password used as a cache key, a checksum, a breached-password lookup or a login protocol's digest is not reported.
 */
@Rule(key = "WeakPasswordStorage")
public class WeakPasswordStorageCheck extends BackendReviewCheck {

  @Override
  protected void register(Context context) {
    context.registerSyntaxNodeConsumer(Tree.Kind.CALL_EXPR, WeakPasswordStorageCheck::checkCall);
    context.registerSyntaxNodeConsumer(Tree.Kind.ASSIGNMENT_STMT, WeakPasswordStorageCheck::checkAssignment);
  }

  private static void checkCall(SubscriptionContext ctx) {
    CallExpression call = (CallExpression) ctx.syntaxNode();
    FunctionDef function = Trees.enclosingFunction(call);
    if (function != null && TestCode.isTestScenario(function)) {
      return;
    }
    ClassDef owner = Trees.enclosingClass(call);
    if (owner != null && owner.name().name().endsWith("Hasher")) {
      // the implementation of a (legacy) password hasher, e.g. Django's MD5PasswordHasher
      return;
    }
    Optional<String> hash = SecurityApi.FAST_HASHES.calleeOf(call);
    if (hash.isPresent()) {
      Optional<Expression> data = SecurityApi.HASHLIB_NEW.contains(hash.get()) ? Arguments.value(call, 1, "data") : Arguments.value(call, 0, "data")
        .or(() -> Arguments.keyword(call, "string").map(a -> a.expression()));
      data.flatMap(WeakPasswordStorageCheck::password).filter(password -> PasswordStorage.isStored(call))
        .ifPresent(password -> reportFastHash(ctx, call, hash.get(), password));
      return;
    }
    if (Fqns.calleeName(call).filter("update"::equals).isPresent()) {
      Optional<Expression> receiver = Fqns.receiver(call).map(Trees::skipParentheses);
      if (receiver.isPresent() && receiver.get() instanceof Name name) {
        Optional<Expression> created = ValueResolver.singleAssignedValue(name);
        if (created.isPresent() && created.get() instanceof CallExpression constructor) {
          Optional<String> digest = SecurityApi.FAST_HASHES.calleeOf(constructor);
          if (digest.isPresent() && PasswordStorage.isDigestStored(name)) {
            Arguments.value(call, 0, null).flatMap(WeakPasswordStorageCheck::password)
              .ifPresent(password -> reportFastHash(ctx, call, digest.get(), password));
          }
        }
      }
      return;
    }
    checkPasslib(ctx, call);
    checkRawCreate(ctx, call);
  }

  private static void reportFastHash(SubscriptionContext ctx, CallExpression call, String digest, Expression password) {
    String function = digest.substring(digest.lastIndexOf('.') + 1);
    ctx.addIssue(call, "Hash \"" + SourceText.of(password) + "\" with a slow, salted password hasher (Django's make_password(), "
      + "argon2, bcrypt or hashlib.scrypt) instead of " + function + "(): fast hashes of leaked passwords are cracked in hours.")
      .secondary(password, "The password.");
  }

  private static void checkPasslib(SubscriptionContext ctx, CallExpression call) {
    Optional<String> method = Fqns.calleeName(call);
    Optional<Expression> receiver = Fqns.receiver(call);
    // hash()/encrypt() when the hash is stored; using() configures a handler that only hashes passwords
    if (method.filter(m -> "using".equals(m) || ("hash".equals(m) || "encrypt".equals(m)) && PasswordStorage.isStored(call)).isPresent()
      && receiver.isPresent() && SecurityApi.PASSLIB_WEAK_SCHEMES.matches(receiver.get())) {
      String scheme = Fqns.of(receiver.get()).map(f -> f.substring(f.lastIndexOf('.') + 1)).orElse("this scheme");
      ctx.addIssue(call, "Hash passwords with argon2 or bcrypt instead of passlib's \"" + scheme + "\": it is fast or unsalted, "
        + "so leaked hashes are cracked in hours.");
      return;
    }
    if (SecurityApi.PASSLIB_CRYPT_CONTEXT.isCalledBy(call) && Arguments.keyword(call, "default").isEmpty()) {
      Arguments.value(call, 0, "schemes").flatMap(Literals::collectionElements).filter(l -> !l.isEmpty()).map(l -> l.get(0))
        .ifPresent(first -> Literals.stringValue(first).filter(SecurityApi.PASSLIB_WEAK_SCHEME_NAMES::contains)
          .ifPresent(scheme -> ctx.addIssue(first, "Put \"argon2\" or \"bcrypt\" first in these schemes: new passwords are hashed with the "
            + "first one, and \"" + scheme + "\" is fast or unsalted.")));
    }
  }

  /** {@code User.objects.create(password=raw)} / {@code .update(password=raw)}: Django stores the value as given. */
  private static void checkRawCreate(SubscriptionContext ctx, CallExpression call) {
    Optional<String> method = Fqns.calleeName(call);
    Optional<Expression> manager = Fqns.receiver(call).map(Trees::skipParentheses);
    if (method.filter(m -> "create".equals(m) || "update".equals(m)).isEmpty() || manager.isEmpty()
      || !(manager.get() instanceof QualifiedExpression objects) || !"objects".equals(objects.name().name()) || !isUserModel(objects.qualifier())) {
      return;
    }
    Arguments.keyword(call, "password").ifPresent(argument -> {
      if (isRawPassword(argument.expression())) {
        ctx.addIssue(argument, "Use " + ("create".equals(method.get()) ? "create_user()" : "set_password() on each user")
          + " instead: " + method.get() + "() stores this password as given, in clear text, and the user cannot log in with it.");
      }
    });
  }

  private static void checkAssignment(SubscriptionContext ctx) {
    AssignmentStatement assignment = (AssignmentStatement) ctx.syntaxNode();
    if (assignment.lhsExpressions().size() != 1 || assignment.lhsExpressions().get(0).expressions().size() != 1
      || !(assignment.lhsExpressions().get(0).expressions().get(0) instanceof QualifiedExpression target)
      || !"password".equals(target.name().name()) || !(target.qualifier() instanceof Name user) || !isUserName(user.name())
      || !isRawPassword(assignment.assignedValue())) {
      return;
    }
    FunctionDef function = Trees.enclosingFunction(assignment);
    if (function == null || TestCode.isTestScenario(function)) {
      return;
    }
    AtomicReference<Tree> save = new AtomicReference<>();
    Trees.walk(function.body(), t -> !(t instanceof FunctionDef), t -> {
      if (save.get() == null && t instanceof CallExpression call && Fqns.calleeName(call).filter("save"::equals).isPresent()
        && Fqns.receiver(call).filter(r -> r instanceof Name n && n.name().equals(user.name())).isPresent()) {
        save.set(call);
      }
    });
    if (save.get() != null) {
      ctx.addIssue(assignment, "Use " + user.name() + ".set_password(" + SourceText.of(assignment.assignedValue()) + ") instead: this "
        + "stores the password in clear text, and the user cannot log in with it.")
        .secondary(save.get(), "Saved here.");
    }
  }

  /** The password-named value inside an expression ({@code password.encode()}, {@code salt + password}), if any. */
  private static Optional<Expression> password(Expression data) {
    AtomicReference<Expression> found = new AtomicReference<>();
    Trees.walk(data, t -> found.get() == null, t -> {
      if (found.get() == null && t instanceof Expression e && (e instanceof Name || e instanceof QualifiedExpression || e.is(Tree.Kind.SUBSCRIPTION)
        || e instanceof CallExpression) && !(t.parent() instanceof QualifiedExpression q && q.name() == t)
        && Secrets.nameOf(e).filter(Secrets::isPasswordName).isPresent()) {
        found.set(e);
      }
    });
    return Optional.ofNullable(found.get());
  }

  private static boolean isRawPassword(Expression value) {
    Expression e = Trees.skipParentheses(value);
    if (e instanceof CallExpression call) {
      // a getter (request.POST.get("password")) hands the raw value; any other call may hash it
      return Fqns.calleeName(call).filter(m -> "get".equals(m) || "getlist".equals(m) || "pop".equals(m)).isPresent()
        && Secrets.nameOf(e).filter(Secrets::isPasswordName).isPresent();
    }
    if (e instanceof Name name && Secrets.isPasswordName(name.name())) {
      // a parameter, or a value read from a request or a mapping: anything else (a tuple from encrypt(), a loop) may be a hash
      if (name.symbolV2() != null && name.symbolV2().getSingleBindingUsage().filter(u -> u.kind() == UsageV2.Kind.PARAMETER).isPresent()) {
        return true;
      }
      return ValueResolver.singleAssignedValue(name).filter(WeakPasswordStorageCheck::isRawPassword).isPresent();
    }
    return (e instanceof QualifiedExpression || e.is(Tree.Kind.SUBSCRIPTION)) && Secrets.nameOf(e).filter(Secrets::isPasswordName).isPresent();
  }

  private static boolean isUserModel(Expression model) {
    Expression e = Trees.skipParentheses(model);
    if (e instanceof CallExpression call) {
      return Fqns.calleeName(call).filter("get_user_model"::equals).isPresent();
    }
    return e instanceof Name name && isUserName(name.name());
  }

  private static boolean isUserName(String identifier) {
    return Secrets.words(identifier).stream().anyMatch(w -> "user".equals(w) || "account".equals(w) || "member".equals(w));
  }
}
