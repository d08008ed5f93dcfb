/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.semantics.http;

import java.util.ArrayList;
import java.util.List;
import org.backendreview.testing.Analysis;
import org.backendreview.tree.ValueResolver;
import org.junit.jupiter.api.Test;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.FileInput;
import org.sonar.plugins.python.api.tree.Tree;

import static org.assertj.core.api.Assertions.assertThat;

class OutboundClientsTest {

  @Test
  void http_functions_and_clients() {
    List<String> seen = new ArrayList<>();
    Analysis.onEach("m.py", """
      import requests, httpx, aiohttp
      from requests import Session
      requests.get("u")
      requests.request("GET", "u")
      httpx.post("u")
      Session()
      requests.session()
      httpx.AsyncClient()
      aiohttp.ClientSession()
      s = requests.Session()
      s.get("u")
      other.get("u")
      """, Tree.Kind.CALL_EXPR, (tree, ctx) -> {
        CallExpression call = (CallExpression) tree;
        seen.add(OutboundClients.requestsFunction(call).map(v -> "requests." + v)
          .or(() -> OutboundClients.httpxFunction(call).map(v -> "httpx." + v))
          .orElse(OutboundClients.isRequestsSessionCreation(call) ? "session"
            : OutboundClients.isHttpxClientCreation(call) ? "httpx-client"
            : OutboundClients.isAiohttpSessionCreation(call) ? "aiohttp-session"
            : OutboundClients.requestsSessionReceiver(call, new ValueResolver(), ctx).isPresent() ? "session-method" : "-"));
      });
    assertThat(seen).containsExactly("requests.get", "requests.request", "httpx.post", "session", "session", "httpx-client",
      "aiohttp-session", "session", "session-method", "-");
  }

  @Test
  void sdk_timeout_apis() {
    List<String> seen = new ArrayList<>();
    Analysis.onEach("m.py", """
      import redis, smtplib, litellm
      from openai import AsyncOpenAI
      from anthropic import Anthropic
      AsyncOpenAI()
      Anthropic(timeout=5)
      litellm.completion(model="m")
      redis.Redis(host="h")
      redis.from_url("redis://h?socket_timeout=3")
      redis.from_url(settings.REDIS_URL)
      redis.from_url("redis://h/0")
      smtplib.SMTP("h", 25, None, 10)
      print("x")
      """, Tree.Kind.CALL_EXPR, (tree, ctx) -> {
        CallExpression call = (CallExpression) tree;
        seen.add(OutboundClients.sdkTimeoutApi(call).map(api -> api.label() + (OutboundClients.mayPassTimeout(call, api) ? " set" : " unset"))
          .orElse("-"));
      });
    assertThat(seen).containsExactly("AsyncOpenAI client unset", "Anthropic client set", "\"litellm.completion()\" call unset",
      "Redis client unset", "-", "-", "Redis client (or set it in the URL) unset", "SMTP connection set", "-");
  }

  @Test
  void default_socket_timeout() {
    List<Boolean> seen = new ArrayList<>();
    Analysis.onEach("m.py", "import socket\nsocket.setdefaulttimeout(5)\n", Tree.Kind.FILE_INPUT,
      (tree, ctx) -> seen.add(OutboundClients.setsDefaultSocketTimeout((FileInput) tree)));
    Analysis.onEach("m.py", "import socket\nsocket.socket()\n", Tree.Kind.FILE_INPUT,
      (tree, ctx) -> seen.add(OutboundClients.setsDefaultSocketTimeout((FileInput) tree)));
    assertThat(seen).containsExactly(true, false);
  }
}
