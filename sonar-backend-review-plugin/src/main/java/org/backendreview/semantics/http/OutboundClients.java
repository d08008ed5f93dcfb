/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.semantics.http;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.backendreview.semantics.http.HttpLibraries;
import org.backendreview.semantics.messaging.MessagingApi;
import org.backendreview.tree.Api;
import org.backendreview.semantics.project.AnalysisContext;
import org.backendreview.tree.Arguments;
import org.backendreview.tree.Fqns;
import org.backendreview.tree.Literals;
import org.backendreview.tree.Types;
import org.backendreview.tree.Trees;
import org.backendreview.tree.ValueResolver;
import org.sonar.plugins.python.api.SubscriptionContext;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.Expression;
import org.sonar.plugins.python.api.tree.FileInput;
import org.sonar.plugins.python.api.tree.Tree;
import org.sonar.plugins.python.api.types.v2.PythonType;

/**
 * Outbound network clients and what their defaults are: HTTP libraries (requests, httpx, aiohttp, urllib, http.client)
 * and SDK/infrastructure clients (OpenAI, Anthropic, LiteLLM, redis, smtplib/ftplib/imaplib/poplib). Names are
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
 *   <li>redis-py: no socket timeout (a {@code from_url} URL may set one: {@code ?socket_timeout=5});</li>
 *   <li>boto3/botocore: 60 s to connect and 60 s per read, retried: finite, so not modelled as a missing timeout.</li>
 * </ul>
 */
public final class OutboundClients {

  /** HTTP verbs of requests' and httpx's module functions and client methods. */
  public static final Set<String> HTTP_METHODS = HttpLibraries.with(HttpLibraries.VERBS, HttpLibraries.REQUEST);

  private static final Api HTTPX_CLIENTS = Api.anyOf(HttpLibraries.HTTPX_CLIENT, HttpLibraries.HTTPX_ASYNC_CLIENT);

  /**
   * An SDK or infrastructure client whose constructor (or call) takes a timeout.
   *
   * @param label what the message calls it ("OpenAI client", "Redis client")
   * @param position 0-based position of the timeout parameter, -1 when keyword-only
   * @param keywords the timeout parameters (any of them counts)
   * @param defaultBehaviour what happens without a timeout, completing "its default ..." in messages
   * @param usesSocketDefault true when the client uses the global socket default timeout
   * @param quickFixArgument the argument the quick fix adds, or null when no mechanical fix exists
   * @param minArguments the client connects only when given at least this many arguments (0: always)
   */
  public record TimeoutApi(String label, int position, List<String> keywords, String defaultBehaviour, boolean usesSocketDefault,
    String quickFixArgument, int minArguments) {
  }

  private static final TimeoutApi LLM_CLIENT = new TimeoutApi("%s client", -1, List.of("timeout"),
    "lets a request run for 10 minutes, retried twice", false, "timeout=60", 0);
  private static final TimeoutApi LITELLM = new TimeoutApi("\"litellm.%s()\" call", -1, List.of("timeout", "request_timeout"),
    "lets a request run for 10 minutes", false, "timeout=60", 0);
  private static final TimeoutApi OPENAI_LEGACY = new TimeoutApi("\"openai.%s\" call", -1, List.of("request_timeout", "timeout"),
    "lets a request run for 10 minutes", false, "request_timeout=60", 0);
  private static final TimeoutApi REDIS = new TimeoutApi("Redis client", 4, List.of("socket_timeout", "connection_pool"),
    "has no socket timeout and blocks forever on an unresponsive server", false, "socket_timeout=5", 0);
  private static final TimeoutApi REDIS_URL = new TimeoutApi("Redis client (or set it in the URL)", -1, List.of("socket_timeout", "connection_pool"),
    "has no socket timeout and blocks forever on an unresponsive server", false, "socket_timeout=5", 0);
  private static final TimeoutApi REDIS_POOL = new TimeoutApi("Redis connection pool", -1, List.of("socket_timeout"),
    "has no socket timeout and blocks forever on an unresponsive server", false, "socket_timeout=5", 0);
  private static final TimeoutApi REDIS_POOL_URL = new TimeoutApi("Redis connection pool (or set it in the URL)", -1, List.of("socket_timeout"),
    "has no socket timeout and blocks forever on an unresponsive server", false, "socket_timeout=5", 0);
  private static final Set<String> LLM_CLIENT_CLASSES = Set.of("OpenAI", "AsyncOpenAI", "AzureOpenAI", "AsyncAzureOpenAI",
    "Anthropic", "AsyncAnthropic", "AnthropicBedrock", "AsyncAnthropicBedrock", "AnthropicVertex", "AsyncAnthropicVertex");
  private static final Set<String> LITELLM_FUNCTIONS = Set.of("completion", "acompletion", "embedding", "aembedding", "text_completion",
    "atext_completion", "Router");
  private static final Set<String> OPENAI_LEGACY_CALLS = Set.of("openai.ChatCompletion.create", "openai.ChatCompletion.acreate",
    "openai.Completion.create", "openai.Completion.acreate", "openai.Embedding.create", "openai.Embedding.acreate");
  private static final Api REDIS_CLASSES = Api.anyOf(MessagingApi.REDIS_CLIENT, MessagingApi.ASYNC_REDIS_CLIENT);
  private static final java.util.Map<String, TimeoutApi> STDLIB = java.util.Map.of(
    "smtplib.SMTP", socketApi("SMTP connection", 3, 1),
    "smtplib.SMTP_SSL", socketApi("SMTP_SSL connection", 5, 1),
    "ftplib.FTP", socketApi("FTP connection", 4, 1),
    "ftplib.FTP_TLS", socketApi("FTP_TLS connection", 7, 1),
    "imaplib.IMAP4", socketApi("IMAP4 connection", 2, 0),
    "imaplib.IMAP4_SSL", socketApi("IMAP4_SSL connection", 5, 0),
    "poplib.POP3", socketApi("POP3 connection", 2, 1),
    "poplib.POP3_SSL", socketApi("POP3_SSL connection", 4, 1));

  private static TimeoutApi socketApi(String label, int position, int minArguments) {
    return new TimeoutApi(label, position, List.of("timeout"), "waits forever for a slow or silent server", true, "timeout=10", minArguments);
  }

  private OutboundClients() {
  }

  /**
   * The SDK/infrastructure client this call creates or invokes, when it takes a timeout: LLM SDK clients (OpenAI,
   * Anthropic), LiteLLM calls, legacy {@code openai.ChatCompletion.create}, redis clients and pools, smtplib/ftplib/
   * imaplib/poplib connections. The label is formatted with the class or function name.
   */
  public static Optional<TimeoutApi> sdkTimeoutApi(CallExpression call) {
    Optional<String> callee = Fqns.ofCallee(call);
    if (callee.isEmpty()) {
      return Optional.empty();
    }
    String fqn = callee.get();
    String simpleName = fqn.substring(fqn.lastIndexOf('.') + 1);
    if ((fqn.startsWith("openai.") || fqn.startsWith("anthropic.")) && LLM_CLIENT_CLASSES.contains(simpleName)) {
      return Optional.of(format(LLM_CLIENT, simpleName));
    }
    if (fqn.startsWith("litellm.") && fqn.indexOf('.', "litellm.".length()) < 0 && LITELLM_FUNCTIONS.contains(simpleName)) {
      return Optional.of(format(LITELLM, simpleName));
    }
    if (OPENAI_LEGACY_CALLS.contains(fqn)) {
      return Optional.of(format(OPENAI_LEGACY, fqn.substring("openai.".length()) + "()"));
    }
    if (REDIS_CLASSES.contains(fqn)) {
      return Optional.of(REDIS);
    }
    if (MessagingApi.REDIS_FROM_URL.contains(fqn)) {
      return literalUrlWithout(call, "socket_timeout") ? Optional.of(REDIS_URL) : Optional.empty();
    }
    if (MessagingApi.REDIS_POOL.contains(fqn)) {
      if (fqn.endsWith("from_url")) {
        return literalUrlWithout(call, "socket_timeout") ? Optional.of(REDIS_POOL_URL) : Optional.empty();
      }
      return Optional.of(REDIS_POOL);
    }
    return Optional.ofNullable(STDLIB.get(fqn));
  }

  /**
   * The URL of a {@code from_url(...)} call is a string literal that does not set the option: a URL read from settings or
   * the environment can carry {@code ?socket_timeout=...} itself, so only a literal proves the option is missing.
   */
  private static boolean literalUrlWithout(CallExpression call, String option) {
    return Arguments.value(call, 0, "url").filter(url -> Literals.stringValue(url).isPresent() && !literalMentions(url, option)).isPresent();
  }

  private static TimeoutApi format(TimeoutApi api, String name) {
    return new TimeoutApi(String.format(api.label(), name), api.position(), api.keywords(), api.defaultBehaviour(), api.usesSocketDefault(),
      api.quickFixArgument(), api.minArguments());
  }

  /** True when the call may pass one of the API's timeout parameters. */
  public static boolean mayPassTimeout(CallExpression call, TimeoutApi api) {
    if (Arguments.hasKeywordUnpacking(call) || api.position() >= 0 && Arguments.hasUnpacking(call)) {
      return true;
    }
    if (api.position() >= 0 && Arguments.positional(call, api.position()).isPresent()) {
      return true;
    }
    return api.keywords().stream().anyMatch(k -> Arguments.keyword(call, k).isPresent());
  }

  /** True when the call explicitly passes {@code None} to the API's first timeout parameter. */
  public static boolean passesNoneTimeout(CallExpression call, TimeoutApi api) {
    return isNoneArgument(call, api.position(), api.keywords().get(0));
  }

  /** The HTTP verb when the call is a module-level function of requests ({@code requests.get(...)}). */
  public static Optional<String> requestsFunction(CallExpression call) {
    return Fqns.ofCallee(call).flatMap(fqn -> HttpLibraries.moduleFunction(fqn, HTTP_METHODS, HttpLibraries.REQUESTS_FUNCTION_MODULES));
  }

  /** The HTTP verb when the call is a module-level function of httpx ({@code httpx.get(...)}, also {@code stream}). */
  public static Optional<String> httpxFunction(CallExpression call) {
    return Fqns.ofCallee(call).flatMap(fqn -> HttpLibraries.HTTPX_STREAM.contains(fqn) ? Optional.of(HttpLibraries.STREAM)
      : HttpLibraries.moduleFunction(fqn, HTTP_METHODS, HttpLibraries.HTTPX_FUNCTION_MODULES));
  }

  /** True for {@code requests.Session()} / {@code requests.session()}. */
  public static boolean isRequestsSessionCreation(Expression expression) {
    return Trees.skipParentheses(expression) instanceof CallExpression call && HttpLibraries.REQUESTS_SESSION.isCalledBy(call);
  }

  /** True for {@code httpx.Client(...)} / {@code httpx.AsyncClient(...)}. */
  public static boolean isHttpxClientCreation(Expression expression) {
    return Trees.skipParentheses(expression) instanceof CallExpression call && HTTPX_CLIENTS.isCalledBy(call);
  }

  /** True for {@code aiohttp.ClientSession(...)}. */
  public static boolean isAiohttpSessionCreation(Expression expression) {
    return Trees.skipParentheses(expression) instanceof CallExpression call && HttpLibraries.AIOHTTP_SESSION.isCalledBy(call);
  }

  /**
   * For {@code s.get(...)} and the other HTTP verbs, the origins of {@code s} when it is proven to be a plain
   * {@code requests.Session} (every origin is {@code requests.Session()}, or {@code s} is annotated with exactly that
   * class); empty otherwise. Subclasses are excluded: they often add a default timeout.
   */
  public static Optional<List<Expression>> requestsSessionReceiver(CallExpression call, ValueResolver resolver, SubscriptionContext ctx) {
    Optional<String> verb = Fqns.calleeName(call).filter(HTTP_METHODS::contains);
    Optional<Expression> receiver = Fqns.receiver(call);
    if (verb.isEmpty() || receiver.isEmpty()) {
      return Optional.empty();
    }
    List<Expression> values = resolver.origins(receiver.get(), ctx);
    if (!values.isEmpty()) {
      return values.stream().allMatch(OutboundClients::isRequestsSessionCreation) ? Optional.of(values) : Optional.empty();
    }
    PythonType type = receiver.get().typeV2();
    if (Types.classOf(type).filter(classType -> HttpLibraries.REQUESTS_SESSION_CLASS.equals(classType.fullyQualifiedName())).isPresent()) {
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
    return setsDefaultSocketTimeout(AnalysisContext.of(file));
  }

  /** See {@link #setsDefaultSocketTimeout(FileInput)}: computed once per file. */
  public static boolean setsDefaultSocketTimeout(AnalysisContext file) {
    return file.fact(DEFAULT_SOCKET_TIMEOUT, c -> c.calls().stream()
      .anyMatch(call -> Fqns.ofCallee(call).filter("socket.setdefaulttimeout"::equals).isPresent()));
  }

  private static final AnalysisContext.Key<Boolean> DEFAULT_SOCKET_TIMEOUT = AnalysisContext.Key.of("socket.setdefaulttimeout()");

  /** True when a string literal URL or DSN mentions the given option ({@code redis://h?socket_timeout=5}). */
  public static boolean literalMentions(Expression expression, String option) {
    return Literals.stringValue(expression).map(v -> v.toLowerCase(Locale.ROOT).contains(option)).orElse(false);
  }

  /** The file containing the tree. */
  public static FileInput file(Tree tree) {
    return (FileInput) (tree instanceof FileInput f ? f : Trees.firstAncestor(tree, Tree.Kind.FILE_INPUT));
  }
}
