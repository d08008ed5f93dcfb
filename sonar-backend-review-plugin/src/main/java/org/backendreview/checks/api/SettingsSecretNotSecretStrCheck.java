/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.api;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.backendreview.checks.BackendReviewCheck;
import org.backendreview.semantics.fastapi.Pydantic.ModelField;
import org.backendreview.semantics.fastapi.Pydantic;
import org.backendreview.semantics.python.PythonApi;
import org.backendreview.tree.Api;
import org.backendreview.tree.Fqns;
import org.backendreview.tree.Trees;
import org.sonar.check.Rule;
import org.sonar.plugins.python.api.SubscriptionContext;
import org.sonar.plugins.python.api.tree.BinaryExpression;
import org.sonar.plugins.python.api.tree.ClassDef;
import org.sonar.plugins.python.api.tree.Expression;
import org.sonar.plugins.python.api.tree.SubscriptionExpression;
import org.sonar.plugins.python.api.tree.Tree;

/**
 * API-08: a {@code BaseSettings} field whose name says it holds a secret (password, secret, token, API/private/secret-access
 * key, credentials) typed as plain {@code str}/{@code bytes} instead of {@code SecretStr}/{@code SecretBytes}: the value
 * shows in {@code repr()}, logs, tracebacks, error reports and {@code model_dump()}.
 */
@Rule(key = "SettingsSecretNotSecretStr")
public class SettingsSecretNotSecretStrCheck extends BackendReviewCheck {

  /** Secret-looking names: the last word(s) of a snake_case or lower-case name. */
  private static final Pattern SECRET_NAME = Pattern.compile(
    "(?:.*_)?(?:password|passwd|pwd|secret|secret_key|api_key|apikey|private_key|secret_access_key|token|access_token|"
      + "refresh_token|auth_token|api_token|bot_token|client_secret|credentials|signing_key|encryption_key|webhook_secret|dsn_password)");
  /** Names that contain a secret word but hold no secret. */
  private static final Pattern NOT_SECRET = Pattern.compile(
    ".*(?:_url|_uri|_endpoint|_file|_path|_dir|_name|_header|_prefix|_type|_algorithm|_alg|_expire.*|_ttl|_lifetime|_length|_len|_size|"
      + "_min|_max|_minutes|_seconds|_hours|_days|_enabled|_required|_field|_env|_id)$|^token_.*|^password_.*|^secret_.*_(?:name|id)$");
  private static final Set<String> PLAIN_TYPES = Set.of("str", "bytes");
  private static final Api WRAPPERS = Api.anyOf(PythonApi.OPTIONAL, PythonApi.UNION);

  @Override
  protected void register(Context context) {
    context.registerSyntaxNodeConsumer(Tree.Kind.CLASSDEF, SettingsSecretNotSecretStrCheck::check);
  }

  private static void check(SubscriptionContext ctx) {
    ClassDef classDef = (ClassDef) ctx.syntaxNode();
    if (!Pydantic.isSettingsClassDef(classDef)) {
      return;
    }
    List<ModelField> plain = Pydantic.fields(classDef).stream().filter(SettingsSecretNotSecretStrCheck::isPlainSecret).toList();
    if (plain.isEmpty()) {
      return;
    }
    // one mistake, one finding: the first field carries the issue, the others are secondaries
    ModelField first = plain.get(0);
    String message = plain.size() == 1
      ? "Make sure \"" + first.name().name() + "\" cannot leak: type it as SecretStr so that its value is hidden in repr(), logs and tracebacks."
      : "Make sure the " + plain.size() + " secrets of \"" + classDef.name().name() + "\" cannot leak: type them as SecretStr so that their values "
        + "are hidden in repr(), logs and tracebacks.";
    var issue = ctx.addIssue(first.annotation(), message).secondary(classDef.name(), "Settings class");
    for (ModelField other : plain.subList(1, plain.size())) {
      issue.secondary(other.annotation(), "\"" + other.name().name() + "\" is a plain string too");
    }
  }

  private static boolean isPlainSecret(ModelField field) {
    String name = field.name().name().toLowerCase(Locale.ROOT);
    return SECRET_NAME.matcher(name).matches() && !NOT_SECRET.matcher(name).matches() && isPlainString(field.annotation());
  }

  private static boolean isPlainString(Expression annotation) {
    List<Expression> parts = Pydantic.unwrapAnnotated(annotation);
    Expression type = Trees.skipParentheses(parts.get(0));
    if (type instanceof SubscriptionExpression subscription && Fqns.of(subscription.object()).filter(WRAPPERS::contains).isPresent()) {
      return subscription.subscripts().expressions().stream().anyMatch(SettingsSecretNotSecretStrCheck::isPlainString)
        && subscription.subscripts().expressions().stream().allMatch(e -> isPlainString(e) || e.is(Tree.Kind.NONE));
    }
    if (type.is(Tree.Kind.BITWISE_OR)) {
      BinaryExpression union = (BinaryExpression) type;
      Expression left = Trees.skipParentheses(union.leftOperand());
      Expression right = Trees.skipParentheses(union.rightOperand());
      return isPlainString(left) && (right.is(Tree.Kind.NONE) || isPlainString(right))
        || left.is(Tree.Kind.NONE) && isPlainString(right);
    }
    return Fqns.of(type).filter(PLAIN_TYPES::contains).isPresent();
  }
}
