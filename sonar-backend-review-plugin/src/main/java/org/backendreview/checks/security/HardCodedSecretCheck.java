/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.security;

import java.util.List;
import java.util.Optional;
import org.backendreview.checks.BackendReviewCheck;
import org.backendreview.semantics.fastapi.Pydantic;
import org.backendreview.semantics.fastapi.Pydantic.ModelField;
import org.backendreview.semantics.fastapi.PydanticApi;
import org.backendreview.semantics.python.EnvironmentReads;
import org.backendreview.semantics.python.EnvironmentReads.EnvRead;
import org.backendreview.semantics.security.Secrets;
import org.backendreview.semantics.security.SecurityApi;
import org.backendreview.tree.Arguments;
import org.backendreview.tree.Fqns;
import org.backendreview.tree.TestCode;
import org.backendreview.tree.Trees;
import org.backendreview.tree.ValueResolver;
import org.sonar.check.Rule;
import org.sonar.plugins.python.api.SubscriptionContext;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.ClassDef;
import org.sonar.plugins.python.api.tree.Expression;
import org.sonar.plugins.python.api.tree.FunctionDef;
import org.sonar.plugins.python.api.tree.Name;
import org.sonar.plugins.python.api.tree.StringElement;
import org.sonar.plugins.python.api.tree.StringLiteral;
import org.sonar.plugins.python.api.tree.SubscriptionExpression;
import org.sonar.plugins.python.api.tree.Tree;

/**
 * SEC-12: hard-coded secrets outside Django settings, where the value is known to be one: a Pydantic {@code BaseSettings}
 * field typed {@code SecretStr} or named like a secret with a literal default (production silently runs with it when the
 * environment variable is missing), and a literal key given to {@code jwt.encode}/{@code jwt.decode} or
 * {@code hmac.new}/{@code hmac.digest} (whoever reads the code can mint tokens or forge signatures), and a literal
 * fallback of an environment read named like a secret ({@code os.getenv("API_KEY", "sk_live...")}). Placeholders
 * ({@code "changeme"}, {@code "<secret>"}, {@code "${KEY}"}), empty strings and test code stay silent. URLs with a
 * password and secret-named variables are left to SonarPython's S2068/S6418.
 */
@Rule(key = "HardCodedSecret")
public class HardCodedSecretCheck extends BackendReviewCheck {

  @Override
  protected void register(Context context) {
    context.registerSyntaxNodeConsumer(Tree.Kind.CLASSDEF, HardCodedSecretCheck::checkSettings);
    context.registerSyntaxNodeConsumer(Tree.Kind.CALL_EXPR, HardCodedSecretCheck::checkKeyArgument);
  }

  private static void checkSettings(SubscriptionContext ctx) {
    ClassDef classDef = (ClassDef) ctx.syntaxNode();
    if (!Pydantic.isSettingsClassDef(classDef) || TestCode.isTestClass(classDef)) {
      return;
    }
    for (ModelField field : Pydantic.fields(classDef)) {
      if (field.defaultValue() == null || !(isSecretType(field.annotation()) || Secrets.isSecretName(field.name().name()))) {
        continue;
      }
      Expression value = field.defaultValue();
      if (Pydantic.isFieldCall(value)) {
        CallExpression fieldCall = (CallExpression) Trees.skipParentheses(value);
        Optional<Expression> fieldDefault = Pydantic.keyword(fieldCall, "default")
          .or(() -> Arguments.positional(fieldCall, 0).map(a -> a.expression()));
        if (fieldDefault.isEmpty()) {
          continue;
        }
        value = fieldDefault.get();
      }
      Expression literal = Trees.skipParentheses(value);
      if (literal instanceof CallExpression wrap && Fqns.ofCallee(wrap).filter(PydanticApi.SECRET_TYPES::contains).isPresent()) {
        literal = Arguments.positional(wrap, 0).map(a -> Trees.skipParentheses(a.expression())).orElse(literal);
      }
      if (literalSecret(literal).isPresent()) {
        ctx.addIssue(literal, "Remove this default from \"" + field.name().name() + "\" and make the field required: with a secret in the "
          + "code, a deployment that misses the environment variable silently runs with a key everyone who reads the repository knows.")
          .secondary(classDef.name(), "Settings class");
      }
    }
  }

  private static void checkKeyArgument(SubscriptionContext ctx) {
    CallExpression call = (CallExpression) ctx.syntaxNode();
    String what;
    Optional<Expression> key;
    if (SecurityApi.JWT_ENCODE.isCalledBy(call) || SecurityApi.JWT_DECODE.isCalledBy(call)) {
      what = SecurityApi.JWT_ENCODE.isCalledBy(call) ? "JWT signing key" : "JWT verification key";
      key = Arguments.value(call, 1, "key");
    } else if (SecurityApi.HMAC_KEYED.isCalledBy(call)) {
      what = "HMAC key";
      key = Arguments.value(call, 0, "key");
    } else {
      checkEnvironmentFallback(ctx, call);
      return;
    }
    FunctionDef function = Trees.enclosingFunction(call);
    if (key.isEmpty() || function != null && TestCode.isTestScenario(function)) {
      return;
    }
    Expression argument = Trees.skipParentheses(key.get());
    Expression literal = argument;
    if (argument instanceof Name name) {
      Optional<Expression> assigned = ValueResolver.singleAssignedValue(name);
      if (assigned.isEmpty()) {
        return;
      }
      literal = Trees.skipParentheses(assigned.get());
    }
    if (literalSecret(literal).isEmpty()) {
      return;
    }
    var issue = ctx.addIssue(argument, "Load this " + what + " from the environment or a secret store: whoever reads the code can "
      + (what.startsWith("HMAC") ? "forge signatures." : "mint valid tokens."));
    if (literal != argument) {
      issue.secondary(literal, "The key is hard-coded here.");
    }
  }

  /** {@code os.getenv("JWT_SECRET", "literal")}: the fallback is the secret whenever the variable is missing. */
  private static void checkEnvironmentFallback(SubscriptionContext ctx, CallExpression call) {
    Optional<EnvRead> read = EnvironmentReads.of(call);
    if (read.isEmpty() || read.get().variable().isEmpty() || read.get().defaultValue().isEmpty()) {
      return;
    }
    String variable = read.get().variable().get();
    // Django's SECRET_KEY fallback is FailOpenSettingsDefault's
    if (!Secrets.isSecretName(variable) || Secrets.words(variable).equals(List.of("secret", "key"))
      || Secrets.words(variable).equals(List.of("django", "secret", "key"))) {
      return;
    }
    FunctionDef function = Trees.enclosingFunction(call);
    Expression fallback = Trees.skipParentheses(read.get().defaultValue().get());
    if (function != null && TestCode.isTestScenario(function) || literalSecret(fallback).isEmpty()) {
      return;
    }
    ctx.addIssue(fallback, "Remove this fallback for \"" + variable + "\" and fail when the variable is missing: a deployment that "
      + "forgets it silently runs with a secret everyone who reads the repository knows.");
  }

  /** The value of a non-interpolated string or bytes literal that is not a placeholder. */
  private static Optional<String> literalSecret(Expression expression) {
    if (!(expression instanceof StringLiteral literal)) {
      return Optional.empty();
    }
    StringBuilder value = new StringBuilder();
    for (StringElement element : literal.stringElements()) {
      if (element.isInterpolated() || element.isTemplate()) {
        return Optional.empty();
      }
      value.append(element.trimmedQuotesValue());
    }
    String text = value.toString();
    return text.isBlank() || Secrets.isPlaceholderText(text) ? Optional.empty() : Optional.of(text);
  }

  private static boolean isSecretType(Expression annotation) {
    List<Expression> parts = Pydantic.unwrapAnnotated(annotation);
    Expression type = Trees.skipParentheses(parts.get(0));
    if (type instanceof SubscriptionExpression subscription) {
      return subscription.subscripts().expressions().stream().anyMatch(HardCodedSecretCheck::isSecretType);
    }
    if (type.is(Tree.Kind.BITWISE_OR)) {
      return type.children().stream().anyMatch(c -> c instanceof Expression e && isSecretType(e));
    }
    return Fqns.of(type).filter(PydanticApi.SECRET_TYPES::contains).isPresent();
  }
}
