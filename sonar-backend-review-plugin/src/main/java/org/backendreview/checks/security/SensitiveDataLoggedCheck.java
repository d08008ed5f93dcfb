/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.backendreview.checks.BackendReviewCheck;
import org.backendreview.semantics.security.Loggers;
import org.backendreview.semantics.security.Secrets;
import org.backendreview.tree.Fqns;
import org.backendreview.tree.Literals;
import org.backendreview.tree.TestCode;
import org.backendreview.tree.Trees;
import org.sonar.check.Rule;
import org.sonar.plugins.python.api.SubscriptionContext;
import org.sonar.plugins.python.api.tree.Argument;
import org.sonar.plugins.python.api.tree.BinaryExpression;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.DictionaryLiteral;
import org.sonar.plugins.python.api.tree.Expression;
import org.sonar.plugins.python.api.tree.FormattedExpression;
import org.sonar.plugins.python.api.tree.FunctionDef;
import org.sonar.plugins.python.api.tree.KeyValuePair;
import org.sonar.plugins.python.api.tree.Name;
import org.sonar.plugins.python.api.tree.QualifiedExpression;
import org.sonar.plugins.python.api.tree.RegularArgument;
import org.sonar.plugins.python.api.tree.StringElement;
import org.sonar.plugins.python.api.tree.StringLiteral;
import org.sonar.plugins.python.api.tree.Tree;
import org.sonar.plugins.python.api.tree.Tuple;

/**
 * SEC-22: a log call (stdlib logging, structlog, loguru) that writes a secret: a value the code names a password, token,
 * secret, API key, {@code Authorization} header or credentials; a {@code SecretStr.get_secret_value()}; or a whole
 * request's headers, body, {@code META}, {@code POST} or cookies. Values reach the record as arguments, through
 * f-strings, {@code %} and {@code .format()}, {@code str()}/{@code repr()} and concatenation; a length, a hash, a flag or
 * a prefix of one ({@code len(token)}, {@code token[:6]}, {@code has_password}) does not count.
 */
@Rule(key = "SensitiveDataLogged")
public class SensitiveDataLoggedCheck extends BackendReviewCheck {

  /** The parts of a request that carry credentials as a whole. */
  private static final Set<String> WHOLE_REQUEST_PARTS = Set.of("headers", "META", "body", "POST", "COOKIES", "cookies", "data");
  private static final Set<String> REQUEST_NAMES = Set.of("request", "req");
  /** Keyword arguments of stdlib logging that are not logged values. */
  private static final Set<String> LOGGING_KEYWORDS = Set.of("exc_info", "stack_info", "stacklevel", "extra");
  /** Calls that pass their argument's text through. */
  private static final Set<String> PASS_THROUGH = Set.of("str", "repr", "dict", "list", "format");

  private record Leak(Tree location, String what) {
  }

  @Override
  protected void register(Context context) {
    context.registerSyntaxNodeConsumer(Tree.Kind.CALL_EXPR, SensitiveDataLoggedCheck::check);
  }

  private static void check(SubscriptionContext ctx) {
    CallExpression call = (CallExpression) ctx.syntaxNode();
    if (!Loggers.isLogCall(call)) {
      return;
    }
    FunctionDef function = Trees.enclosingFunction(call);
    if (function != null && TestCode.isTestScenario(function)) {
      return;
    }
    List<Leak> leaks = new ArrayList<>();
    for (Expression value : Loggers.loggedValues(call)) {
      collect(value, leaks);
    }
    for (Argument argument : call.arguments()) {
      if (argument instanceof RegularArgument regular && regular.keywordArgument() != null
        && !LOGGING_KEYWORDS.contains(regular.keywordArgument().name())) {
        if (Secrets.isSensitiveName(regular.keywordArgument().name()) && !isHarmless(regular.expression())) {
          leaks.add(new Leak(regular, regular.keywordArgument().name()));
        } else {
          collect(regular.expression(), leaks);
        }
      }
    }
    if (leaks.isEmpty()) {
      return;
    }
    Leak first = leaks.get(0);
    String message = first.what().startsWith("request.")
      ? "Log the fields you need instead of the whole \"" + first.what() + "\": it carries passwords, tokens, cookies or the Authorization header."
      : "Remove \"" + first.what() + "\" from this log message, or mask it: log records are stored, shipped and read by many people.";
    var issue = ctx.addIssue(first.location(), message);
    for (Leak other : leaks.subList(1, leaks.size())) {
      issue.secondary(other.location(), "\"" + other.what() + "\" is logged too.");
    }
  }

  private static void collect(Expression expression, List<Leak> leaks) {
    Expression e = Trees.skipParentheses(expression);
    if (e instanceof StringLiteral literal) {
      for (StringElement element : literal.stringElements()) {
        for (FormattedExpression formatted : element.formattedExpressions()) {
          collect(formatted.expression(), leaks);
        }
      }
      return;
    }
    if (e instanceof BinaryExpression binary && (e.is(Tree.Kind.MODULO) || e.is(Tree.Kind.PLUS))) {
      if (e.is(Tree.Kind.PLUS)) {
        collect(binary.leftOperand(), leaks);
      }
      collect(binary.rightOperand(), leaks);
      return;
    }
    if (e instanceof Tuple tuple) {
      tuple.elements().forEach(element -> collect(element, leaks));
      return;
    }
    if (e instanceof DictionaryLiteral dict) {
      dict.elements().forEach(element -> {
        if (element instanceof KeyValuePair pair) {
          Optional<String> key = Literals.stringValue(pair.key());
          if (key.filter(Secrets::isSensitiveName).isPresent() && !isHarmless(pair.value())) {
            leaks.add(new Leak(pair, key.get()));
          } else {
            collect(pair.value(), leaks);
          }
        }
      });
      return;
    }
    if (e instanceof CallExpression call) {
      Optional<String> callee = Fqns.calleeName(call);
      if (callee.filter("get_secret_value"::equals).isPresent()) {
        leaks.add(new Leak(call, Secrets.nameOf(call).map(n -> n + ".get_secret_value()").orElse("get_secret_value()")));
        return;
      }
      if (callee.filter(PASS_THROUGH::contains).isPresent()) {
        if ("format".equals(callee.get())) {
          Fqns.receiver(call).ifPresent(r -> collect(r, leaks));
        }
        call.arguments().forEach(a -> {
          if (a instanceof RegularArgument r) {
            collect(r.expression(), leaks);
          }
        });
        return;
      }
    }
    if (e instanceof QualifiedExpression q && WHOLE_REQUEST_PARTS.contains(q.name().name()) && isRequest(q.qualifier())) {
      leaks.add(new Leak(q, "request." + q.name().name()));
      return;
    }
    if (!isHarmless(e) && Secrets.nameOf(e).filter(Secrets::isSensitiveName).isPresent()) {
      leaks.add(new Leak(e, Trees.skipParentheses(e) instanceof CallExpression ? Secrets.nameOf(e).get() : org.backendreview.tree.SourceText.of(e)));
    }
  }

  /** Values that only look like secrets: literals, and calls other than getters (a hash, a mask, a length). */
  private static boolean isHarmless(Expression expression) {
    Expression e = Trees.skipParentheses(expression);
    if (e.is(Tree.Kind.STRING_LITERAL, Tree.Kind.NUMERIC_LITERAL, Tree.Kind.NONE) || Literals.booleanValue(e).isPresent()) {
      return true;
    }
    if (e instanceof CallExpression call) {
      Optional<String> callee = Fqns.calleeName(call);
      return callee.isEmpty() || !Set.of("get", "getenv", "getlist", "pop").contains(callee.get());
    }
    return !(e instanceof Name || e instanceof QualifiedExpression || e.is(Tree.Kind.SUBSCRIPTION));
  }

  private static boolean isRequest(Expression expression) {
    Expression e = Trees.skipParentheses(expression);
    if (e instanceof Name name) {
      return REQUEST_NAMES.contains(name.name());
    }
    return e instanceof QualifiedExpression q && "request".equals(q.name().name()) && q.qualifier() instanceof Name self && "self".equals(self.name());
  }
}
