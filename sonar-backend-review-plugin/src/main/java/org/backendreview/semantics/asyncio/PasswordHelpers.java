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
import org.backendreview.tree.Trees;
import org.sonar.plugins.python.api.LocationInFile;
import org.sonar.plugins.python.api.SubscriptionContext;
import org.sonar.plugins.python.api.tree.CallExpression;
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

  /** The password hashing that the sync top-level function of another module called here runs, or empty. */
  public static Optional<Found> of(CallExpression call, SubscriptionContext ctx) {
    if (!(Trees.skipParentheses(call.callee()).typeV2() instanceof FunctionType function) || function.isAsynchronous()) {
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
