/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.semantics.asyncio;

import java.util.Optional;
import org.backendreview.semantics.project.ModuleSources;
import org.backendreview.semantics.project.ModuleSummary;
import org.backendreview.semantics.project.ModuleSummary.CallSite;
import org.backendreview.semantics.project.ModuleSummary.ClassSummary;
import org.backendreview.semantics.project.ModuleSummary.MethodSummary;
import org.backendreview.semantics.project.ProjectCallees;
import org.backendreview.tree.Trees;
import org.sonar.plugins.python.api.LocationInFile;
import org.sonar.plugins.python.api.SubscriptionContext;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.Expression;
import org.sonar.plugins.python.api.tree.QualifiedExpression;
import org.sonar.plugins.python.api.types.v2.ClassType;
import org.sonar.plugins.python.api.types.v2.FunctionType;

/**
 * Sync password helpers of other project modules ({@code auth.verify_password()} calling {@code pwd_context.verify()},
 * {@code bcrypt.checkpw()} or {@code hashlib.pbkdf2_hmac()}), read from their module's {@link ModuleSummary}: the calls
 * the helper makes in its own body, resolved through that module's imports, and one more level of top-level functions
 * of the same module. A hasher object is recognised when it is a module-level assignment of that module
 * ({@code pwd_context = CryptContext(...)}). Unknown stays empty.
 */
public final class PasswordHelpers {

  private static final int MAX_DEPTH = 2;

  private PasswordHelpers() {
  }

  /** A password hashing found in another module's sync helper this call runs. */
  public record Found(String helper, String hashing) {
  }

  /**
   * The password hashing that the sync top-level function of another module called here runs, or the sync method of a
   * class of another module ({@code AuthService.verify_password(...)} on the class, {@code service.verify(...)} on an
   * instance built here or by a factory of that module), or empty.
   */
  public static Optional<Found> of(CallExpression call, SubscriptionContext ctx) {
    Expression callee = Trees.skipParentheses(call.callee());
    if (callee instanceof QualifiedExpression method && !(callee.typeV2() instanceof FunctionType f && f.isAsynchronous())) {
      Optional<Found> found = Trees.skipParentheses(method.qualifier()).typeV2() instanceof ClassType owner
        ? ofClassMethod(owner, method.name().name(), ctx) : ofMethod(method, ctx);
      if (found.isPresent()) {
        return found;
      }
    }
    if (!(callee.typeV2() instanceof FunctionType function) || function.isAsynchronous()) {
      return Optional.empty();
    }
    LocationInFile location = function.definitionLocation().orElse(null);
    if (location == null || location.fileId() == null || location.fileId().equals(ctx.pythonFile().key())) {
      // same module: the check follows the trees itself
      return Optional.empty();
    }
    return ModuleSources.summaryAt(location, ctx)
      .filter(module -> module.functions().containsKey(function.name())
        && module.functions().get(function.name()).nameRange().line() == location.startLine())
      .flatMap(module -> hashingIn(module, function.name(), 1))
      .map(hashing -> new Found(function.name() + "()", hashing));
  }

  /** {@code AuthService.verify_password(...)}: a method called on a class of another module. */
  private static Optional<Found> ofClassMethod(ClassType owner, String method, SubscriptionContext ctx) {
    LocationInFile location = owner.definitionLocation().orElse(null);
    if (location == null || location.fileId() == null || location.fileId().equals(ctx.pythonFile().key())) {
      return Optional.empty();
    }
    return ModuleSources.summaryAt(location, ctx)
      .flatMap(module -> module.classAt(owner.name(), location.startLine()).flatMap(c -> methodHashing(module, c, method, 1)))
      .map(hashing -> new Found(owner.name() + "." + method + "()", hashing));
  }

  /** {@code service.verify(...)} on an instance of a class of another module ({@link ProjectCallees#instanceOf}). */
  private static Optional<Found> ofMethod(QualifiedExpression method, SubscriptionContext ctx) {
    return ProjectCallees.instanceOf(method.qualifier(), ctx)
      .filter(instance -> !instance.module().fileId().equals(ctx.pythonFile().key()))
      .flatMap(instance -> methodHashing(instance.module(), instance.module().classes().get(instance.className()), method.name().name(), 1)
        .map(hashing -> new Found(instance.className() + "." + method.name().name() + "()", hashing)));
  }

  /**
   * The password hashing a sync method of the class runs in its own body: a hashing function, a hasher object of the
   * module ({@code pwd_context.verify}) or of the class ({@code self.pwd_context.verify}, {@code cls.hasher.hash} with the
   * object a class attribute or set in {@code __init__}), or through another method of the class or a top-level
   * function of the module (one more level).
   */
  private static Optional<String> methodHashing(ModuleSummary module, ClassSummary owner, String method, int depth) {
    MethodSummary summary = owner == null ? null : owner.methods().get(method);
    if (summary == null || summary.decorators().stream().map(ModuleSummary::decoratorText).anyMatch("property"::equals)) {
      return Optional.empty();
    }
    String receiver = summary.parameters().isEmpty() ? null : summary.parameters().get(0);
    for (CallSite site : module.callsIn(owner.name() + "." + method)) {
      String callee = site.callee();
      if ("?".equals(callee)) {
        continue;
      }
      Optional<String> found = BlockingCalls.passwordHashingFunction(module.resolve(callee));
      if (found.isEmpty()) {
        found = hasherMethod(module, callee);
      }
      String[] parts = callee.split("\\.");
      boolean onOwner = parts.length > 1 && (parts[0].equals(receiver) || parts[0].equals(owner.name()));
      if (found.isEmpty() && onOwner && parts.length == 3) {
        found = classHasher(module, owner, parts[1], parts[2]);
      }
      if (found.isEmpty() && depth < MAX_DEPTH && onOwner && parts.length == 2 && !parts[1].equals(method)) {
        found = methodHashing(module, owner, parts[1], depth + 1);
      }
      if (found.isEmpty() && depth < MAX_DEPTH && parts.length == 1 && module.functions().containsKey(callee) && !module.imports().containsKey(callee)) {
        found = hashingIn(module, callee, depth + 1);
      }
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  /** {@code self.pwd_context.verify}: the hasher a class attribute or {@code __init__} holds. */
  private static Optional<String> classHasher(ModuleSummary module, ClassSummary owner, String attribute, String method) {
    ModuleSummary.Value value = owner.attributes().containsKey(attribute) ? owner.attributes().get(attribute).value()
      : module.attributesSetInInit(owner.name()).get(attribute);
    if (value instanceof ModuleSummary.Call constructor) {
      return BlockingCalls.passwordHasherMethod(module.resolve(constructor.callee()), method);
    }
    if (value instanceof ModuleSummary.Dotted object && !object.text().contains(".")) {
      // pwd_context = CryptContext(...) at module level, kept as an attribute
      return hasherMethod(module, object.text() + "." + method);
    }
    return Optional.empty();
  }

  private static Optional<String> hashingIn(ModuleSummary module, String function, int depth) {
    for (CallSite site : module.callsIn(function)) {
      if ("?".equals(site.callee())) {
        continue;
      }
      Optional<String> direct = BlockingCalls.passwordHashingFunction(module.resolve(site.callee()));
      if (direct.isEmpty()) {
        direct = hasherMethod(module, site.callee());
      }
      if (direct.isPresent()) {
        return direct;
      }
      if (depth < MAX_DEPTH && !site.callee().contains(".") && !site.callee().equals(function)
        && module.functions().containsKey(site.callee()) && !module.imports().containsKey(site.callee())) {
        Optional<String> deeper = hashingIn(module, site.callee(), depth + 1);
        if (deeper.isPresent()) {
          return deeper;
        }
      }
    }
    return Optional.empty();
  }

  /** {@code pwd_context.verify} with {@code pwd_context = CryptContext(...)} assigned once at module level. */
  private static Optional<String> hasherMethod(ModuleSummary module, String callee) {
    int dot = callee.indexOf('.');
    if (dot <= 0 || callee.indexOf('.', dot + 1) >= 0) {
      return Optional.empty();
    }
    String object = callee.substring(0, dot);
    if (module.assignmentsOf(object).size() != 1 || !(module.assignments().get(object).value() instanceof ModuleSummary.Call constructor)) {
      return Optional.empty();
    }
    return BlockingCalls.passwordHasherMethod(module.resolve(constructor.callee()), callee.substring(dot + 1));
  }
}
