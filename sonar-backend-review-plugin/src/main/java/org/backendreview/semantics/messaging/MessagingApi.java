/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.semantics.messaging;

import java.util.Set;
import org.backendreview.tree.Api;

/** The API names of message brokers' and caches' client libraries (redis-py, Kafka clients), declared once. */
public final class MessagingApi {

  public static final Api REDIS_CLIENT = Api.of("redis.Redis", "redis.StrictRedis", "redis.client.Redis", "redis.client.StrictRedis");
  public static final Api ASYNC_REDIS_CLIENT = Api.of("redis.asyncio.Redis", "redis.asyncio.StrictRedis", "redis.asyncio.client.Redis",
    "redis.asyncio.client.StrictRedis");
  /** {@code redis.from_url()} and the {@code from_url} class methods of the clients, sync and async. */
  public static final Api REDIS_FROM_URL = Api.of("redis.from_url", "redis.utils.from_url", "redis.asyncio.from_url",
    "redis.asyncio.utils.from_url", "redis.Redis.from_url", "redis.StrictRedis.from_url", "redis.client.Redis.from_url",
    "redis.client.StrictRedis.from_url", "redis.asyncio.Redis.from_url", "redis.asyncio.client.Redis.from_url");
  /** Connection pools and their {@code from_url} factories. */
  public static final Api REDIS_POOL = Api.of("redis.ConnectionPool", "redis.BlockingConnectionPool", "redis.connection.ConnectionPool",
    "redis.connection.BlockingConnectionPool", "redis.asyncio.ConnectionPool", "redis.asyncio.BlockingConnectionPool",
    "redis.asyncio.connection.ConnectionPool", "redis.asyncio.connection.BlockingConnectionPool", "redis.ConnectionPool.from_url",
    "redis.connection.ConnectionPool.from_url", "redis.asyncio.ConnectionPool.from_url", "redis.asyncio.connection.ConnectionPool.from_url");
  /** The configuration keys of confluent-kafka (librdkafka) that set the producer's acknowledgements. */
  public static final Set<String> CONFLUENT_ACKS_KEYS = Set.of("acks", "request.required.acks");

  private MessagingApi() {
  }
}
