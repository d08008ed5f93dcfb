/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.semantics.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.backendreview.tree.Arguments;
import org.backendreview.tree.Fqns;
import org.backendreview.tree.Literals;
import org.backendreview.tree.Trees;
import org.backendreview.tree.ValueResolver;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.Expression;
import org.sonar.plugins.python.api.tree.Name;
import org.sonar.plugins.python.api.tree.QualifiedExpression;
import org.sonar.plugins.python.api.tree.SubscriptionExpression;

/**
 * The secret-ish value model: does this expression hold a password, a token, an API key, a signature or a MAC? Decided
 * from what the code calls the value (a variable, attribute, mapping key, header or environment variable name), read
 * the way a reviewer reads it: by its last word ({@code reset_token}, {@code X-Hub-Signature-256}, {@code API_KEY} are
 * secrets; {@code token_type}, {@code token_url}, {@code password_length}, {@code secret_name} are not), and from how it
 * was computed ({@code hmac.new(key, body, sha256).hexdigest()} is a MAC).
 */
public final class Secrets {

  /** Last words that make a name a secret. */
  private static final Set<String> SECRET_WORDS = Set.of("password", "passwd", "passphrase", "secret", "token", "apikey", "signature",
    "hmac", "otp", "passcode", "totp");
  /** Words before "token" that name something else: pagination cursors, ORM identity tokens, parser tokens, locks. */
  private static final Set<String> NON_SECRET_TOKENS = Set.of("identity", "page", "next", "continuation", "cursor", "sync", "cache",
    "lock", "cancel", "cancellation", "pagination", "resume", "lexer", "parser", "syntax", "end", "start", "stop", "eof", "last");
  /** Last two words that make a name a secret. */
  private static final Set<String> SECRET_PAIRS = Set.of("api_key", "secret_key", "private_key", "access_key", "auth_key", "signing_key",
    "password_hash", "pwd_hash", "reset_code", "verification_code", "confirmation_code", "activation_code", "otp_code", "access_code",
    "shared_secret", "webhook_secret", "client_secret");
  /** Getter methods whose first argument names the value read ({@code headers.get("X-Signature")}, {@code os.getenv("API_KEY")}). */
  private static final Set<String> NAMED_GETTERS = Set.of("get", "getenv", "getlist", "pop", "get_secret_value");

  private Secrets() {
  }

  /** True when an identifier (a variable, attribute, key, header or environment variable name) names a secret. */
  public static boolean isSecretName(String identifier) {
    List<String> words = words(identifier);
    if (words.isEmpty()) {
      return false;
    }
    String last = words.get(words.size() - 1);
    if ("token".equals(last) && words.size() >= 2 && NON_SECRET_TOKENS.contains(words.get(words.size() - 2))) {
      return false;
    }
    if (SECRET_WORDS.contains(last)) {
      return true;
    }
    return words.size() >= 2 && SECRET_PAIRS.contains(words.get(words.size() - 2) + "_" + last);
  }

  /** The words of an identifier, lower case: snake_case, kebab-case, camelCase and trailing digits ({@code 256}) split off. */
  public static List<String> words(String identifier) {
    String snake = identifier.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    List<String> words = new ArrayList<>();
    for (String w : snake.split("[^a-z0-9]+")) {
      if (!w.isEmpty() && !w.chars().allMatch(Character::isDigit)) {
        words.add(w);
      }
    }
    return words;
  }

  /**
   * The name the code gives the value of an expression: a variable, an attribute ({@code settings.API_KEY}), a constant
   * mapping key ({@code request.headers["X-Signature"]}), the first argument of a getter ({@code .get("token")},
   * {@code os.getenv("API_KEY")}), of {@code getattr(obj, "secret")}, or the name of the function that computed it
   * ({@code self.make_token(user)}).
   */
  public static Optional<String> nameOf(Expression expression) {
    Expression e = Trees.skipParentheses(expression);
    if (e instanceof Name name) {
      return Optional.of(name.name());
    }
    if (e instanceof QualifiedExpression q) {
      return Optional.of(q.name().name());
    }
    if (e instanceof SubscriptionExpression s && s.subscripts().expressions().size() == 1) {
      return Literals.stringValue(s.subscripts().expressions().get(0));
    }
    if (e instanceof CallExpression call) {
      if (Fqns.isCallTo(call, "getattr")) {
        return Arguments.positional(call, 1).flatMap(a -> Literals.stringValue(a.expression()));
      }
      Optional<String> method = Fqns.calleeName(call);
      if (method.filter(NAMED_GETTERS::contains).isPresent()) {
        if ("get_secret_value".equals(method.get())) {
          return Fqns.receiver(call).flatMap(Secrets::nameOf);
        }
        return Arguments.positional(call, 0).flatMap(a -> Literals.stringValue(a.expression()));
      }
      return method;
    }
    return Optional.empty();
  }

  /** True when the code names the value of this expression as a secret ({@link #nameOf}, {@link #isSecretName}). */
  public static boolean isSecretNamed(Expression expression) {
    return nameOf(expression).filter(Secrets::isSecretName).isPresent();
  }

  /**
   * The MAC computation this expression holds, directly or through a local variable assigned once:
   * {@code hmac.new(key, msg, digestmod).hexdigest()}, {@code .digest()}, {@code hmac.digest(key, msg, digest)}.
   */
  public static Optional<CallExpression> macComputation(Expression expression) {
    Expression e = Trees.skipParentheses(expression);
    if (e instanceof Name name) {
      Optional<Expression> value = ValueResolver.singleAssignedValue(name);
      if (value.isEmpty() || value.get() instanceof Name) {
        return Optional.empty();
      }
      e = Trees.skipParentheses(value.get());
    }
    if (!(e instanceof CallExpression call)) {
      return Optional.empty();
    }
    if (SecurityApi.HMAC_DIGEST.isCalledBy(call)) {
      return Optional.of(call);
    }
    Optional<String> method = Fqns.calleeName(call);
    if (method.filter(m -> "hexdigest".equals(m) || "digest".equals(m)).isPresent()) {
      Optional<Expression> receiver = Fqns.receiver(call).map(Trees::skipParentheses);
      if (receiver.isPresent() && receiver.get() instanceof CallExpression constructor && SecurityApi.HMAC_NEW.isCalledBy(constructor)) {
        return Optional.of(call);
      }
      if (receiver.isPresent() && receiver.get() instanceof Name mac) {
        Optional<Expression> created = ValueResolver.singleAssignedValue(mac);
        if (created.isPresent() && created.get() instanceof CallExpression constructor && SecurityApi.HMAC_NEW.isCalledBy(constructor)) {
          return Optional.of(call);
        }
      }
    }
    return Optional.empty();
  }

  /**
   * True when a literal secret value is a placeholder rather than a real secret: empty, very short, or made of the words
   * people use to say "set me" ({@code changeme}, {@code your-secret-here}, {@code <token>}, {@code ${API_KEY}},
   * {@code xxx}, {@code dummy}, {@code test}...).
   */
  public static boolean isPlaceholder(String value) {
    String v = value.trim().toLowerCase(Locale.ROOT);
    return v.length() < 8 || isPlaceholderText(v);
  }

  /**
   * True when a literal says "set me" whatever its length: empty, one or two distinct characters, or a placeholder word
   * ({@code changeme}, {@code <token>}, {@code ${API_KEY}}, {@code xxx}, {@code dummy}, {@code test}...). A short real
   * value ({@code "secret"}) is not a placeholder here.
   */
  public static boolean isPlaceholderText(String value) {
    String v = value.trim().toLowerCase(Locale.ROOT);
    if (v.chars().distinct().count() <= 2) {
      return true;
    }
    return v.contains("change") || v.contains("your") || v.contains("example") || v.contains("xxx") || v.contains("<") || v.contains("${")
      || v.contains("{{") || v.contains("%(") || v.contains("dummy") || v.contains("test") || v.contains("fake") || v.contains("placeholder")
      || v.contains("replace") || v.contains("todo") || v.contains("sample") || v.contains("***") || v.contains("insecure")
      || v.contains("not-a-secret") || v.contains("notasecret");
  }

  /** First words of a name that say the value is about a secret, not the secret itself ({@code has_password}, {@code is_token}). */
  private static final Set<String> ABOUT_WORDS = Set.of("has", "is", "no", "use", "uses", "needs", "require", "requires", "without", "missing",
    "invalid", "num", "count", "len", "length", "should", "can", "allow", "show", "hide", "check", "validate");
  /** Words that say a password was already transformed ({@code hashed_password}, {@code encrypted_password}). */
  private static final Set<String> HASHED_WORDS = Set.of("hash", "hashed", "encrypted", "encoded", "digest", "salted", "crypted", "enc");
  /** Last words of credentials that are not named like a secret: an Authorization header, a credentials object, card data. */
  private static final Set<String> CREDENTIAL_WORDS = Set.of("authorization", "cvv", "cvc");
  /** Words that make a name about a secret rather than the secret ({@code path_to_private_key}, {@code secret_ref}). */
  private static final Set<String> REFERENCE_WORDS = Set.of("path", "file", "filename", "url", "uri", "name", "id", "ref", "type", "len",
    "length");

  /**
   * True when an identifier names a value that must stay out of logs and error reports: a secret ({@link #isSecretName}),
   * an {@code Authorization} header, credentials or card security code; not a flag or a count about one
   * ({@code has_password}, {@code is_token_valid}).
   */
  public static boolean isSensitiveName(String identifier) {
    List<String> words = words(identifier);
    if (words.isEmpty() || words.size() > 1 && ABOUT_WORDS.contains(words.get(0)) || words.stream().anyMatch(REFERENCE_WORDS::contains)) {
      return false;
    }
    return isSecretName(identifier) || CREDENTIAL_WORDS.contains(words.get(words.size() - 1))
      || words.size() >= 2 && "card".equals(words.get(words.size() - 2)) && "number".equals(words.get(words.size() - 1));
  }

  /** True when the words of an identifier say it holds a user's password ({@code password}, {@code raw_password}, {@code pwd}). */
  public static boolean isPasswordName(String identifier) {
    List<String> words = words(identifier);
    if (words.isEmpty() || words.size() > 1 && ABOUT_WORDS.contains(words.get(0))) {
      return false;
    }
    if (words.stream().anyMatch(HASHED_WORDS::contains)) {
      return false;
    }
    String last = words.get(words.size() - 1);
    return "password".equals(last) || "passwd".equals(last) || "pwd".equals(last) || "passphrase".equals(last);
  }
}
