/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.semantics;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.backendreview.tree.Arguments;
import org.backendreview.tree.Fqns;
import org.backendreview.tree.Literals;
import org.backendreview.tree.Origins;
import org.backendreview.tree.Trees;
import org.sonar.plugins.python.api.SubscriptionContext;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.Expression;
import org.sonar.plugins.python.api.tree.FileInput;
import org.sonar.plugins.python.api.tree.Tree;
import org.sonar.plugins.python.api.types.v2.ClassType;
import org.sonar.plugins.python.api.types.v2.ObjectType;
import org.sonar.plugins.python.api.types.v2.PythonType;

/**
 * Outbound network clients and what their defaults are: HTTP libraries (requests, httpx, aiohttp, urllib, http.client)
 * and SDK/infrastructure clients (OpenAI, Anthropic, LiteLLM, boto3, redis, smtplib/ftplib/imaplib/poplib). Names are
 * matched by the FQN the imports give them (aliases resolved); libraries without stubs are known by import path.
 *
 * <p>Timeout defaults this model relies on (checked in each library's documentation and source):
 * <ul>
 *   <li>requests (functions and {@code Session} methods): no timeout, a call can hang forever;
 *   {@code Session} has no timeout setting of its own (a {@code timeout} attribute is ignored);</li>
 *   <li>httpx: 5 seconds by default; only an explicit {@code timeout=None} disables it;</li>
 *   <li>aiohttp: {@code ClientSession} defaults to 5 minutes in total; {@code ClientTimeout()} without arguments has
 *   no limit at all;</li>
 *   <li>urllib.request, http.client, smtplib, ftplib, imaplib, poplib: the global socket default, which is "no
 *   timeout" unless {@code socket.setdefaulttimeout()} was called;</li>
 *   <li>OpenAI and Anthropic clients, LiteLLM: 10 minutes per request (and retries on top);</li>
 *   <li>redis-py: no socket timeout;</li>
 *   <li>boto3/botocore: 60 s to connect and 60 s per read, retried.</li>
 * </ul>
 */
public final class OutboundClients {

  /** HTTP verbs of requests' and httpx's module functions and client methods. */
  public static final Set<String> HTTP_METHODS = Set.of("get", "post", "put", "patch", "delete", "head", "options", "request");

  private static final String REQUESTS_SESSION = "requests.sessions.Session";
  private static final Set<String> REQUESTS_SESSION_FACTORIES = Set.of("requests.Session", "requests.sessions.Session",
    "requests.session", "requests.sessions.session");
  private static final Set<String> HTTPX_CLIENTS = Set.of("httpx.Client", "httpx.AsyncClient", "httpx._client.Client",
    "httpx._client.AsyncClient");
  private static final Set<String> AIOHTTP_SESSIONS = Set.of("aiohttp.ClientSession", "aiohttp.client.ClientSession");

  private OutboundClients() {
  }

  /** The HTTP verb when the call is a module-level function of requests ({@code requests.get(...)}). */
  public static Optional<String> requestsFunction(CallExpression call) {
    return Fqns.ofCallee(call).flatMap(fqn -> verbOf(fqn, "requests.api.", "requests."));
  }

  /** The HTTP verb when the call is a module-level function of httpx ({@code httpx.get(...)}, also {@code stream}). */
  public static Optional<String> httpxFunction(CallExpression call) {
    return Fqns.ofCallee(call).flatMap(fqn -> fqn.equals("httpx.stream") || fqn.equals("httpx._api.stream") ? Optional.of("stream")
      : verbOf(fqn, "httpx._api.", "httpx."));
  }

  private static Optional<String> verbOf(String fqn, String... prefixes) {
    for (String prefix : prefixes) {
      if (fqn.startsWith(prefix) && HTTP_METHODS.contains(fqn.substring(prefix.length()))) {
        return Optional.of(fqn.substring(prefix.length()));
      }
    }
    return Optional.empty();
  }

  /** True for {@code requests.Session()} / {@code requests.session()}. */
  public static boolean isRequestsSessionCreation(Expression expression) {
    return Trees.skipParentheses(expression) instanceof CallExpression call && Fqns.ofCallee(call).filter(REQUESTS_SESSION_FACTORIES::contains).isPresent();
  }

  /** True for {@code httpx.Client(...)} / {@code httpx.AsyncClient(...)}. */
  public static boolean isHttpxClientCreation(Expression expression) {
    return Trees.skipParentheses(expression) instanceof CallExpression call && Fqns.ofCallee(call).filter(HTTPX_CLIENTS::contains).isPresent();
  }

  /** True for {@code aiohttp.ClientSession(...)}. */
  public static boolean isAiohttpSessionCreation(Expression expression) {
    return Trees.skipParentheses(expression) instanceof CallExpression call && Fqns.ofCallee(call).filter(AIOHTTP_SESSIONS::contains).isPresent();
  }

  /**
   * For {@code s.get(...)} and the other HTTP verbs, the origins of {@code s} when it is proven to be a plain
   * {@code requests.Session} (every origin is {@code requests.Session()}, or {@code s} is annotated with exactly that
   * class); empty otherwise. Subclasses are excluded: they often add a default timeout.
   */
  public static Optional<List<Expression>> requestsSessionReceiver(CallExpression call, Origins origins, SubscriptionContext ctx) {
    Optional<String> verb = Fqns.calleeName(call).filter(HTTP_METHODS::contains);
    Optional<Expression> receiver = Fqns.receiver(call);
    if (verb.isEmpty() || receiver.isEmpty()) {
      return Optional.empty();
    }
    List<Expression> values = origins.of(receiver.get(), ctx);
    if (!values.isEmpty()) {
      return values.stream().allMatch(OutboundClients::isRequestsSessionCreation) ? Optional.of(values) : Optional.empty();
    }
    PythonType type = receiver.get().typeV2();
    if (type instanceof ObjectType object && object.unwrappedType() instanceof ClassType classType
      && REQUESTS_SESSION.equals(classType.fullyQualifiedName())) {
      return Optional.of(List.of());
    }
    return Optional.empty();
  }

  /** True when the argument of a timeout parameter is the literal {@code None}. */
  public static boolean isNoneArgument(CallExpression call, int position, String keyword) {
    return Arguments.value(call, position, keyword).map(Literals::isNone).orElse(false);
  }

  /** True when the call may set the parameter: passed by keyword, at its position, or through {@code **kwargs}. */
  public static boolean mayPass(CallExpression call, int position, String keyword) {
    return Arguments.hasKeywordUnpacking(call) || Arguments.of(call, position, keyword).isPresent()
      || position >= 0 && Arguments.hasUnpacking(call);
  }

  /**
   * True when the module calls {@code socket.setdefaulttimeout(...)}: clients that use the global socket default
   * (urllib, http.client, smtplib, ...) then have a timeout.
   */
  public static boolean setsDefaultSocketTimeout(FileInput file) {
    boolean[] found = {false};
    Trees.walk(file, t -> !found[0], t -> {
      if (t instanceof CallExpression call && Fqns.ofCallee(call).filter("socket.setdefaulttimeout"::equals).isPresent()) {
        found[0] = true;
      }
    });
    return found[0];
  }

  /** True when a string literal URL or DSN mentions the given option ({@code redis://h?socket_timeout=5}). */
  public static boolean literalMentions(Expression expression, String option) {
    return Literals.stringValue(expression).map(v -> v.toLowerCase(Locale.ROOT).contains(option)).orElse(false);
  }

  /** The file containing the tree. */
  public static FileInput file(Tree tree) {
    return (FileInput) (tree instanceof FileInput f ? f : Trees.firstAncestor(tree, Tree.Kind.FILE_INPUT));
  }
}
