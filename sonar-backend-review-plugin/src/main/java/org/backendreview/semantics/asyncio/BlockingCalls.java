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
import org.backendreview.semantics.project.ClassHierarchy;
import org.backendreview.tree.Fqns;
import org.backendreview.tree.Trees;
import org.backendreview.tree.Types;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.Expression;
import org.sonar.plugins.python.api.tree.QualifiedExpression;
import org.sonar.plugins.python.api.types.v2.FunctionType;
import org.sonar.plugins.python.api.types.v2.PythonType;

/**
 * Catalogue of known blocking client APIs: calls that wait on a database, cache, queue, mail server or remote SDK and so
 * stall an event loop when made from a coroutine. Each entry names the API as a reviewer would ("sync SQLAlchemy
 * Session", "redis.Redis") and the asynchronous alternative. Also the CPU-heavy password hashing APIs
 * ({@link #passwordHashing}), which block the loop by computation rather than I/O, and the blocking HTTP APIs that
 * SonarPython reports when called directly in a coroutine ({@link #blockingHttp}), used when they are reached through a
 * helper.
 */
public final class BlockingCalls {

  /**
   * A blocking call.
   *
   * @param call the call
   * @param api what blocks, for messages ("the synchronous SQLAlchemy Session")
   * @param alternative what to use instead, for messages ("AsyncSession")
   * @param client the receiver holding the client, or null for module functions
   */
  public record Blocking(CallExpression call, String api, String alternative, Expression client) {
  }

  private record Api(String label, String alternative, Set<String> methods, boolean allExcept) {
    boolean blocks(String method) {
      return allExcept ? !methods.contains(method) && !method.startsWith("_") : methods.contains(method);
    }
  }

  private static final Api SA_SESSION = new Api("the synchronous SQLAlchemy Session", "AsyncSession with \"await\"",
    Set.of("execute", "scalar", "scalars", "query", "get", "get_one", "commit", "flush", "refresh", "merge", "rollback", "connection",
      "bulk_save_objects", "bulk_insert_mappings", "bulk_update_mappings", "exec"),
    false);
  private static final Map<String, Api> BY_CLASS = Map.ofEntries(
    Map.entry(ClientObjects.SA_SESSION, SA_SESSION),
    Map.entry(ClientObjects.SA_ENGINE, new Api("the synchronous SQLAlchemy Engine", "create_async_engine() and \"async with engine.connect()\"",
      Set.of("connect", "begin", "execute", "raw_connection"), false)),
    Map.entry(ClientObjects.SA_CONNECTION, new Api("the synchronous SQLAlchemy Connection", "AsyncConnection with \"await\"",
      Set.of("execute", "scalar", "scalars", "commit", "rollback", "exec_driver_sql"), false)),
    Map.entry(ClientObjects.DBAPI_CONNECTION, new Api("a synchronous DB-API connection", "an async driver (asyncpg, aiomysql, aiosqlite)",
      Set.of("execute", "executemany", "executescript", "commit", "rollback", "query", "ping"), false)),
    Map.entry(ClientObjects.DBAPI_CURSOR, new Api("a synchronous DB-API cursor", "an async driver (asyncpg, aiomysql, aiosqlite)",
      Set.of("execute", "executemany", "fetchone", "fetchall", "fetchmany", "callproc", "copy_expert", "copy_from", "copy_to", "scroll"), false)),
    Map.entry(ClientObjects.REDIS, new Api("the synchronous redis.Redis client", "redis.asyncio.Redis with \"await\"",
      Set.of("pipeline", "pubsub", "lock", "register_script", "close", "get_connection_kwargs", "get_encoder", "set_response_callback",
        "from_url", "from_pool", "connection_pool", "client", "monitor"),
      true)),
    Map.entry(ClientObjects.REDIS_PIPELINE, new Api("a synchronous redis pipeline", "redis.asyncio pipelines with \"await pipe.execute()\"",
      Set.of("execute"), false)),
    Map.entry(ClientObjects.KAFKA_PRODUCER, new Api("the synchronous kafka-python KafkaProducer", "aiokafka's AIOKafkaProducer",
      Set.of("send", "flush", "close", "partitions_for"), false)),
    Map.entry(ClientObjects.KAFKA_CONSUMER, new Api("the synchronous kafka-python KafkaConsumer", "aiokafka's AIOKafkaConsumer",
      Set.of("poll", "commit", "committed", "position", "beginning_offsets", "end_offsets", "offsets_for_times", "topics", "close"), false)),
    Map.entry(ClientObjects.SMTP, new Api("smtplib", "aiosmtplib, or a background task",
      Set.of("sendmail", "send_message", "login", "starttls", "ehlo", "helo", "connect", "quit", "noop", "verify"), false)),
    Map.entry(ClientObjects.BOTO3_CLIENT, new Api("a boto3 client", "aioboto3/aiobotocore, or \"await asyncio.to_thread(...)\"",
      Set.of("get_paginator", "get_waiter", "can_paginate", "generate_presigned_url", "generate_presigned_post", "close", "meta",
        "exceptions"),
      true)),
    Map.entry(ClientObjects.MONGO_CLIENT, new Api("the synchronous pymongo MongoClient", "Motor or pymongo's AsyncMongoClient",
      Set.of("server_info", "list_database_names", "list_databases", "drop_database"), false)));

  /** Module functions that block, by FQN, with their label and alternative. */
  private static final Map<String, String[]> FUNCTIONS = Map.ofEntries(
    Map.entry("psycopg2.connect", new String[] {"psycopg2.connect()", "asyncpg or psycopg's AsyncConnection"}),
    Map.entry("psycopg.connect", new String[] {"psycopg.connect()", "psycopg.AsyncConnection.connect()"}),
    Map.entry("pymysql.connect", new String[] {"pymysql.connect()", "aiomysql or asyncmy"}),
    Map.entry("MySQLdb.connect", new String[] {"MySQLdb.connect()", "aiomysql or asyncmy"}),
    Map.entry("sqlite3.connect", new String[] {"sqlite3.connect()", "aiosqlite"}),
    Map.entry("sqlite3.dbapi2.connect", new String[] {"sqlite3.connect()", "aiosqlite"}),
    Map.entry("kafka.KafkaProducer", new String[] {"kafka-python's KafkaProducer()", "aiokafka's AIOKafkaProducer"}),
    Map.entry("kafka.KafkaConsumer", new String[] {"kafka-python's KafkaConsumer()", "aiokafka's AIOKafkaConsumer"}),
    Map.entry("litellm.completion", new String[] {"litellm.completion()", "litellm.acompletion()"}),
    Map.entry("litellm.main.completion", new String[] {"litellm.completion()", "litellm.acompletion()"}),
    Map.entry("litellm.embedding", new String[] {"litellm.embedding()", "litellm.aembedding()"}),
    Map.entry("litellm.text_completion", new String[] {"litellm.text_completion()", "litellm.atext_completion()"}),
    Map.entry("litellm.image_generation", new String[] {"litellm.image_generation()", "litellm.aimage_generation()"}),
    Map.entry("litellm.transcription", new String[] {"litellm.transcription()", "litellm.atranscription()"}),
    Map.entry("litellm.speech", new String[] {"litellm.speech()", "litellm.aspeech()"}),
    Map.entry("openai.ChatCompletion.create", new String[] {"openai.ChatCompletion.create()", "AsyncOpenAI"}),
    Map.entry("openai.Completion.create", new String[] {"openai.Completion.create()", "AsyncOpenAI"}),
    Map.entry("openai.Embedding.create", new String[] {"openai.Embedding.create()", "AsyncOpenAI"}),
    Map.entry("smtplib.SMTP", new String[] {"smtplib.SMTP()", "aiosmtplib, or a background task"}),
    Map.entry("smtplib.SMTP_SSL", new String[] {"smtplib.SMTP_SSL()", "aiosmtplib, or a background task"}));

  /** Resource method owners of the sync SDK clients: {@code client.chat.completions.create()}. */
  private static final Map<String, String[]> SDK_PREFIXES = Map.of(
    "openai.resources.", new String[] {"the synchronous OpenAI client", "AsyncOpenAI"},
    "anthropic.resources.", new String[] {"the synchronous Anthropic client", "AsyncAnthropic"});

  private static final Map<String, String> PASSWORD_FUNCTIONS = Map.ofEntries(
    Map.entry("bcrypt.hashpw", "bcrypt.hashpw()"),
    Map.entry("bcrypt.checkpw", "bcrypt.checkpw()"),
    Map.entry("bcrypt.kdf", "bcrypt.kdf()"),
    Map.entry("hashlib.pbkdf2_hmac", "hashlib.pbkdf2_hmac()"),
    Map.entry("hashlib.scrypt", "hashlib.scrypt()"),
    Map.entry("django.contrib.auth.hashers.make_password", "make_password()"),
    Map.entry("django.contrib.auth.hashers.check_password", "check_password()"),
    Map.entry("werkzeug.security.generate_password_hash", "generate_password_hash()"),
    Map.entry("werkzeug.security.check_password_hash", "check_password_hash()"),
    Map.entry("werkzeug.generate_password_hash", "generate_password_hash()"),
    Map.entry("werkzeug.check_password_hash", "check_password_hash()"),
    Map.entry("argon2.low_level.hash_secret", "argon2 hash_secret()"),
    Map.entry("argon2.low_level.verify_secret", "argon2 verify_secret()"));
  /** Hashing methods of password hasher objects; the receiver class decides. */
  private static final Set<String> HASHER_METHODS = Set.of("hash", "verify", "verify_and_update", "encrypt", "using_hash");
  private static final Set<String> HASHER_CLASS_PREFIXES = Set.of("passlib.context.CryptContext", "passlib.CryptContext",
    "argon2.PasswordHasher", "argon2._password_hasher.PasswordHasher", "pwdlib.PasswordHash", "pwdlib._hash.PasswordHash");
  private static final Set<String> PASSLIB_HANDLER_PREFIXES = Set.of("passlib.hash.");

  private static final Set<String> HTTP_METHODS = HttpLibraries.with(HttpLibraries.VERBS, HttpLibraries.REQUEST, HttpLibraries.SEND);

  private BlockingCalls() {
  }

  /** The blocking database/cache/queue/mail/SDK call this is, or empty. HTTP and password hashing are not included. */
  public static Optional<Blocking> of(CallExpression call) {
    Optional<String> fqn = Fqns.ofCallee(call);
    if (fqn.isPresent()) {
      String[] function = FUNCTIONS.get(fqn.get());
      if (function != null) {
        if (fqn.get().startsWith("smtplib.") && call.arguments().isEmpty()) {
          // SMTP() without a host does not connect
          return Optional.empty();
        }
        return Optional.of(new Blocking(call, function[0], function[1], null));
      }
      Optional<Blocking> sdk = sdkCall(call, fqn.get());
      if (sdk.isPresent()) {
        return sdk;
      }
    }
    Expression callee = Trees.skipParentheses(call.callee());
    if (!(callee instanceof QualifiedExpression qualified)) {
      return Optional.empty();
    }
    Optional<String> client = ClientObjects.classOf(qualified.qualifier());
    if (client.isEmpty()) {
      return Optional.empty();
    }
    Api api = BY_CLASS.get(client.get());
    if (api == null || !api.blocks(qualified.name().name())) {
      return Optional.empty();
    }
    return Optional.of(new Blocking(call, api.label(), api.alternative(), qualified.qualifier()));
  }

  private static Optional<Blocking> sdkCall(CallExpression call, String fqn) {
    for (Map.Entry<String, String[]> sdk : SDK_PREFIXES.entrySet()) {
      if (fqn.startsWith(sdk.getKey()) && call.callee().typeV2() instanceof FunctionType function && !function.isAsynchronous()
        && !ownerIsAsync(function)) {
        Expression root = rootOf(call.callee());
        return Optional.of(new Blocking(call, sdk.getValue()[0], sdk.getValue()[1], root));
      }
    }
    return Optional.empty();
  }

  private static boolean ownerIsAsync(FunctionType function) {
    PythonType owner = function.owner();
    return owner != null && owner.name() != null && owner.name().startsWith("Async");
  }

  private static Expression rootOf(Expression callee) {
    Expression current = Trees.skipParentheses(callee);
    while (current instanceof QualifiedExpression qualified) {
      current = Trees.skipParentheses(qualified.qualifier());
    }
    return current;
  }

  /** The CPU-heavy password hashing or verification call this is (a label for messages), or empty. */
  public static Optional<String> passwordHashing(CallExpression call) {
    Optional<String> fqn = Fqns.ofCallee(call);
    if (fqn.isPresent()) {
      String label = PASSWORD_FUNCTIONS.get(fqn.get());
      if (label != null) {
        return Optional.of(label);
      }
      String name = fqn.get();
      for (String prefix : PASSLIB_HANDLER_PREFIXES) {
        String method = name.substring(name.lastIndexOf('.') + 1);
        if (name.startsWith(prefix) && HASHER_METHODS.contains(method)) {
          return Optional.of(name.substring("passlib.".length()) + "()");
        }
      }
      for (String owner : HASHER_CLASS_PREFIXES) {
        if (name.startsWith(owner + ".") && HASHER_METHODS.contains(name.substring(owner.length() + 1))) {
          return Optional.of(shortOwner(owner) + "." + name.substring(owner.length() + 1) + "()");
        }
      }
    }
    Expression callee = Trees.skipParentheses(call.callee());
    if (callee instanceof QualifiedExpression qualified && HASHER_METHODS.contains(qualified.name().name())) {
      PythonType type = qualified.qualifier().typeV2();
      String[] owner = new String[1];
      if (Types.instanceType(type) != null
        && ClassHierarchy.typeIsOrExtends(Types.instanceType(type), f -> {
          owner[0] = f;
          return HASHER_CLASS_PREFIXES.contains(f);
        })) {
        return Optional.of(shortOwner(owner[0]) + "." + qualified.name().name() + "()");
      }
      Optional<String> client = ClientObjects.classOf(qualified.qualifier());
      if (client.filter(ClientObjects.PASSWORD_HASHER::equals).isPresent()) {
        return Optional.of("password hasher " + qualified.name().name() + "()");
      }
    }
    return Optional.empty();
  }

  /**
   * The password hashing function or hasher method a resolved dotted name denotes ({@code hashlib.pbkdf2_hmac},
   * {@code passlib.hash.bcrypt.hash}), as a label, or empty: for calls read from another module's summary.
   */
  public static Optional<String> passwordHashingFunction(String name) {
    String label = PASSWORD_FUNCTIONS.get(name);
    if (label != null) {
      return Optional.of(label);
    }
    String method = name.substring(name.lastIndexOf('.') + 1);
    for (String prefix : PASSLIB_HANDLER_PREFIXES) {
      if (name.startsWith(prefix) && HASHER_METHODS.contains(method)) {
        return Optional.of(name.substring("passlib.".length()) + "()");
      }
    }
    return Optional.empty();
  }

  /** The password hasher class ({@code passlib.context.CryptContext}, argon2, pwdlib) a resolved class name denotes, as a label. */
  public static Optional<String> passwordHasherMethod(String className, String method) {
    return HASHER_CLASS_PREFIXES.contains(className) && HASHER_METHODS.contains(method)
      ? Optional.of(shortOwner(className) + "." + method + "()") : Optional.empty();
  }

  private static String shortOwner(String owner) {
    return owner.substring(owner.lastIndexOf('.') + 1);
  }

  /**
   * A blocking HTTP call ({@code requests} functions and {@code Session} methods, {@code httpx} functions and
   * {@code httpx.Client} methods, {@code urllib.request.urlopen}), as a label, or empty.
   */
  public static Optional<String> blockingHttp(CallExpression call) {
    Optional<String> function = Fqns.ofCallee(call).flatMap(BlockingCalls::blockingHttpFunction);
    if (function.isPresent()) {
      return function;
    }
    Expression callee = Trees.skipParentheses(call.callee());
    if (callee instanceof QualifiedExpression qualified && HTTP_METHODS.contains(qualified.name().name())) {
      Optional<String> client = ClientObjects.classOf(qualified.qualifier());
      if (client.filter(ClientObjects.REQUESTS_SESSION::equals).isPresent()) {
        return Optional.of("requests.Session." + qualified.name().name() + "()");
      }
      if (client.filter(ClientObjects.HTTPX_CLIENT::equals).isPresent()) {
        return Optional.of("httpx.Client." + qualified.name().name() + "()");
      }
    }
    return Optional.empty();
  }

  /**
   * For the FQN of a blocking HTTP function ({@code requests} and {@code httpx} module functions,
   * {@code urllib.request.urlopen}), its label; empty otherwise (methods of client objects need the call, see
   * {@link #blockingHttp}).
   */
  public static Optional<String> blockingHttpFunction(String name) {
    String method = name.substring(name.lastIndexOf('.') + 1);
    if (HttpLibraries.URLOPEN.contains(name) || HttpLibraries.URLRETRIEVE.contains(name)) {
      return Optional.of(name + "()");
    }
    for (String prefix : HttpLibraries.REQUESTS_FUNCTION_MODULES) {
      if (name.equals(prefix + method) && HTTP_METHODS.contains(method)) {
        return Optional.of("requests." + method + "()");
      }
    }
    if (name.equals("httpx." + method) && HTTP_METHODS.contains(method) || name.equals("httpx.stream")) {
      return Optional.of(name + "()");
    }
    return Optional.empty();
  }

  /** {@code time.sleep(...)}. */
  public static boolean isTimeSleep(CallExpression call) {
    return Fqns.isCallTo(call, "time.sleep");
  }
}
