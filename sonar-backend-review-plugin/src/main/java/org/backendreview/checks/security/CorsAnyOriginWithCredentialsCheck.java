/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.security;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.backendreview.checks.ReportsIn;
import org.backendreview.checks.configuration.DeployableSettingsCheck;
import org.backendreview.semantics.django.DjangoSettingsModel.Config;
import org.backendreview.semantics.django.DjangoSettingsModel.Known;
import org.backendreview.semantics.fastapi.FastApiApi;
import org.backendreview.semantics.project.CodeScope;
import org.backendreview.semantics.project.ModuleSummary.Bool;
import org.backendreview.semantics.project.ModuleSummary.Seq;
import org.backendreview.semantics.project.ModuleSummary.Str;
import org.backendreview.tree.Arguments;
import org.backendreview.tree.Fqns;
import org.backendreview.tree.Literals;
import org.backendreview.tree.ValueResolver;
import org.sonar.check.Rule;
import org.sonar.plugins.python.api.IssueLocation;
import org.sonar.plugins.python.api.PythonCheck.PreciseIssue;
import org.sonar.plugins.python.api.SubscriptionContext;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.Expression;
import org.sonar.plugins.python.api.tree.Name;
import org.sonar.plugins.python.api.tree.RegularArgument;
import org.sonar.plugins.python.api.tree.Tree;

/**
 * CORS that lets every website make credentialed requests and read the answers:
 * <ul>
 *   <li>Starlette's/FastAPI's {@code CORSMiddleware} with {@code allow_credentials=True} and {@code "*"} in
 *   {@code allow_origins} or an {@code allow_origin_regex} matching any origin: with credentials, Starlette answers
 *   preflights and cookie-carrying requests with the requesting origin itself, not {@code *};</li>
 *   <li>django-cors-headers' {@code CORS_ALLOW_CREDENTIALS = True} in a deployed configuration that also allows all
 *   origins ({@code CORS_ALLOW_ALL_ORIGINS}/{@code CORS_ORIGIN_ALLOW_ALL}) or lists an origin regex matching any
 *   origin: the middleware then reflects the requesting origin too.</li>
 * </ul>
 * Without credentials a wildcard only exposes public answers (SonarPython's S5122 reviews that case for Django).
 */
@Rule(key = "CorsAnyOriginWithCredentials")
@ReportsIn(CodeScope.PRODUCT)
public class CorsAnyOriginWithCredentialsCheck extends DeployableSettingsCheck {

  private static final String CREDENTIALS = "CORS_ALLOW_CREDENTIALS";
  private static final List<String> ALLOW_ALL = List.of("CORS_ALLOW_ALL_ORIGINS", "CORS_ORIGIN_ALLOW_ALL");
  private static final List<String> REGEXES = List.of("CORS_ALLOWED_ORIGIN_REGEXES", "CORS_ORIGIN_REGEX_WHITELIST");
  /** Scheme prefixes as written in origin regexes, longest first. */
  private static final List<String> SCHEMES = List.of("(https?:\\/\\/)?", "(https?://)?", "https?:\\/\\/", "https:\\/\\/", "http:\\/\\/",
    "https?://", "https://", "http://");
  private static final Set<String> ANY = Set.of(".*", ".+", "(.*)", "(.+)", ".*?", "\\S+", "\\S*", "[^/]+", "[^/]*", "(?:.*)", "(?:.+)");

  @Override
  protected void register(Context context) {
    super.register(context);
    context.registerSyntaxNodeConsumer(Tree.Kind.CALL_EXPR, CorsAnyOriginWithCredentialsCheck::checkMiddleware);
  }

  // ---- Starlette / FastAPI

  private static void checkMiddleware(SubscriptionContext ctx) {
    CallExpression call = (CallExpression) ctx.syntaxNode();
    if (!declaresCorsMiddleware(call)) {
      return;
    }
    Optional<RegularArgument> credentials = Arguments.keyword(call, "allow_credentials")
      .filter(a -> Literals.booleanValue(a.expression()).orElse(false));
    if (credentials.isEmpty()) {
      return;
    }
    PreciseIssue issue = null;
    Optional<Expression> origins = Arguments.keyword(call, "allow_origins").map(RegularArgument::expression);
    Optional<Expression> wildcard = origins.flatMap(CorsAnyOriginWithCredentialsCheck::wildcardOrigin);
    if (wildcard.isPresent()) {
      boolean indirect = origins.get() instanceof Name;
      issue = ctx.addIssue(indirect ? origins.get() : wildcard.get(), "Replace \"*\" in allow_origins with the origins of your front ends: with allow_credentials=True, "
        + "CORSMiddleware answers any website with its own origin, so every site can send your users' cookies and read the responses.");
      if (indirect) {
        issue.secondary(wildcard.get(), "any origin");
      }
    } else {
      Optional<RegularArgument> regex = Arguments.keyword(call, "allow_origin_regex")
        .filter(a -> Literals.stringValue(a.expression()).filter(CorsAnyOriginWithCredentialsCheck::matchesAnyOrigin).isPresent());
      if (regex.isPresent()) {
        issue = ctx.addIssue(regex.get().expression(), "Restrict allow_origin_regex to the origins of your front ends: it matches every origin, "
          + "and with allow_credentials=True every site can send your users' cookies and read the responses.");
      }
    }
    if (issue != null) {
      issue.secondary(credentials.get(), "credentials allowed");
    }
  }

  /** {@code app.add_middleware(CORSMiddleware, ...)}, {@code Middleware(CORSMiddleware, ...)}, {@code CORSMiddleware(app, ...)}. */
  private static boolean declaresCorsMiddleware(CallExpression call) {
    if (FastApiApi.CORS_MIDDLEWARE.isCalledBy(call)) {
      return true;
    }
    boolean wrapper = FastApiApi.MIDDLEWARE.isCalledBy(call) || Fqns.calleeName(call).filter("add_middleware"::equals).isPresent();
    return wrapper && Arguments.positional(call, 0).filter(a -> FastApiApi.CORS_MIDDLEWARE.matches(a.expression())).isPresent();
  }

  private static Optional<Expression> wildcardOrigin(Expression origins) {
    Expression value = origins;
    if (origins instanceof Name name) {
      value = ValueResolver.singleAssignedValue(name).orElse(origins);
    }
    return Literals.collectionElements(value).flatMap(elements -> elements.stream()
      .filter(e -> Literals.stringValue(e).filter("*"::equals).isPresent()).findFirst());
  }

  /** True when the regular expression accepts any origin (an optional scheme followed by anything). */
  static boolean matchesAnyOrigin(String regex) {
    String body = regex.strip();
    if (body.startsWith("^")) {
      body = body.substring(1);
    }
    if (body.endsWith("$") && !body.endsWith("\\$")) {
      body = body.substring(0, body.length() - 1);
    }
    for (String scheme : SCHEMES) {
      if (body.startsWith(scheme)) {
        body = body.substring(scheme.length());
        break;
      }
    }
    return ANY.contains(body);
  }

  // ---- django-cors-headers

  @Override
  protected void checkConfiguration(Scope scope) {
    Config config = scope.config();
    Optional<Known> credentials = config.known(CREDENTIALS).filter(k -> k.value() instanceof Bool b && b.value());
    if (credentials.isEmpty()) {
      return;
    }
    Optional<Known> allowAll = ALLOW_ALL.stream().map(config::known).flatMap(Optional::stream)
      .filter(k -> k.value() instanceof Bool b && b.value()).findFirst();
    Optional<Str> broad = REGEXES.stream().map(config::known).flatMap(Optional::stream)
      .filter(k -> k.value() instanceof Seq).flatMap(k -> ((Seq) k.value()).elements().stream())
      .filter(v -> v instanceof Str s && matchesAnyOrigin(s.value())).map(Str.class::cast).findFirst();
    String why;
    if (allowAll.isPresent()) {
      why = "it also allows all origins";
    } else if (broad.isPresent()) {
      why = "its origin regex \"" + broad.get().value() + "\" matches any origin";
    } else {
      return;
    }
    PreciseIssue issue = scope.reportAt(credentials.get(), credentials.get().statement(), "List the trusted origins in CORS_ALLOWED_ORIGINS of \""
      + config.moduleName() + "\" or turn CORS_ALLOW_CREDENTIALS off: " + why + ", so every website can send your users' cookies and read the responses.");
    if (issue != null && allowAll.isPresent() && allowAll.get().file() != null) {
      issue.secondary(IssueLocation.preciseLocation(scope.elsewhere(allowAll.get()), "all origins allowed"));
    }
  }
}
