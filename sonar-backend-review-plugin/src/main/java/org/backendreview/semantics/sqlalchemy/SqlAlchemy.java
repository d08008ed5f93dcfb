/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.semantics.sqlalchemy;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.backendreview.semantics.project.ClassHierarchy;
import org.backendreview.tree.Api;
import org.backendreview.semantics.project.AnalysisContext;
import org.backendreview.tree.Arguments;
import org.backendreview.tree.Fqns;
import org.backendreview.tree.Literals;
import org.backendreview.tree.Types;
import org.backendreview.tree.Trees;
import org.backendreview.tree.ValueResolver;
import org.sonar.plugins.python.api.SubscriptionContext;
import org.sonar.plugins.python.api.symbols.Symbol;
import org.sonar.plugins.python.api.symbols.Usage;
import org.sonar.plugins.python.api.symbols.v2.SymbolV2;
import org.sonar.plugins.python.api.symbols.v2.UsageV2;
import org.sonar.plugins.python.api.tree.AliasedName;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.Expression;
import org.sonar.plugins.python.api.tree.FileInput;
import org.sonar.plugins.python.api.tree.HasSymbol;
import org.sonar.plugins.python.api.tree.ImportFrom;
import org.sonar.plugins.python.api.tree.Name;
import org.sonar.plugins.python.api.tree.Parameter;
import org.sonar.plugins.python.api.tree.QualifiedExpression;
import org.sonar.plugins.python.api.tree.StringLiteral;
import org.sonar.plugins.python.api.tree.SubscriptionExpression;
import org.sonar.plugins.python.api.tree.Tree;
import org.sonar.plugins.python.api.tree.TypeAnnotation;
import org.sonar.plugins.python.api.types.v2.PythonType;

/**
 * SQLAlchemy engines, session factories and sessions (1.4 and 2.0 APIs, sync and asyncio, SQLModel's subclasses).
 *
 * <p>A session is recognised when the frontend proves where it comes from:
 * <ul>
 *   <li>{@code Session(...)}, {@code AsyncSession(...)} (also SQLModel's);</li>
 *   <li>a call of a session factory: a name or attribute bound in the same module (or the same class) to
 *   {@code sessionmaker(...)}, {@code async_sessionmaker(...)}, {@code scoped_session(...)}, or
 *   {@code sessionmaker(...)()} directly; {@code factory.begin()} as a context manager;</li>
 *   <li>a factory imported from another module when its name says it is one ({@code SessionLocal},
 *   {@code async_session}, {@code AsyncSessionLocal}, {@code session_factory}, {@code async_session_maker}...):
 *   the frontend cannot see assignments in other modules, so this naming convention (the one of the SQLAlchemy and
 *   FastAPI documentation) stands in for them;</li>
 *   <li>a parameter annotated {@code Session}/{@code AsyncSession} (also inside {@code Annotated[...]}).</li>
 * </ul>
 */
public final class SqlAlchemy {

  /** What kind of session an expression holds. {@code SCOPED} is a thread-local session of a {@code scoped_session}. */
  public enum SessionKind {
    SYNC, ASYNC, SCOPED
  }

  private static final Api ENGINE_FACTORIES = SqlAlchemyApi.CREATE_ENGINE;
  private static final Api ASYNC_ENGINE_FACTORIES = SqlAlchemyApi.CREATE_ASYNC_ENGINE;
  private static final Api SYNC_SESSION_CLASSES = SqlAlchemyApi.SESSION;
  private static final Api ASYNC_SESSION_CLASSES = SqlAlchemyApi.ASYNC_SESSION;
  private static final Api SYNC_FACTORIES = SqlAlchemyApi.SESSIONMAKER;
  private static final Api ASYNC_FACTORIES = SqlAlchemyApi.ASYNC_SESSIONMAKER;
  private static final Api SCOPED_FACTORIES = Api.anyOf(SqlAlchemyApi.SCOPED_SESSION, SqlAlchemyApi.ASYNC_SCOPED_SESSION);
  private static final Set<String> SERVER_DIALECTS = Set.of("postgresql", "postgres", "mysql", "mariadb", "mssql", "oracle", "cockroachdb",
    "redshift", "snowflake", "db2", "ibm_db_sa", "firebird", "sybase");
  /** Names of imported session factories in the SQLAlchemy/FastAPI documentation and common templates. */
  private static final Pattern FACTORY_NAME = Pattern.compile(
    "(?i)(async_?)?session_?local|(async_?)?session_?(maker|factory)|async_session|(db_?)?session_?class|make_session");

  /** Names whose import proves a SQLAlchemy 2.0 code base: they do not exist in 1.x. */
  private static final Set<String> API_20_IMPORTS = Set.of("sqlalchemy.orm.Mapped", "sqlalchemy.orm.mapped_column",
    "sqlalchemy.orm.DeclarativeBase", "sqlalchemy.orm.DeclarativeBaseNoMeta", "sqlalchemy.orm.MappedAsDataclass",
    "sqlalchemy.orm.WriteOnlyMapped", "sqlalchemy.orm.DynamicMapped", "sqlalchemy.ext.asyncio.async_sessionmaker",
    "sqlalchemy.orm.decl_api.DeclarativeBase", "sqlalchemy.orm.base.Mapped");
  private static final Set<String> STATEMENT_CONSTRUCTORS = Set.of("select", "insert", "update", "delete");
  private static final Set<String> STATEMENT_MODULES = Set.of("sqlalchemy", "sqlalchemy.sql", "sqlalchemy.sql.expression",
    "sqlalchemy.sql.dml", "sqlalchemy.sql.selectable", "sqlalchemy.sql._selectable_constructors", "sqlalchemy.sql._dml_constructors",
    "sqlalchemy.future", "sqlalchemy.orm", "sqlmodel", "sqlmodel.sql.expression", "sqlalchemy.dialects.postgresql",
    "sqlalchemy.dialects.mysql", "sqlalchemy.dialects.sqlite");

  private SqlAlchemy() {
  }

  /**
   * The first place in the module that proves SQLAlchemy 2.0 is used: an import of an API that 1.x does not have
   * ({@code Mapped}, {@code mapped_column}, {@code DeclarativeBase}, {@code async_sessionmaker}, ...). Null when the
   * module shows no such evidence. Walks the module's import statements only.
   */
  public static Tree api20Evidence(AnalysisContext file) {
    return file.fact(API_20_EVIDENCE, c -> java.util.Optional.ofNullable(api20Evidence(c.file()))).orElse(null);
  }

  private static final AnalysisContext.Key<java.util.Optional<Tree>> API_20_EVIDENCE = AnalysisContext.Key.of("SQLAlchemy 2.0 evidence");
  private static final AnalysisContext.Key<Boolean> ALEMBIC_MIGRATION = AnalysisContext.Key.of("Alembic migration");

  /** Library evidence, per file: see {@link #api20Evidence(AnalysisContext)}. */
  public static Tree api20Evidence(FileInput file) {
    Tree[] found = {null};
    Trees.walk(file, t -> found[0] == null && !t.is(Tree.Kind.CALL_EXPR, Tree.Kind.STRING_LITERAL), t -> {
      if (found[0] == null && t instanceof ImportFrom importFrom && importFrom.module() != null) {
        String module = importFrom.module().names().stream().map(Name::name).collect(java.util.stream.Collectors.joining("."));
        for (AliasedName aliased : importFrom.importedNames()) {
          String name = aliased.dottedName().names().get(0).name();
          if (API_20_IMPORTS.contains(module + "." + name)) {
            found[0] = aliased;
            return;
          }
        }
      }
    });
    return found[0];
  }

  /**
   * True for a schema migration script: an Alembic revision (the module imports {@code alembic.op}) or a
   * sqlalchemy-migrate script (a module-level {@code upgrade(migrate_engine)}). It runs once, inside the migration
   * tool's transaction and connection, so sessions bound to that connection and intermediate commits follow the tool's
   * rules, not the application's.
   */
  public static boolean isAlembicMigration(AnalysisContext file) {
    return file.fact(ALEMBIC_MIGRATION, c -> isAlembicMigration(c.file()));
  }

  /** See {@link #isAlembicMigration(AnalysisContext)}. */
  public static boolean isAlembicMigration(FileInput file) {
    boolean[] found = {false};
    Trees.walk(file, t -> !found[0] && !t.is(Tree.Kind.FUNCDEF, Tree.Kind.CLASSDEF, Tree.Kind.CALL_EXPR, Tree.Kind.STRING_LITERAL), t -> {
      if (t instanceof org.sonar.plugins.python.api.tree.FunctionDef function && "upgrade".equals(function.name().name())
        && function.parameters() != null && function.parameters().nonTuple().stream()
          .anyMatch(p -> p.name() != null && "migrate_engine".equals(p.name().name()))) {
        found[0] = true;
      }
      if (t instanceof ImportFrom importFrom && importFrom.module() != null && importFrom.dottedPrefixForModule().isEmpty()
        && "alembic".equals(importFrom.module().names().stream().map(Name::name).collect(java.util.stream.Collectors.joining(".")))
        && importFrom.importedNames().stream().anyMatch(n -> "op".equals(n.dottedName().names().get(0).name()))) {
        found[0] = true;
      } else if (t instanceof org.sonar.plugins.python.api.tree.ImportName importName && importName.modules().stream()
        .anyMatch(m -> m.dottedName().names().size() == 2 && "alembic".equals(m.dottedName().names().get(0).name())
          && "op".equals(m.dottedName().names().get(1).name()))) {
        found[0] = true;
      }
    });
    return found[0];
  }

  /**
   * True for a SQL statement construct: {@code select(...)}, {@code insert(...)}, {@code update(...)},
   * {@code delete(...)} from {@code sqlalchemy} (or SQLModel's {@code select}).
   */
  public static boolean isStatementConstructor(CallExpression call) {
    Optional<String> fqn = Fqns.ofCallee(call);
    if (fqn.isEmpty()) {
      return false;
    }
    int dot = fqn.get().lastIndexOf('.');
    return dot > 0 && STATEMENT_CONSTRUCTORS.contains(fqn.get().substring(dot + 1)) && STATEMENT_MODULES.contains(fqn.get().substring(0, dot));
  }

  /**
   * The call that starts a method chain ({@code select(User)} in {@code select(User).where(...).order_by(...)}), or the
   * call itself.
   */
  public static CallExpression chainStart(CallExpression call) {
    CallExpression current = call;
    while (Fqns.receiver(current).map(Trees::skipParentheses).orElse(null) instanceof CallExpression inner) {
      current = inner;
    }
    return current;
  }

  /** {@code create_engine(...)} (sync) or {@code create_async_engine(...)}: empty for other calls, else true when async. */
  public static Optional<Boolean> engineCreation(CallExpression call) {
    Optional<String> fqn = Fqns.ofCallee(call);
    if (fqn.filter(ENGINE_FACTORIES::contains).isPresent()) {
      return Optional.of(Boolean.FALSE);
    }
    return fqn.filter(ASYNC_ENGINE_FACTORIES::contains).map(f -> Boolean.TRUE);
  }

  /**
   * The database dialect of an engine's URL when it is written in the code: a string literal
   * ({@code "postgresql+asyncpg://..."}), {@code URL.create("postgresql", ...)} or {@code make_url("...")}; empty when
   * the URL comes from configuration.
   */
  public static Optional<String> dialect(Expression url) {
    Expression expr = Trees.skipParentheses(url);
    Optional<String> literal = Literals.stringValue(expr);
    if (literal.isEmpty() && Literals.isFString(expr)) {
      // f"postgresql://{user}@{host}/db": the scheme is literal
      literal = Optional.of(((StringLiteral) expr).stringElements().get(0).trimmedQuotesValue()).filter(v -> v.contains("://"));
    }
    if (literal.isEmpty() && expr instanceof CallExpression call) {
      Optional<String> fqn = Fqns.ofCallee(call);
      if (fqn.filter(f -> f.endsWith("URL.create") || f.endsWith(".make_url")).isPresent()) {
        literal = Arguments.value(call, 0, fqn.get().endsWith("create") ? "drivername" : "name_or_url").flatMap(Literals::stringValue);
      }
    }
    return literal.map(SqlAlchemy::dialectOf).filter(d -> !d.isEmpty());
  }

  private static String dialectOf(String url) {
    String scheme = url.contains(":") ? url.substring(0, url.indexOf(':')) : url;
    int plus = scheme.indexOf('+');
    return (plus >= 0 ? scheme.substring(0, plus) : scheme).toLowerCase(Locale.ROOT).trim();
  }

  /** True for dialects of database servers (not SQLite). */
  public static boolean isServerDialect(String dialect) {
    return SERVER_DIALECTS.contains(dialect);
  }

  /**
   * The kind of factory a call creates: {@code sessionmaker(...)}, {@code async_sessionmaker(...)},
   * {@code scoped_session(...)}; {@code sessionmaker(class_=AsyncSession)} makes asyncio sessions.
   */
  public static Optional<SessionKind> factoryCreation(Expression expression) {
    if (!(Trees.skipParentheses(expression) instanceof CallExpression call)) {
      return Optional.empty();
    }
    Optional<String> fqn = Fqns.ofCallee(call);
    if (fqn.filter(SYNC_FACTORIES::contains).isPresent()) {
      // sessionmaker(class_=AsyncSession): the SQLAlchemy 1.4 way of making asyncio sessions
      return Optional.of(Arguments.value(call, 1, "class_").flatMap(Fqns::of).filter(ASYNC_SESSION_CLASSES::contains).isPresent()
        ? SessionKind.ASYNC : SessionKind.SYNC);
    }
    if (fqn.filter(ASYNC_FACTORIES::contains).isPresent()) {
      return Optional.of(SessionKind.ASYNC);
    }
    return fqn.filter(SCOPED_FACTORIES::contains).map(f -> SessionKind.SCOPED);
  }

  /**
   * The kind of session a call creates, when it creates one: {@code Session(engine)}, {@code AsyncSession(engine)},
   * {@code SessionLocal()} where {@code SessionLocal} is a session factory, {@code sessionmaker(...)()}.
   */
  public static Optional<SessionKind> sessionCreation(CallExpression call, ValueResolver resolver, SubscriptionContext ctx) {
    Optional<String> fqn = Fqns.ofCallee(call);
    if (fqn.filter(SYNC_SESSION_CLASSES::contains).isPresent()) {
      return Optional.of(SessionKind.SYNC);
    }
    if (fqn.filter(ASYNC_SESSION_CLASSES::contains).isPresent()) {
      return Optional.of(SessionKind.ASYNC);
    }
    return factoryKind(call.callee(), resolver, ctx);
  }

  /** The kind of sessions a factory expression makes (the callee of {@code SessionLocal()}). */
  public static Optional<SessionKind> factoryKind(Expression factory, ValueResolver resolver, SubscriptionContext ctx) {
    Expression expr = Trees.skipParentheses(factory);
    if (expr instanceof CallExpression) {
      return factoryCreation(expr);
    }
    if (!(expr instanceof Name) && !(expr instanceof QualifiedExpression)) {
      return Optional.empty();
    }
    List<Expression> values = resolver.origins(expr, ctx);
    if (!values.isEmpty()) {
      Optional<SessionKind> kind = factoryCreation(values.get(0));
      return kind.isPresent() && values.stream().allMatch(v -> factoryCreation(v).equals(kind)) ? kind : Optional.empty();
    }
    return importedFactoryByName(expr);
  }

  /** A factory imported from another module, known by its conventional name. */
  private static Optional<SessionKind> importedFactoryByName(Expression expression) {
    if (!isImported(expression)) {
      return Optional.empty();
    }
    Optional<String> fqn = Fqns.of(expression);
    if (fqn.isEmpty() || fqn.get().startsWith("sqlalchemy.") || fqn.get().startsWith("sqlmodel.")) {
      return Optional.empty();
    }
    String name = fqn.get().substring(fqn.get().lastIndexOf('.') + 1);
    if (!FACTORY_NAME.matcher(name).matches()) {
      return Optional.empty();
    }
    return Optional.of(name.toLowerCase(Locale.ROOT).contains("async") ? SessionKind.ASYNC : SessionKind.SYNC);
  }

  /** True when the name (or the first name of a dotted expression) is bound by an import. */
  private static boolean isImported(Expression expression) {
    Expression expr = Trees.skipParentheses(expression);
    while (expr instanceof QualifiedExpression qualified) {
      expr = Trees.skipParentheses(qualified.qualifier());
    }
    if (!(expr instanceof Name name)) {
      return false;
    }
    SymbolV2 symbol = name.symbolV2();
    if (symbol != null) {
      return symbol.usages().stream().anyMatch(u -> u.kind() == UsageV2.Kind.IMPORT);
    }
    Symbol v1 = ((HasSymbol) name).symbol();
    return v1 != null && v1.usages().stream().anyMatch(u -> u.kind() == Usage.Kind.IMPORT);
  }

  /**
   * The kind of session the expression holds: every origin creates a session of that kind, or it is a parameter
   * annotated {@code Session}/{@code AsyncSession}. Empty when unknown.
   */
  public static Optional<SessionKind> sessionKind(Expression expression, ValueResolver resolver, SubscriptionContext ctx) {
    Expression expr = Trees.skipParentheses(expression);
    if (isFlaskSqlAlchemySession(expr, resolver, ctx)) {
      return Optional.of(SessionKind.SCOPED);
    }
    List<Expression> values = resolver.origins(expr, ctx);
    if (!values.isEmpty()) {
      Optional<SessionKind> kind = creationKind(values.get(0), resolver, ctx);
      return kind.isPresent() && values.stream().allMatch(v -> creationKind(v, resolver, ctx).equals(kind)) ? kind : Optional.empty();
    }
    Optional<SessionKind> byType = kindOfType(expr.typeV2());
    if (byType.isPresent()) {
      return byType;
    }
    return expr instanceof Name name ? annotatedParameterKind(name) : Optional.empty();
  }

  /**
   * The session a value creates: a session creation call, {@code factory.begin()} (a context manager yielding one), or
   * a {@code scoped_session(...)} registry, which proxies the session methods to its thread-local session.
   */
  private static Optional<SessionKind> creationKind(Expression value, ValueResolver resolver, SubscriptionContext ctx) {
    if (!(Trees.skipParentheses(value) instanceof CallExpression call)) {
      return Optional.empty();
    }
    if (factoryCreation(call).filter(k -> k == SessionKind.SCOPED).isPresent()) {
      return Optional.of(SessionKind.SCOPED);
    }
    Optional<SessionKind> kind = sessionCreation(call, resolver, ctx);
    if (kind.isPresent()) {
      return kind;
    }
    if (Fqns.calleeName(call).filter("begin"::equals).isPresent() && Fqns.receiver(call).isPresent()) {
      return factoryKind(Fqns.receiver(call).get(), resolver, ctx);
    }
    return Optional.empty();
  }

  private static Optional<SessionKind> kindOfType(PythonType type) {
    PythonType unwrapped = Types.instanceType(type);
    if (unwrapped != null) {
      if (ClassHierarchy.typeIsOrExtends(unwrapped, ASYNC_SESSION_CLASSES::contains)) {
        return Optional.of(SessionKind.ASYNC);
      }
      if (ClassHierarchy.typeIsOrExtends(unwrapped, SYNC_SESSION_CLASSES::contains)) {
        return Optional.of(SessionKind.SYNC);
      }
    }
    return Optional.empty();
  }

  /** {@code db: Session}, {@code db: AsyncSession = Depends(...)}, {@code db: Annotated[Session, Depends(...)]}. */
  private static Optional<SessionKind> annotatedParameterKind(Name name) {
    SymbolV2 symbol = name.symbolV2();
    if (symbol == null) {
      return Optional.empty();
    }
    for (UsageV2 usage : symbol.usages()) {
      if (usage.kind() == UsageV2.Kind.PARAMETER && usage.tree().parent() instanceof Parameter parameter && parameter.typeAnnotation() != null) {
        return annotationKind(parameter.typeAnnotation());
      }
    }
    return Optional.empty();
  }

  private static Optional<SessionKind> annotationKind(TypeAnnotation annotation) {
    Expression type = Trees.skipParentheses(annotation.expression());
    if (type instanceof SubscriptionExpression subscription && Fqns.of(subscription.object()).filter(f -> f.endsWith("Annotated")).isPresent()
      && !subscription.subscripts().expressions().isEmpty()) {
      type = subscription.subscripts().expressions().get(0);
    }
    Optional<String> fqn = Fqns.of(type);
    if (fqn.filter(ASYNC_SESSION_CLASSES::contains).isPresent()) {
      return Optional.of(SessionKind.ASYNC);
    }
    return fqn.filter(SYNC_SESSION_CLASSES::contains).map(f -> SessionKind.SYNC);
  }

  /**
   * Flask-SQLAlchemy's {@code db.session} (a scoped session): {@code db} is {@code SQLAlchemy(...)} in this module, or
   * is imported under the name {@code db} that Flask-SQLAlchemy's documentation gives it.
   */
  public static boolean isFlaskSqlAlchemySession(Expression expression, ValueResolver resolver, SubscriptionContext ctx) {
    if (!(Trees.skipParentheses(expression) instanceof QualifiedExpression qualified) || !"session".equals(qualified.name().name())) {
      return false;
    }
    Expression db = Trees.skipParentheses(qualified.qualifier());
    List<Expression> values = resolver.origins(db, ctx);
    if (!values.isEmpty()) {
      return values.stream().allMatch(v -> v instanceof CallExpression call
        && Fqns.ofCallee(call).filter(f -> f.equals("flask_sqlalchemy.SQLAlchemy") || f.equals("flask_sqlalchemy.extension.SQLAlchemy")).isPresent());
    }
    return db instanceof Name name && "db".equals(name.name()) && isImported(name);
  }

  /** For {@code s.method(...)}, the kind of session {@code s} is; empty for other calls or unknown receivers. */
  public static Optional<SessionKind> sessionMethodReceiver(CallExpression call, ValueResolver resolver, SubscriptionContext ctx) {
    return Fqns.receiver(call).flatMap(r -> sessionKind(r, resolver, ctx));
  }
}
