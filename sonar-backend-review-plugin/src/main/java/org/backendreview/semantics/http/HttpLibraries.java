/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.semantics.http;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.backendreview.tree.Api;

/**
 * The API names of HTTP client libraries (requests, httpx, aiohttp, urllib3, urllib, http.client) and of the retry
 * libraries wrapped around outbound calls (tenacity, retrying, backoff), declared once: every alias a library exports
 * is listed here and nowhere else. HTTP verbs and safe methods live here too, for clients and for route decorators.
 */
public final class HttpLibraries {

  /** The HTTP verbs named by client functions and methods ({@code requests.get}, {@code client.post}...), lower case. */
  public static final Set<String> VERBS = Set.of("get", "post", "put", "patch", "delete", "head", "options");
  /** The verbs a route decorator or a class-based view method may name: {@link #VERBS} and {@code trace}. */
  public static final Set<String> ROUTE_VERBS = with(VERBS, "trace");
  /** The methods RFC 9110 calls safe (they must not change server state), upper case. */
  public static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
  /** The generic request method of clients, {@code client.request("GET", url)}. */
  public static final String REQUEST = "request";
  /** The method sending a prepared request ({@code Session.send}, {@code httpx.Client.send}). */
  public static final String SEND = "send";
  /** httpx's streaming request function and method. */
  public static final String STREAM = "stream";
  /** The top-level modules of the HTTP client libraries whose objects receive request URLs. */
  public static final Set<String> CLIENT_LIBRARIES = Set.of("requests", "httpx", "aiohttp", "urllib3");

  /** The modules whose functions are named after the verbs: {@code requests.get} is {@code requests.api.get}. */
  public static final List<String> REQUESTS_FUNCTION_MODULES = List.of("requests.api.", "requests.");
  /** The modules whose functions are named after the verbs: {@code httpx.get} is {@code httpx._api.get}. */
  public static final List<String> HTTPX_FUNCTION_MODULES = List.of("httpx._api.", "httpx.");
  public static final Api HTTPX_STREAM = Api.of("httpx.stream", "httpx._api.stream");

  /** The class of {@code requests.Session()} objects. */
  public static final String REQUESTS_SESSION_CLASS = "requests.sessions.Session";
  /** {@code requests.Session} and its factory {@code requests.session()}. */
  public static final Api REQUESTS_SESSION = Api.of("requests.Session", "requests.sessions.Session", "requests.session",
    "requests.sessions.session");
  public static final Api HTTPX_CLIENT = Api.of("httpx.Client", "httpx._client.Client");
  public static final Api HTTPX_ASYNC_CLIENT = Api.of("httpx.AsyncClient", "httpx._client.AsyncClient");
  public static final Api HTTPX_TIMEOUT = Api.of("httpx.Timeout", "httpx._config.Timeout");
  public static final Api AIOHTTP_SESSION = Api.of("aiohttp.ClientSession", "aiohttp.client.ClientSession");
  public static final Api AIOHTTP_REQUEST = Api.of("aiohttp.request", "aiohttp.client.request");
  public static final Api AIOHTTP_TIMEOUT = Api.of("aiohttp.ClientTimeout", "aiohttp.client.ClientTimeout", "aiohttp.timeout.ClientTimeout");
  public static final Api URLOPEN = Api.of("urllib.request.urlopen");
  public static final Api URLRETRIEVE = Api.of("urllib.request.urlretrieve");
  public static final Api OPENER_OPEN = Api.of("urllib.request.OpenerDirector.open");
  public static final Api HTTP_CONNECTION = Api.of("http.client.HTTPConnection");
  public static final Api HTTPS_CONNECTION = Api.of("http.client.HTTPSConnection");

  /** tenacity's decorator and retrying objects. */
  public static final Api TENACITY = Api.of("tenacity.retry", "tenacity.Retrying", "tenacity.AsyncRetrying", "tenacity.asyncio.AsyncRetrying");
  /** The retrying package's decorator and object. */
  public static final Api RETRYING = Api.of("retrying.retry", "retrying.Retrying");
  /** backoff's decorators. */
  public static final Api BACKOFF = Api.of("backoff.on_exception", "backoff.on_predicate", "backoff._decorator.on_exception",
    "backoff._decorator.on_predicate");

  private HttpLibraries() {
  }

  /** The set plus the given names. */
  public static Set<String> with(Set<String> names, String... more) {
    Set<String> all = new LinkedHashSet<>(names);
    all.addAll(List.of(more));
    return Set.copyOf(all);
  }

  /**
   * The method name when the FQN is one of the module functions {@code <module><method>} with a method of the given
   * set ({@code requests.api.get} with {@link #REQUESTS_FUNCTION_MODULES} gives {@code get}).
   */
  public static Optional<String> moduleFunction(String fqn, Set<String> methods, List<String> modules) {
    for (String prefix : modules) {
      if (fqn.startsWith(prefix) && methods.contains(fqn.substring(prefix.length()))) {
        return Optional.of(fqn.substring(prefix.length()));
      }
    }
    return Optional.empty();
  }
}
