/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.semantics.fastapi;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.backendreview.semantics.project.AnalysisContext;
import org.backendreview.tree.Arguments;
import org.backendreview.tree.Fqns;
import org.backendreview.tree.Literals;
import org.backendreview.tree.Trees;
import org.backendreview.tree.ValueResolver;
import org.sonar.plugins.python.api.SubscriptionContext;
import org.sonar.plugins.python.api.tree.Argument;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.DictionaryLiteral;
import org.sonar.plugins.python.api.tree.Expression;
import org.sonar.plugins.python.api.tree.FileInput;
import org.sonar.plugins.python.api.tree.KeyValuePair;
import org.sonar.plugins.python.api.tree.Name;
import org.sonar.plugins.python.api.tree.QualifiedExpression;
import org.sonar.plugins.python.api.tree.RegularArgument;
import org.sonar.plugins.python.api.tree.Tree;
import org.sonar.plugins.python.api.types.v2.ClassType;
import org.sonar.plugins.python.api.types.v2.PythonType;
import org.sonar.plugins.python.api.types.v2.TypeWrapper;

/**
 * The exception handlers of the FastAPI/Starlette applications created in one module: {@code FastAPI(exception_handlers=
 * {...})}, {@code app.add_exception_handler(Exc, handler)} and {@code @app.exception_handler(Exc)} anywhere in the module.
 *
 * <p>The view is the module's only (the plugin API has no project-wide pass that runs before the checks): an application
 * is "open" (its handlers unknown) when the module hands it to code it cannot see — the application is passed to a call
 * ({@code register_handlers(app)}, {@code setup(app)}; {@code uvicorn.run} and {@code TestClient} excepted), gets a
 * middleware other than Starlette's and FastAPI's stock ones (a middleware may turn exceptions into responses), or its
 * {@code exception_handlers} mapping is written directly — and every application is open when a registration's receiver
 * cannot be resolved. Registrations from modules that import the application are not seen.
 */
public final class FastApiExceptionHandlers {

  private static final Set<String> APP_CLASSES = Set.of("fastapi.FastAPI", "fastapi.applications.FastAPI", "starlette.applications.Starlette");
  private static final Set<String> HARMLESS_CONSUMERS = Set.of("uvicorn.run", "uvicorn.main.run", "fastapi.testclient.TestClient",
    "starlette.testclient.TestClient", "httpx.ASGITransport", "httpx._transports.asgi.ASGITransport");
  private static final String STOCK_MIDDLEWARE_PREFIX = "starlette.middleware.";
  private static final String FASTAPI_MIDDLEWARE_PREFIX = "fastapi.middleware.";

  private final Map<CallExpression, Set<String>> handled = new IdentityHashMap<>();
  private final Set<CallExpression> open = new HashSet<>();
  private boolean allOpen;

  private FastApiExceptionHandlers() {
  }

  /** The handlers of the applications created in this module (from the calls of the file's analysis context). */
  public static FastApiExceptionHandlers of(FileInput file, ValueResolver resolver, SubscriptionContext ctx) {
    FastApiExceptionHandlers result = new FastApiExceptionHandlers();
    AnalysisContext context = AnalysisContext.of(file);
    List<CallExpression> calls = context.calls();
    result.allOpen = context.qualifiedExpressions().stream().anyMatch(qualified -> "exception_handlers".equals(qualified.name().name()));
    for (CallExpression call : calls) {
      if (isAppCreation(call)) {
        result.visitCreation(call);
      }
    }
    for (CallExpression call : calls) {
      result.visitCall(call, resolver, ctx);
    }
    return result;
  }

  /** True for {@code FastAPI(...)} and {@code Starlette(...)}. */
  public static boolean isAppCreation(Expression expression) {
    return Trees.skipParentheses(expression) instanceof CallExpression call && Fqns.ofCallee(call).filter(APP_CLASSES::contains).isPresent();
  }

  /** The application created in this module that the expression holds ({@code app} in {@code @app.get}), or null. */
  public static CallExpression application(Expression expression, ValueResolver resolver, SubscriptionContext ctx) {
    List<Expression> values = resolver.origins(expression, ctx);
    return values.size() == 1 && isAppCreation(values.get(0)) ? (CallExpression) Trees.skipParentheses(values.get(0)) : null;
  }

  /**
   * The FQNs of the exception classes the application handles (normalised, {@code builtins.} removed); empty when its
   * handlers are not all known.
   */
  public Optional<Set<String>> handledBy(CallExpression application) {
    if (allOpen || open.contains(application) || !handled.containsKey(application)) {
      return Optional.empty();
    }
    return Optional.of(handled.get(application));
  }

  private void visitCreation(CallExpression creation) {
    handled.put(creation, new HashSet<>());
    if (Arguments.hasKeywordUnpacking(creation) || Arguments.keyword(creation, "middleware").isPresent()) {
      open.add(creation);
    }
    Optional<Expression> mapping = Arguments.keyword(creation, "exception_handlers").map(RegularArgument::expression);
    if (mapping.isEmpty()) {
      return;
    }
    if (!(Trees.skipParentheses(mapping.get()) instanceof DictionaryLiteral dict)) {
      open.add(creation);
      return;
    }
    for (Tree element : dict.elements()) {
      if (!(element instanceof KeyValuePair pair)) {
        open.add(creation);
      } else {
        register(creation, pair.key());
      }
    }
  }

  private void visitCall(CallExpression call, ValueResolver resolver, SubscriptionContext ctx) {
    String method = Fqns.calleeName(call).orElse("");
    Optional<Expression> receiver = Fqns.receiver(call);
    if (receiver.isPresent() && ("add_exception_handler".equals(method) || "exception_handler".equals(method))) {
      CallExpression app = application(receiver.get(), resolver, ctx);
      Optional<Expression> exception = Arguments.value(call, 0, "exc_class_or_status_code");
      if (app == null) {
        allOpen = true;
      } else if (exception.isEmpty()) {
        open.add(app);
      } else {
        register(app, exception.get());
      }
      return;
    }
    if (receiver.isPresent() && ("add_middleware".equals(method) || "middleware".equals(method))) {
      CallExpression app = application(receiver.get(), resolver, ctx);
      if (app != null && !("add_middleware".equals(method) && isStockMiddleware(Arguments.value(call, 0, "middleware_class")))) {
        open.add(app);
      }
      return;
    }
    if (Fqns.ofCallee(call).filter(HARMLESS_CONSUMERS::contains).isPresent()) {
      return;
    }
    for (Argument argument : call.arguments()) {
      if (argument instanceof RegularArgument regular && Trees.skipParentheses(regular.expression()) instanceof Name name) {
        CallExpression app = application(name, resolver, ctx);
        if (app != null) {
          open.add(app);
        }
      }
    }
  }

  private static boolean isStockMiddleware(Optional<Expression> middleware) {
    return middleware.flatMap(Fqns::of).filter(f -> f.startsWith(STOCK_MIDDLEWARE_PREFIX) || f.startsWith(FASTAPI_MIDDLEWARE_PREFIX)).isPresent();
  }

  /** A handled class, by FQN; status-code handlers do not handle exceptions; an unresolved class opens the application. */
  private void register(CallExpression app, Expression exception) {
    if (Literals.isNumber(exception) || isStatusConstant(exception)) {
      return;
    }
    Optional<String> fqn = Fqns.of(exception);
    if (fqn.isEmpty()) {
      open.add(app);
      return;
    }
    handled.get(app).add(normalise(fqn.get()));
  }

  private static boolean isStatusConstant(Expression expression) {
    return Fqns.of(expression).filter(f -> f.startsWith("starlette.status.") || f.startsWith("fastapi.status.") || f.startsWith("http.HTTPStatus"))
      .isPresent();
  }

  /**
   * The FQNs of the class and all its bases, normalised; empty when one of them is not a resolved class (so a handler
   * for it could not be recognised).
   */
  public static Optional<List<String>> hierarchy(PythonType type) {
    List<String> result = new ArrayList<>();
    List<PythonType> toVisit = new ArrayList<>(List.of(type));
    Set<PythonType> visited = new HashSet<>();
    while (!toVisit.isEmpty()) {
      PythonType current = toVisit.remove(toVisit.size() - 1);
      if (!visited.add(current)) {
        continue;
      }
      if (!(current instanceof ClassType classType) || classType.fullyQualifiedName() == null || visited.size() > 50) {
        return Optional.empty();
      }
      result.add(normalise(classType.fullyQualifiedName()));
      for (TypeWrapper superClass : classType.superClasses()) {
        toVisit.add(superClass.type());
      }
    }
    return Optional.of(result);
  }

  private static String normalise(String fqn) {
    return fqn.startsWith("builtins.") ? fqn.substring("builtins.".length()) : fqn;
  }
}
