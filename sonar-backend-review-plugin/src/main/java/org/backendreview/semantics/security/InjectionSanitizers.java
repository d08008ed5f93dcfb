/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.semantics.security;

import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.backendreview.semantics.flask.FlaskApi;
import org.backendreview.semantics.security.InjectionSinks.Kind;
import org.backendreview.tree.Arguments;
import org.backendreview.tree.Fqns;
import org.backendreview.tree.Literals;
import org.backendreview.tree.Trees;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.Expression;
import org.sonar.plugins.python.api.tree.QualifiedExpression;
import org.sonar.plugins.python.api.tree.Tree;

/**
 * Which calls neutralise request data for which kind of sink, and which boolean checks validate it. A conversion to a
 * number or UUID is safe everywhere; HTML escaping only for HTML, {@code shlex.quote} only for shells,
 * {@code basename} only for file names.
 */
public final class InjectionSanitizers {

  private static final Set<Kind> ALL = EnumSet.allOf(Kind.class);
  private static final Set<String> CONVERSIONS = Set.of("int", "float", "bool", "complex", "len", "abs", "round", "hash", "id", "ord",
    "uuid.UUID", "decimal.Decimal", "datetime.datetime.fromisoformat", "datetime.date.fromisoformat", "datetime.datetime.strptime",
    "datetime.datetime.fromtimestamp", "datetime.date.fromtimestamp", "ipaddress.ip_address", "ipaddress.ip_network");
  /** Methods whose result is a boolean, a number or a digest, whatever the receiver holds. */
  private static final Set<String> SAFE_RESULT_METHODS = Set.of("isdigit", "isdecimal", "isnumeric", "isalnum", "isalpha", "isidentifier",
    "isascii", "islower", "isupper", "isspace", "startswith", "endswith", "count", "find", "rfind", "index", "rindex", "hexdigest", "digest",
    "exists", "is_valid", "is_file", "is_dir", "has_key", "__len__", "__contains__", "timestamp", "total_seconds");
  private static final Map<String, Set<Kind>> BY_FQN = Map.ofEntries(
    Map.entry("shlex.quote", EnumSet.of(Kind.COMMAND)), Map.entry("pipes.quote", EnumSet.of(Kind.COMMAND)),
    Map.entry("shlex.join", EnumSet.of(Kind.COMMAND)),
    // repr() of a string is a quoted Python literal: evaluating it gives the text back
    Map.entry("repr", EnumSet.of(Kind.CODE)), Map.entry("builtins.repr", EnumSet.of(Kind.CODE)),
    Map.entry("os.path.basename", EnumSet.of(Kind.PATH)), Map.entry("posixpath.basename", EnumSet.of(Kind.PATH)),
    Map.entry("ntpath.basename", EnumSet.of(Kind.PATH)), Map.entry("django.utils.text.get_valid_filename", EnumSet.of(Kind.PATH)),
    Map.entry("django.utils._os.safe_join", EnumSet.of(Kind.PATH)),
    Map.entry("django.urls.reverse", EnumSet.of(Kind.REDIRECT, Kind.SSRF, Kind.XSS, Kind.PATH)),
    Map.entry("django.urls.base.reverse", EnumSet.of(Kind.REDIRECT, Kind.SSRF, Kind.XSS, Kind.PATH)),
    Map.entry("django.utils.html.escape", EnumSet.of(Kind.XSS)), Map.entry("django.utils.html.conditional_escape", EnumSet.of(Kind.XSS)),
    Map.entry("django.utils.html.format_html", EnumSet.of(Kind.XSS)), Map.entry("django.utils.html.format_html_join", EnumSet.of(Kind.XSS)),
    Map.entry("django.utils.html.strip_tags", EnumSet.of(Kind.XSS)), Map.entry("django.utils.html.json_script", EnumSet.of(Kind.XSS)),
    Map.entry("django.utils.html.escapejs", EnumSet.of(Kind.XSS)), Map.entry("django.utils.html.urlize", EnumSet.of(Kind.XSS)),
    Map.entry("html.escape", EnumSet.of(Kind.XSS)), Map.entry("markupsafe.escape", EnumSet.of(Kind.XSS)),
    Map.entry("cgi.escape", EnumSet.of(Kind.XSS)),
    Map.entry("bleach.clean", EnumSet.of(Kind.XSS)), Map.entry("bleach.sanitizer.Cleaner.clean", EnumSet.of(Kind.XSS)),
    Map.entry("nh3.clean", EnumSet.of(Kind.XSS)), Map.entry("urllib.parse.quote", EnumSet.of(Kind.XSS, Kind.COMMAND)),
    Map.entry("urllib.parse.quote_plus", EnumSet.of(Kind.XSS, Kind.COMMAND, Kind.SSRF, Kind.REDIRECT, Kind.PATH)),
    Map.entry("urllib.parse.urlencode", EnumSet.of(Kind.XSS, Kind.COMMAND)), Map.entry("django.utils.http.urlencode", EnumSet.of(Kind.XSS, Kind.COMMAND)),
    Map.entry("django.utils.http.urlquote", EnumSet.of(Kind.XSS)),
    Map.entry("psycopg2.sql.Identifier", EnumSet.of(Kind.SQL, Kind.QUERY_STRUCTURE)), Map.entry("psycopg2.sql.Literal", EnumSet.of(Kind.SQL)),
    Map.entry("psycopg.sql.Identifier", EnumSet.of(Kind.SQL, Kind.QUERY_STRUCTURE)), Map.entry("psycopg.sql.Literal", EnumSet.of(Kind.SQL)),
    Map.entry("psycopg2.extensions.quote_ident", EnumSet.of(Kind.SQL, Kind.QUERY_STRUCTURE)),
    Map.entry("pymysql.converters.escape_string", EnumSet.of(Kind.SQL)), Map.entry("MySQLdb.escape_string", EnumSet.of(Kind.SQL)));
  /** Method names that quote SQL identifiers or literals, whatever the receiver (Django's {@code connection.ops.quote_name}). */
  private static final Map<String, Set<Kind>> BY_METHOD = Map.of(
    "quote_name", EnumSet.of(Kind.SQL, Kind.QUERY_STRUCTURE), "escape_string", EnumSet.of(Kind.SQL), "escape_literal", EnumSet.of(Kind.SQL),
    "quote_identifier", EnumSet.of(Kind.SQL, Kind.QUERY_STRUCTURE), "mogrify", EnumSet.of(Kind.SQL),
    "urlencode", EnumSet.of(Kind.XSS, Kind.COMMAND));
  private static final Set<String> URL_VALIDATORS = Set.of("django.utils.http.url_has_allowed_host_and_scheme", "django.utils.http.is_safe_url");
  private static final Set<String> URL_VALIDATOR_NAMES = Set.of("url_has_allowed_host_and_scheme", "is_safe_url");
  private static final Set<String> PATH_NORMALISERS = Set.of("realpath", "abspath", "normpath", "resolve", "absolute");
  private static final Set<String> REGEX_MATCHERS = Set.of("re.match", "re.fullmatch", "re.search");
  private static final Set<String> VALIDATING_METHODS = Set.of("isdigit", "isdecimal", "isnumeric", "isalnum", "isalpha", "isidentifier");

  private InjectionSanitizers() {
  }

  /** True when the call's result is safe for sinks of this kind, whatever its arguments hold. */
  public static boolean sanitizes(CallExpression call, Kind kind) {
    Optional<String> fqn = Fqns.ofCallee(call);
    if (fqn.isPresent() && (CONVERSIONS.contains(fqn.get()) || BY_FQN.getOrDefault(fqn.get(), Set.of()).contains(kind))) {
      return true;
    }
    if (fqn.isPresent() && (kind == Kind.PATH && (FlaskApi.SAFE_JOIN.contains(fqn.get()) || FlaskApi.SECURE_FILENAME.contains(fqn.get()))
      || kind == Kind.XSS && FlaskApi.ESCAPE.contains(fqn.get()))) {
      return true;
    }
    Optional<String> method = Fqns.calleeName(call);
    if (method.isEmpty() || !(Trees.skipParentheses(call.callee()) instanceof QualifiedExpression)) {
      return false;
    }
    return SAFE_RESULT_METHODS.contains(method.get()) || BY_METHOD.getOrDefault(method.get(), Set.of()).contains(kind);
  }

  /** All sink kinds. */
  public static Set<Kind> allKinds() {
    return ALL;
  }

  /**
   * True when this call, used as a condition, validates {@code checked} (an expression that holds the tested value)
   * for sinks of this kind: {@code x.isdigit()}, {@code re.fullmatch(r"^[a-z]+$", x)},
   * {@code url_has_allowed_host_and_scheme(x, ...)} (redirects and outgoing requests),
   * {@code os.path.realpath(x).startswith(base)} / {@code Path(x).resolve().is_relative_to(base)} (file paths).
   */
  public static boolean validates(CallExpression call, Expression checked, Kind kind) {
    Optional<String> fqn = Fqns.ofCallee(call);
    Optional<String> method = Fqns.calleeName(call);
    Optional<Expression> receiver = Fqns.receiver(call);
    if (method.isPresent() && VALIDATING_METHODS.contains(method.get()) && receiver.isPresent() && contains(receiver.get(), checked)) {
      return true;
    }
    if (fqn.isPresent() && REGEX_MATCHERS.contains(fqn.get())) {
      Optional<String> pattern = Arguments.value(call, 0, "pattern").flatMap(Literals::stringValue);
      Optional<Expression> subject = Arguments.value(call, 1, "string");
      return pattern.filter(p -> (p.startsWith("^") || "re.fullmatch".equals(fqn.get()) || "re.match".equals(fqn.get()))
        && (p.endsWith("$") || p.endsWith("\\Z") || "re.fullmatch".equals(fqn.get())) && !p.contains(".*") && !p.contains(".+")).isPresent()
        && subject.filter(s -> contains(s, checked)).isPresent();
    }
    if (method.filter(InjectionSanitizers::isValidatorName).isPresent() && call.arguments().stream()
      .anyMatch(a -> a instanceof org.sonar.plugins.python.api.tree.RegularArgument r && contains(r.expression(), checked))) {
      // the project's own predicate: is_safe_url(x), is_valid_path(x), has_allowed_scheme(x)
      return true;
    }
    if ((kind == Kind.REDIRECT || kind == Kind.SSRF) && (fqn.filter(URL_VALIDATORS::contains).isPresent()
      || method.filter(URL_VALIDATOR_NAMES::contains).isPresent())) {
      // also a compatibility re-export (a compat module: try: from django.utils.http import
      // url_has_allowed_host_and_scheme / except ImportError: ... is_safe_url as ...) or the project's own wrapper
      return Arguments.value(call, 0, "url").filter(u -> contains(u, checked)).isPresent();
    }
    if (kind == Kind.PATH && method.filter(m -> m.equals("startswith") || m.equals("is_relative_to")).isPresent() && receiver.isPresent()) {
      return contains(receiver.get(), checked) && callsNormaliser(receiver.get());
    }
    return false;
  }

  /**
   * A predicate named as a validation: {@code is_}/{@code has_} followed by a name with {@code safe}, {@code allowed} or
   * {@code valid} ({@code is_safe_url}, {@code is_allowed_host}, {@code is_valid_redirect}). Used only to accept a
   * guard, never to raise an issue.
   */
  private static boolean isValidatorName(String name) {
    String lower = name.toLowerCase(java.util.Locale.ROOT);
    return (lower.startsWith("is_") || lower.startsWith("has_") || lower.startsWith("_is_"))
      && (lower.contains("safe") || lower.contains("allowed") || lower.contains("valid"));
  }

  /** The expression (or the value of the variable it is) resolves the path: {@code os.path.realpath(p)}, {@code Path(p).resolve()}. */
  private static boolean callsNormaliser(Expression expression) {
    boolean[] found = {false};
    Trees.walk(expression, t -> !found[0], t -> {
      if (t instanceof CallExpression call && Fqns.calleeName(call).filter(PATH_NORMALISERS::contains).isPresent()) {
        found[0] = true;
      }
    });
    Expression expr = Trees.skipParentheses(expression);
    if (!found[0] && expr instanceof org.sonar.plugins.python.api.tree.Name name) {
      return org.backendreview.tree.ValueResolver.singleAssignedValue(name).filter(v -> !(v instanceof org.sonar.plugins.python.api.tree.Name)
        && callsNormaliser(v)).isPresent();
    }
    return found[0];
  }

  /** True when {@code tree} is or contains {@code part} (by identity). */
  private static boolean contains(Tree tree, Expression part) {
    return Trees.isAncestorOrSelf(tree, part);
  }
}
