/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.semantics.http;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.backendreview.semantics.messaging.MessagingApi;
import org.backendreview.semantics.project.AnalysisContext;
import org.backendreview.semantics.project.ClassHierarchy;
import org.backendreview.semantics.sqlalchemy.SqlAlchemyApi;
import org.backendreview.tree.Api;
import org.backendreview.tree.Arguments;
import org.backendreview.tree.Fqns;
import org.backendreview.tree.Trees;
import org.backendreview.tree.Types;
import org.backendreview.tree.ValueResolver;
import org.sonar.plugins.python.api.symbols.v2.SymbolV2;
import org.sonar.plugins.python.api.symbols.v2.UsageV2;
import org.sonar.plugins.python.api.tree.AnnotatedAssignment;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.ClassDef;
import org.sonar.plugins.python.api.tree.Expression;
import org.sonar.plugins.python.api.tree.FunctionDef;
import org.sonar.plugins.python.api.tree.Name;
import org.sonar.plugins.python.api.tree.Parameter;
import org.sonar.plugins.python.api.tree.QualifiedExpression;
import org.sonar.plugins.python.api.tree.SubscriptionExpression;
import org.sonar.plugins.python.api.tree.Tree;
import org.sonar.plugins.python.api.types.v2.ClassType;
import org.sonar.plugins.python.api.types.v2.PythonType;

/**
 * Which client object (database session, connection, cursor, cache or queue client, HTTP or SDK client) an expression
 * holds. The frontend's types answer first (an {@code ObjectType} of a stubbed class: {@code db: Session},
 * {@code r = redis.Redis()}, {@code cur = conn.cursor()}); where they are silent, the origin of the name answers: a single
 * assignment or a {@code with ... as name} binding from a known constructor or factory ({@code create_engine()},
 * {@code psycopg2.connect()}, a {@code sessionmaker()} factory, {@code engine.connect()}), or a parameter annotated with a
 * known class. Results are canonical class names (the constants below); anything else is empty.
 */
public final class ClientObjects {

  public static final String SA_SESSION = "sqlalchemy.orm.Session";
  public static final String SA_ASYNC_SESSION = "sqlalchemy.ext.asyncio.AsyncSession";
  public static final String SA_ENGINE = "sqlalchemy.engine.Engine";
  public static final String SA_ASYNC_ENGINE = "sqlalchemy.ext.asyncio.AsyncEngine";
  public static final String SA_CONNECTION = "sqlalchemy.engine.Connection";
  public static final String DBAPI_CONNECTION = "dbapi.Connection";
  public static final String DBAPI_CURSOR = "dbapi.Cursor";
  public static final String REDIS = "redis.Redis";
  public static final String REDIS_PIPELINE = "redis.client.Pipeline";
  public static final String ASYNC_REDIS = "redis.asyncio.Redis";
  public static final String MONGO_CLIENT = "pymongo.MongoClient";
  public static final String KAFKA_PRODUCER = "kafka.KafkaProducer";
  public static final String KAFKA_CONSUMER = "kafka.KafkaConsumer";
  public static final String AIOKAFKA_PRODUCER = "aiokafka.AIOKafkaProducer";
  public static final String AIOKAFKA_CONSUMER = "aiokafka.AIOKafkaConsumer";
  public static final String SMTP = "smtplib.SMTP";
  public static final String BOTO3_CLIENT = "botocore.client.BaseClient";
  public static final String HTTPX_CLIENT = "httpx.Client";
  public static final String HTTPX_ASYNC_CLIENT = "httpx.AsyncClient";
  public static final String AIOHTTP_SESSION = "aiohttp.ClientSession";
  public static final String REQUESTS_SESSION = "requests.Session";
  public static final String PASSWORD_HASHER = "password.Hasher";
  public static final String STARLETTE_REQUEST = "starlette.requests.Request";
  public static final String STARLETTE_WEBSOCKET = "starlette.websockets.WebSocket";
  public static final String UPLOAD_FILE = "starlette.datastructures.UploadFile";

  private static final int MAX_DEPTH = 4;

  /** Class FQNs (as the stubs or imports name them) to canonical names; a prefix entry ends with a dot. */
  private static final Map<String, String> CLASSES = canonical(Map.ofEntries(
    Map.entry("psycopg2._psycopg.connection", DBAPI_CONNECTION),
    Map.entry("psycopg2.extensions.connection", DBAPI_CONNECTION),
    Map.entry("pymysql.connections.Connection", DBAPI_CONNECTION),
    Map.entry("sqlite3.dbapi2.Connection", DBAPI_CONNECTION),
    Map.entry("sqlite3.Connection", DBAPI_CONNECTION),
    Map.entry("psycopg.Connection", DBAPI_CONNECTION),
    Map.entry("psycopg.connection.Connection", DBAPI_CONNECTION),
    Map.entry("psycopg2._psycopg.cursor", DBAPI_CURSOR),
    Map.entry("psycopg2.extensions.cursor", DBAPI_CURSOR),
    Map.entry("psycopg2.extras.DictCursor", DBAPI_CURSOR),
    Map.entry("psycopg2.extras.RealDictCursor", DBAPI_CURSOR),
    Map.entry("pymysql.cursors.Cursor", DBAPI_CURSOR),
    Map.entry("pymysql.cursors.DictCursor", DBAPI_CURSOR),
    Map.entry("sqlite3.dbapi2.Cursor", DBAPI_CURSOR),
    Map.entry("sqlite3.Cursor", DBAPI_CURSOR),
    Map.entry("psycopg.Cursor", DBAPI_CURSOR),
    Map.entry("redis.RedisCluster", REDIS),
    Map.entry("redis.cluster.RedisCluster", REDIS),
    Map.entry("redis.client.Pipeline", REDIS_PIPELINE),
    Map.entry("pymongo.MongoClient", MONGO_CLIENT),
    Map.entry("pymongo.mongo_client.MongoClient", MONGO_CLIENT),
    Map.entry("kafka.KafkaProducer", KAFKA_PRODUCER),
    Map.entry("kafka.producer.KafkaProducer", KAFKA_PRODUCER),
    Map.entry("kafka.producer.kafka.KafkaProducer", KAFKA_PRODUCER),
    Map.entry("kafka.KafkaConsumer", KAFKA_CONSUMER),
    Map.entry("kafka.consumer.KafkaConsumer", KAFKA_CONSUMER),
    Map.entry("kafka.consumer.group.KafkaConsumer", KAFKA_CONSUMER),
    Map.entry("aiokafka.AIOKafkaProducer", AIOKAFKA_PRODUCER),
    Map.entry("aiokafka.producer.AIOKafkaProducer", AIOKAFKA_PRODUCER),
    Map.entry("aiokafka.AIOKafkaConsumer", AIOKAFKA_CONSUMER),
    Map.entry("aiokafka.consumer.AIOKafkaConsumer", AIOKAFKA_CONSUMER),
    Map.entry("smtplib.SMTP", SMTP),
    Map.entry("smtplib.SMTP_SSL", SMTP),
    Map.entry("botocore.client.BaseClient", BOTO3_CLIENT),
    Map.entry("passlib.context.CryptContext", PASSWORD_HASHER),
    Map.entry("passlib.CryptContext", PASSWORD_HASHER),
    Map.entry("argon2.PasswordHasher", PASSWORD_HASHER),
    Map.entry("argon2._password_hasher.PasswordHasher", PASSWORD_HASHER),
    Map.entry("pwdlib.PasswordHash", PASSWORD_HASHER),
    Map.entry("pwdlib._hash.PasswordHash", PASSWORD_HASHER),
    Map.entry("starlette.requests.Request", STARLETTE_REQUEST),
    Map.entry("fastapi.Request", STARLETTE_REQUEST),
    Map.entry("fastapi.requests.Request", STARLETTE_REQUEST),
    Map.entry("starlette.websockets.WebSocket", STARLETTE_WEBSOCKET),
    Map.entry("fastapi.WebSocket", STARLETTE_WEBSOCKET),
    Map.entry("fastapi.websockets.WebSocket", STARLETTE_WEBSOCKET),
    Map.entry("starlette.datastructures.UploadFile", UPLOAD_FILE),
    Map.entry("fastapi.UploadFile", UPLOAD_FILE),
    Map.entry("fastapi.datastructures.UploadFile", UPLOAD_FILE)),
    Map.of(SA_SESSION, Api.anyOf(SqlAlchemyApi.SESSION, SqlAlchemyApi.SCOPED_SESSION), SA_ASYNC_SESSION, SqlAlchemyApi.ASYNC_SESSION,
      SA_ENGINE, SqlAlchemyApi.ENGINE, SA_ASYNC_ENGINE, SqlAlchemyApi.ASYNC_ENGINE, SA_CONNECTION, SqlAlchemyApi.CONNECTION,
      REDIS, MessagingApi.REDIS_CLIENT, ASYNC_REDIS, MessagingApi.ASYNC_REDIS_CLIENT, HTTPX_CLIENT, HttpLibraries.HTTPX_CLIENT,
      HTTPX_ASYNC_CLIENT, HttpLibraries.HTTPX_ASYNC_CLIENT, AIOHTTP_SESSION, HttpLibraries.AIOHTTP_SESSION),
    Map.of(REQUESTS_SESSION, HttpLibraries.REQUESTS_SESSION));

  /** Factory functions (not classes) to the canonical class of what they return. */
  private static final Map<String, String> FACTORIES = canonical(Map.ofEntries(
    Map.entry("psycopg2.connect", DBAPI_CONNECTION),
    Map.entry("psycopg.connect", DBAPI_CONNECTION),
    Map.entry("pymysql.connect", DBAPI_CONNECTION),
    Map.entry("MySQLdb.connect", DBAPI_CONNECTION),
    Map.entry("sqlite3.connect", DBAPI_CONNECTION),
    Map.entry("sqlite3.dbapi2.connect", DBAPI_CONNECTION),
    Map.entry("redis.from_url", REDIS),
    Map.entry("redis.Redis.from_url", REDIS),
    Map.entry("redis.StrictRedis.from_url", REDIS),
    Map.entry("redis.client.Redis.from_url", REDIS),
    Map.entry("redis.asyncio.from_url", ASYNC_REDIS),
    Map.entry("redis.asyncio.Redis.from_url", ASYNC_REDIS),
    Map.entry("boto3.client", BOTO3_CLIENT),
    Map.entry("boto3.session.Session.client", BOTO3_CLIENT),
    Map.entry("requests.session", REQUESTS_SESSION)),
    Map.of(SA_ENGINE, SqlAlchemyApi.CREATE_ENGINE.plus(SqlAlchemyApi.ENGINE_FROM_CONFIG), SA_ASYNC_ENGINE, SqlAlchemyApi.CREATE_ASYNC_ENGINE),
    Map.of());

  private static final Api SESSION_FACTORIES = Api.anyOf(SqlAlchemyApi.SESSIONMAKER, SqlAlchemyApi.SCOPED_SESSION);
  private static final Api ASYNC_SESSION_FACTORIES = Api.anyOf(SqlAlchemyApi.ASYNC_SESSIONMAKER, SqlAlchemyApi.ASYNC_SCOPED_SESSION);

  private ClientObjects() {
  }

  /**
   * The listed names plus every name of the given APIs, each mapped to its canonical class; {@code more} holds APIs
   * beyond the ten pairs {@code Map.of} takes.
   */
  private static Map<String, String> canonical(Map<String, String> listed, Map<String, Api> apis, Map<String, Api> more) {
    Map<String, String> all = new java.util.HashMap<>(listed);
    apis.forEach((canonicalName, api) -> api.fqns().forEach(fqn -> all.put(fqn, canonicalName)));
    more.forEach((canonicalName, api) -> api.fqns().forEach(fqn -> all.put(fqn, canonicalName)));
    return Map.copyOf(all);
  }

  /** The canonical client class the expression holds, or empty when unknown. */
  public static Optional<String> classOf(Expression expression) {
    return classOf(expression, 0);
  }

  /** True when the expression holds a client of one of the canonical classes. */
  public static boolean isA(Expression expression, String... canonical) {
    Optional<String> found = classOf(expression);
    return found.isPresent() && Set.of(canonical).contains(found.get());
  }

  /** The canonical class of a class FQN (or of one of its superclasses when the type is known), or empty. */
  public static Optional<String> canonicalClass(String fqn) {
    return Optional.ofNullable(CLASSES.get(fqn));
  }

  private static Optional<String> classOf(Expression expression, int depth) {
    if (depth > MAX_DEPTH) {
      return Optional.empty();
    }
    Expression expr = Trees.skipParentheses(expression);
    Optional<String> typed = fromType(expr.typeV2());
    if (typed.isPresent()) {
      return typed;
    }
    if (expr instanceof CallExpression call) {
      return producedBy(call, depth);
    }
    if (expr instanceof Name name) {
      return fromBinding(name, depth);
    }
    if (expr instanceof QualifiedExpression qualified && qualified.qualifier() instanceof Name self && "self".equals(self.name())) {
      return fromSelfAttribute(qualified, depth);
    }
    return Optional.empty();
  }

  /** {@code self.session} where the class assigns {@code self.session = ...} exactly once (typically in __init__). */
  private static Optional<String> fromSelfAttribute(QualifiedExpression attribute, int depth) {
    FunctionDef method = Trees.nearestFunctionDef(attribute);
    ClassDef owner = method == null ? null : Trees.methodOwner(method);
    if (owner == null) {
      return Optional.empty();
    }
    return AnalysisContext.of(AnalysisContext.fileOf(owner)).values().onlySelfAssignment(owner, attribute.name().name())
      .flatMap(value -> classOf(value, depth + 1));
  }

  private static Optional<String> fromType(PythonType type) {
    PythonType instanceType = Types.instanceType(type);
    return instanceType == null ? Optional.empty() : fromClassType(instanceType);
  }

  private static Optional<String> fromClassType(PythonType type) {
    String[] found = new String[1];
    ClassHierarchy.typeIsOrExtends(type, fqn -> {
      String canonical = CLASSES.get(fqn);
      if (canonical != null && found[0] == null) {
        found[0] = canonical;
      }
      return canonical != null;
    });
    return Optional.ofNullable(found[0]);
  }

  /** What a call returns: a constructed client, a factory's product, or a client method's product. */
  private static Optional<String> producedBy(CallExpression call, int depth) {
    Optional<String> fqn = Fqns.ofCallee(call);
    if (fqn.isPresent()) {
      String canonical = CLASSES.get(fqn.get());
      if (canonical == null) {
        canonical = FACTORIES.get(fqn.get());
      }
      if (canonical != null) {
        return Optional.of(canonical);
      }
    }
    PythonType calleeType = call.callee().typeV2();
    if (calleeType instanceof ClassType) {
      Optional<String> constructed = fromClassType(calleeType);
      if (constructed.isPresent()) {
        return constructed;
      }
    }
    Expression callee = Trees.skipParentheses(call.callee());
    if (callee instanceof Name factory) {
      // SessionLocal() where SessionLocal = sessionmaker(...)
      return sessionFactoryProduct(factory, depth);
    }
    if (callee instanceof QualifiedExpression qualified) {
      String method = qualified.name().name();
      Optional<String> receiver = classOf(qualified.qualifier(), depth + 1);
      if (receiver.isEmpty()) {
        return Optional.empty();
      }
      return switch (receiver.get()) {
        case SA_ENGINE -> "connect".equals(method) || "begin".equals(method) ? Optional.of(SA_CONNECTION) : Optional.empty();
        case DBAPI_CONNECTION -> "cursor".equals(method) ? Optional.of(DBAPI_CURSOR) : Optional.empty();
        case REDIS -> "pipeline".equals(method) ? Optional.of(REDIS_PIPELINE) : Optional.empty();
        default -> Optional.empty();
      };
    }
    return Optional.empty();
  }

  private static Optional<String> sessionFactoryProduct(Name factory, int depth) {
    Optional<Expression> value = ValueResolver.singleAssignedValue(factory);
    if (value.isEmpty() || !(Trees.skipParentheses(value.get()) instanceof CallExpression maker) || depth > MAX_DEPTH) {
      return Optional.empty();
    }
    Optional<String> makerFqn = Fqns.ofCallee(maker);
    if (makerFqn.isEmpty()) {
      return Optional.empty();
    }
    if (ASYNC_SESSION_FACTORIES.contains(makerFqn.get())) {
      return Optional.of(SA_ASYNC_SESSION);
    }
    if (SESSION_FACTORIES.contains(makerFqn.get())) {
      boolean asyncClass = Arguments.keyword(maker, "class_")
        .flatMap(a -> Fqns.of(a.expression()))
        .map(c -> SA_ASYNC_SESSION.equals(CLASSES.get(c)))
        .orElse(false);
      return Optional.of(asyncClass ? SA_ASYNC_SESSION : SA_SESSION);
    }
    return Optional.empty();
  }

  private static Optional<String> fromBinding(Name name, int depth) {
    SymbolV2 symbol = name.symbolV2();
    if (symbol == null) {
      return Optional.empty();
    }
    Optional<UsageV2> binding = symbol.getSingleBindingUsage();
    if (binding.isEmpty()) {
      return Optional.empty();
    }
    Tree bound = binding.get().tree();
    switch (binding.get().kind()) {
      case ASSIGNMENT_LHS -> {
        Optional<Expression> value = ValueResolver.singleAssignedValue(name);
        if (value.isPresent()) {
          return classOf(value.get(), depth + 1);
        }
        Tree parent = bound.parent();
        if (parent instanceof AnnotatedAssignment annotated && annotated.variable() == bound) {
          return annotationClass(annotated.annotation().expression());
        }
        return Optional.empty();
      }
      case WITH_INSTANCE -> {
        Expression value = ValueResolver.withItemValue(bound);
        return value != null ? classOf(value, depth + 1) : Optional.empty();
      }
      case PARAMETER -> {
        Tree parameter = bound.parent();
        if (parameter instanceof Parameter p && p.typeAnnotation() != null) {
          return annotationClass(p.typeAnnotation().expression());
        }
        return Optional.empty();
      }
      default -> {
        return Optional.empty();
      }
    }
  }

  /** The client class named by an annotation: {@code Session}, {@code Annotated[Session, Depends(...)]}. */
  public static Optional<String> annotationClass(Expression annotation) {
    Expression expr = Trees.skipParentheses(annotation);
    if (expr instanceof SubscriptionExpression subscription
      && Fqns.of(subscription.object()).filter(f -> f.equals("typing.Annotated") || f.equals("typing_extensions.Annotated")).isPresent()
      && !subscription.subscripts().expressions().isEmpty()) {
      return annotationClass(subscription.subscripts().expressions().get(0));
    }
    Optional<String> fqn = Fqns.of(expr);
    if (fqn.isPresent() && CLASSES.containsKey(fqn.get())) {
      return Optional.of(CLASSES.get(fqn.get()));
    }
    PythonType type = expr.typeV2();
    return type instanceof ClassType ? fromClassType(type) : Optional.empty();
  }

  /** Predicate on canonical names, for callers that accept several classes. */
  public static Predicate<Expression> holding(String... canonical) {
    return e -> isA(e, canonical);
  }
}
