/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.semantics.asyncio;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.backendreview.semantics.http.ClientObjects;
import org.backendreview.semantics.http.HttpLibraries;
import org.backendreview.tree.Fqns;
import org.backendreview.tree.Trees;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.Expression;
import org.sonar.plugins.python.api.tree.QualifiedExpression;
import org.sonar.plugins.python.api.types.v2.FullyQualifiedNameHelper;
import org.sonar.plugins.python.api.types.v2.FunctionType;
import org.sonar.plugins.python.api.types.v2.TypeWrapper;

/**
 * Calls that return a coroutine (or another awaitable that does nothing until awaited): functions defined with
 * {@code async def} (in the project or in the stubs: {@code AsyncSession.commit()}, {@code Request.json()},
 * {@code WebSocket.send_text()}, {@code UploadFile.read()}), and methods of async clients whose stubs are missing
 * ({@code httpx.AsyncClient}, {@code redis.asyncio.Redis}, aiokafka producers and consumers, {@code AsyncSession}).
 */
public final class AwaitableCalls {

  private static final Set<String> TRANSPARENT_DECORATORS = Set.of("staticmethod", "classmethod", "abc.abstractmethod",
    "builtins.staticmethod", "builtins.classmethod", "typing.override", "typing_extensions.override");

  private static final Map<String, Set<String>> ASYNC_METHODS = Map.of(
    ClientObjects.SA_ASYNC_SESSION, Set.of("execute", "scalar", "scalars", "get", "get_one", "commit", "rollback", "flush", "refresh", "delete",
      "merge", "close", "stream", "stream_scalars", "connection", "invalidate", "run_sync"),
    ClientObjects.HTTPX_ASYNC_CLIENT, HttpLibraries.with(HttpLibraries.VERBS, HttpLibraries.REQUEST, HttpLibraries.SEND, "aclose"),
    ClientObjects.AIOKAFKA_PRODUCER, Set.of("send", "send_and_wait", "send_batch", "start", "stop", "flush", "partitions_for"),
    ClientObjects.AIOKAFKA_CONSUMER, Set.of("start", "stop", "commit", "getone", "getmany", "committed", "position", "seek_to_beginning",
      "seek_to_end", "seek_to_committed", "topics"),
    ClientObjects.AIOHTTP_SESSION, Set.of("close"),
    ClientObjects.SA_ASYNC_ENGINE, Set.of("dispose"));
  /** Methods of async redis clients that are not coroutines. */
  private static final Set<String> ASYNC_REDIS_SYNC_METHODS = Set.of("pipeline", "pubsub", "lock", "register_script", "client", "monitor",
    "get_encoder", "get_connection_kwargs", "set_response_callback", "from_url", "from_pool");
  private static final Set<String> ASYNC_FUNCTIONS = Set.of("asyncio.sleep", "asyncio.tasks.sleep", "anyio.sleep", "litellm.acompletion",
    "litellm.aembedding", "asyncio.wait_for", "asyncio.tasks.wait_for", "asyncio.open_connection", "asyncio.streams.open_connection");

  private AwaitableCalls() {
  }

  /** A label for the awaitable API the call returns ("coroutine function fetch()"), or empty when not proven awaitable. */
  public static Optional<String> of(CallExpression call) {
    if (call.callee().typeV2() instanceof FunctionType function) {
      if (function.isAsynchronous() && onlyTransparentDecorators(function)) {
        return Optional.of(function.fullyQualifiedName() == null ? function.name() : function.fullyQualifiedName());
      }
      if (!function.isAsynchronous()) {
        return Optional.empty();
      }
    }
    Optional<String> fqn = Fqns.ofCallee(call);
    if (fqn.isPresent() && ASYNC_FUNCTIONS.contains(fqn.get())) {
      return fqn;
    }
    Expression callee = Trees.skipParentheses(call.callee());
    if (callee instanceof QualifiedExpression qualified) {
      String method = qualified.name().name();
      Optional<String> client = ClientObjects.classOf(qualified.qualifier());
      if (client.isPresent()) {
        if (ClientObjects.ASYNC_REDIS.equals(client.get())) {
          return !ASYNC_REDIS_SYNC_METHODS.contains(method) && !method.startsWith("_") ? Optional.of(client.get() + "." + method) : Optional.empty();
        }
        Set<String> methods = ASYNC_METHODS.get(client.get());
        if (methods != null && methods.contains(method)) {
          return Optional.of(client.get() + "." + method);
        }
      }
    }
    return Optional.empty();
  }

  private static boolean onlyTransparentDecorators(FunctionType function) {
    if (!function.hasDecorators()) {
      return true;
    }
    for (TypeWrapper decorator : function.decorators()) {
      Optional<String> fqn = FullyQualifiedNameHelper.getFullyQualifiedName(decorator.type());
      if (fqn.isEmpty() || !TRANSPARENT_DECORATORS.contains(fqn.get())) {
        return false;
      }
    }
    return true;
  }
}
