/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.semantics.asyncio;

import java.util.Optional;
import java.util.Set;
import org.backendreview.semantics.project.AnalysisContext;
import org.backendreview.tree.Api;
import org.backendreview.tree.Fqns;
import org.backendreview.tree.Trees;
import org.backendreview.tree.ValueResolver;
import org.sonar.plugins.python.api.symbols.v2.SymbolV2;
import org.sonar.plugins.python.api.symbols.v2.UsageV2;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.Expression;
import org.sonar.plugins.python.api.tree.Name;
import org.sonar.plugins.python.api.tree.Parameter;

/**
 * Process-local brokers: module-level registries of subscriber channels ({@code asyncio.Queue}s, open WebSocket
 * connections) that request handlers register into and publish through. With several worker processes (gunicorn
 * {@code -w}, uvicorn {@code --workers}, several pods) each process has its own registry, so a message published in one
 * worker reaches only the clients connected to that worker. A module that imports a real broker client (Redis pub/sub,
 * broadcaster, Django Channels layers, Kafka, NATS, AMQP) is taken to fan messages out through it, its local registry
 * being the per-worker end of that fan-out.
 */
public final class ProcessLocalBrokers {

  /** Subscriber channels: in-process queues. */
  public static final Api QUEUES = Api.of("asyncio.Queue", "asyncio.queues.Queue", "asyncio.LifoQueue", "asyncio.queues.LifoQueue",
    "asyncio.PriorityQueue", "asyncio.queues.PriorityQueue", "janus.Queue");
  /** Subscriber channels: open WebSocket connections. */
  public static final Api WEBSOCKETS = Api.of("starlette.websockets.WebSocket", "fastapi.WebSocket", "fastapi.websockets.WebSocket");
  /** Modules of real brokers: their import means messages can cross worker processes. */
  private static final Set<String> BROKER_MODULES = Set.of("redis", "aioredis", "broadcaster", "channels.layers", "channels_redis",
    "aiokafka", "kafka", "nats", "aio_pika", "aiormq", "pika", "kombu", "celery", "google.cloud.pubsub", "zmq", "websockets_pubsub",
    "encode.broadcaster");

  private ProcessLocalBrokers() {
  }

  /**
   * What kind of subscriber channel the value is ({@code "queue"} or {@code "WebSocket connection"}): an
   * {@code asyncio.Queue()} (also through a name bound once), or a parameter annotated {@code WebSocket}; empty otherwise.
   */
  public static Optional<String> subscriberChannel(Expression value) {
    Expression expr = Trees.skipParentheses(value);
    if (expr instanceof Name name) {
      Optional<Expression> assigned = ValueResolver.singleAssignedValue(name);
      if (assigned.isPresent()) {
        expr = Trees.skipParentheses(assigned.get());
      } else if (isWebSocketParameter(name)) {
        return Optional.of("WebSocket connection");
      }
    }
    if (expr instanceof CallExpression call && QUEUES.isCalledBy(call)) {
      return Optional.of("queue");
    }
    return Optional.empty();
  }

  private static boolean isWebSocketParameter(Name name) {
    SymbolV2 symbol = name.symbolV2();
    if (symbol == null) {
      return false;
    }
    for (UsageV2 usage : symbol.usages()) {
      if (usage.isBindingUsage()) {
        return usage.kind() == UsageV2.Kind.PARAMETER && usage.tree().parent() instanceof Parameter parameter && parameter.typeAnnotation() != null
          && Fqns.of(parameter.typeAnnotation().expression()).filter(WEBSOCKETS).isPresent();
      }
    }
    return false;
  }

  /** Library evidence: the module imports the client of a real broker (see the class comment). */
  public static boolean importsBroker(AnalysisContext file) {
    return file.summary().imports().values().stream().anyMatch(ProcessLocalBrokers::isBrokerModule);
  }

  private static boolean isBrokerModule(String imported) {
    for (String module : BROKER_MODULES) {
      if (imported.equals(module) || imported.startsWith(module + ".")) {
        return true;
      }
    }
    return false;
  }
}
