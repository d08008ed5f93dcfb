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
import org.backendreview.tree.Trees;
import org.backendreview.tree.ValueResolver;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.Expression;
import org.sonar.plugins.python.api.tree.Name;
import org.sonar.plugins.python.api.tree.QualifiedExpression;

/**
 * Log calls of the standard library's {@code logging}, structlog and loguru: {@code logging.info(...)},
 * {@code logger.warning(...)} on a logger from {@code logging.getLogger}/{@code structlog.get_logger}/loguru's
 * {@code logger}, or on a receiver the code calls a logger ({@code log}, {@code logger}, {@code self.logger},
 * {@code LOG}).
 */
public final class Loggers {

  /** The logging methods of the three libraries. */
  private static final Set<String> LOG_METHODS = Set.of("debug", "info", "warning", "warn", "error", "exception", "critical", "fatal", "log",
    "msg", "trace", "success");

  private Loggers() {
  }

  /** True when the call writes a log record. */
  public static boolean isLogCall(CallExpression call) {
    if (SecurityApi.LOGGING_FUNCTIONS.isCalledBy(call)) {
      return true;
    }
    Optional<String> method = Fqns.calleeName(call);
    Optional<Expression> receiver = Fqns.receiver(call).map(Trees::skipParentheses);
    if (method.filter(LOG_METHODS::contains).isEmpty() || receiver.isEmpty()) {
      return false;
    }
    return isLogger(receiver.get());
  }

  /** The message and values a log call formats: its positional arguments ({@code log(level, msg, ...)} skips the level). */
  public static List<Expression> loggedValues(CallExpression call) {
    List<Expression> values = call.arguments().stream()
      .filter(a -> a instanceof org.sonar.plugins.python.api.tree.RegularArgument r && r.keywordArgument() == null)
      .map(a -> ((org.sonar.plugins.python.api.tree.RegularArgument) a).expression())
      .toList();
    if (Fqns.calleeName(call).filter("log"::equals).isPresent() && !values.isEmpty()) {
      return values.subList(1, values.size());
    }
    return values;
  }

  private static boolean isLogger(Expression receiver) {
    if (Fqns.of(receiver).filter(SecurityApi.LOGGER_OBJECTS::contains).isPresent()) {
      return true;
    }
    if (receiver instanceof CallExpression call) {
      return SecurityApi.LOGGER_FACTORIES.isCalledBy(call);
    }
    if (receiver instanceof Name name) {
      Optional<Expression> value = ValueResolver.singleAssignedValue(name);
      if (value.isPresent() && value.get() instanceof CallExpression factory && SecurityApi.LOGGER_FACTORIES.isCalledBy(factory)) {
        return true;
      }
    }
    String identifier = receiver instanceof Name n ? n.name() : receiver instanceof QualifiedExpression q ? q.name().name() : null;
    if (identifier == null) {
      return false;
    }
    List<String> words = Secrets.words(identifier);
    return !words.isEmpty() && ("log".equals(words.get(words.size() - 1)) || "logger".equals(words.get(words.size() - 1)));
  }
}
