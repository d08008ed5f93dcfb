/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.semantics.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.backendreview.semantics.django.DjangoModels;
import org.backendreview.semantics.flask.FlaskApi;
import org.backendreview.semantics.http.HttpLibraries;
import org.backendreview.semantics.project.ModuleSummary;
import org.backendreview.semantics.project.ProjectCallees;
import org.backendreview.semantics.web.RequestHandlers;
import org.backendreview.tree.Api;
import org.backendreview.tree.Arguments;
import org.backendreview.tree.Fqns;
import org.backendreview.tree.Literals;
import org.backendreview.tree.Trees;
import org.backendreview.tree.Types;
import org.backendreview.tree.ValueResolver;
import org.sonar.plugins.python.api.SubscriptionContext;
import org.sonar.plugins.python.api.tree.Argument;
import org.sonar.plugins.python.api.tree.AwaitExpression;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.Expression;
import org.sonar.plugins.python.api.tree.Name;
import org.sonar.plugins.python.api.tree.QualifiedExpression;
import org.sonar.plugins.python.api.tree.RegularArgument;
import org.sonar.plugins.python.api.tree.SubscriptionExpression;
import org.sonar.plugins.python.api.tree.Tree;
import org.sonar.plugins.python.api.tree.UnpackingExpression;
import org.sonar.plugins.python.api.types.v2.ClassType;
import org.sonar.plugins.python.api.types.v2.PythonType;
import org.sonar.plugins.python.api.types.v2.UnknownType;

/**
 * Calls where request data becomes an injection (taint sinks), by kind: which call, which of its arguments, and how the
 * message names the API. Library objects used through variables ({@code with connection.cursor() as c},
 * {@code async with httpx.AsyncClient() as client}, {@code conn = await asyncpg.connect()}) are recognised by the
 * library of the class or factory that created them ({@link #libraryOf}).
 */
public final class InjectionSinks {

  /** Kinds of sinks: each kind has its own sanitizers. */
  public enum Kind {
    SQL, QUERY_STRUCTURE, MASS_ASSIGNMENT, COMMAND, CODE, TEMPLATE, SSRF, PATH, REDIRECT, XSS, DESERIALIZATION,
    /** Not a sink: the request-supplied side of a comparison with a secret (no sanitizer but the conversions applies). */
    SECRET_COMPARISON
  }

  /** An argument of a sink call that must not carry request data, and the API named in messages. */
  public record Sink(CallExpression call, Expression argument, String api) {
  }

  /** Database libraries, by top-level module. */
  public enum Database {
    DJANGO, DBAPI, SQLALCHEMY, ASYNC_DRIVER
  }

  private static final Map<String, Database> DATABASE_MODULES = Map.ofEntries(
    Map.entry("django", Database.DJANGO), Map.entry("psycopg2", Database.DBAPI), Map.entry("sqlite3", Database.DBAPI),
    Map.entry("pymysql", Database.DBAPI), Map.entry("MySQLdb", Database.DBAPI), Map.entry("mysql", Database.DBAPI),
    Map.entry("cx_Oracle", Database.DBAPI), Map.entry("oracledb", Database.DBAPI), Map.entry("pyodbc", Database.DBAPI),
    Map.entry("sqlalchemy", Database.SQLALCHEMY), Map.entry("sqlmodel", Database.SQLALCHEMY), Map.entry("flask_sqlalchemy", Database.SQLALCHEMY),
    Map.entry("asyncpg", Database.ASYNC_DRIVER), Map.entry("aiosqlite", Database.ASYNC_DRIVER), Map.entry("databases", Database.ASYNC_DRIVER),
    Map.entry("aiopg", Database.ASYNC_DRIVER), Map.entry("aiomysql", Database.ASYNC_DRIVER), Map.entry("psycopg", Database.ASYNC_DRIVER),
    Map.entry("asyncmy", Database.ASYNC_DRIVER));
  /** Methods of database objects that return another database object of the same library. */
  private static final Set<String> DATABASE_FACTORY_METHODS = Set.of("cursor", "connect", "acquire", "begin", "session", "raw_connection",
    "execution_options", "get_connection", "transaction", "connection", "begin_nested", "get_bind");
  private static final Set<String> DBAPI_EXECUTE = Set.of("execute", "executemany", "executescript");
  private static final Set<String> ASYNCPG_QUERIES = Set.of("execute", "executemany", "fetch", "fetchrow", "fetchval", "cursor", "prepare",
    "copy_from_query");
  private static final Set<String> DATABASES_QUERIES = Set.of("execute", "execute_many", "fetch_all", "fetch_one", "fetch_val", "iterate");
  private static final Set<String> SQLALCHEMY_TEXT = Set.of("sqlalchemy.text", "sqlalchemy.sql.text", "sqlalchemy.sql.expression.text",
    "sqlalchemy.sql.elements.TextClause", "sqlmodel.text", "sqlalchemy.literal_column", "sqlalchemy.sql.expression.literal_column",
    "sqlalchemy.sql.literal_column");
  private static final Set<String> RAW_SQL = Set.of("django.db.models.expressions.RawSQL", "django.db.models.RawSQL");
  private static final Set<String> EXTRA_KEYWORDS = Set.of("select", "where", "tables", "order_by");
  private static final Set<String> SQL_METHODS = Set.of("execute", "executemany", "executescript", "fetch", "fetchrow", "fetchval", "cursor",
    "prepare", "copy_from_query", "execute_many", "fetch_all", "fetch_one", "fetch_val", "iterate", "exec_driver_sql", "raw", "extra",
    "filter", "where", "having");
  private static final Set<String> SQLALCHEMY_CLAUSES = Set.of("filter", "where", "having");
  private static final Set<String> CURSOR_NAMES = Set.of("cursor", "cur", "c", "conn", "connection", "con", "db", "database", "session", "cx");

  /** Keyword names under which sink APIs take their first argument. */
  private static final List<String> FIRST_ARGUMENT_KEYWORDS = List.of("url", "to", "redirect_to", "location", "sql", "query", "operation",
    "statement", "text", "raw_query", "source", "expression", "template_string", "content", "response", "file", "path", "data", "stream",
    "cmd", "command", "args", "string", "filename");

  private InjectionSinks() {
  }

  // ------------------------------------------------------------------ object origins

  /**
   * The top-level module of the library an object comes from: the class of its inferred type, or the factory call that
   * created it ({@code psycopg2.connect()}, {@code connection.cursor()}, {@code engine.connect()}), followed through
   * local assignments and {@code with ... as} bindings. Empty when unknown.
   */
  public static Optional<String> libraryOf(Expression expression) {
    return libraryOf(expression, 0);
  }

  private static Optional<String> libraryOf(Expression expression, int depth) {
    Expression expr = Trees.skipParentheses(expression);
    if (depth > 5) {
      return Optional.empty();
    }
    if (expr instanceof AwaitExpression await) {
      return libraryOf(await.expression(), depth + 1);
    }
    Optional<String> byType = classOf(expr.typeV2()).map(InjectionSinks::topModule);
    if (byType.isPresent()) {
      return byType;
    }
    if (expr instanceof CallExpression call) {
      Optional<String> callee = Fqns.ofCallee(call).filter(f -> f.contains("."));
      if (callee.isPresent() && !callee.get().startsWith("builtins")) {
        return callee.map(InjectionSinks::topModule);
      }
      if (call.callee() instanceof QualifiedExpression method && DATABASE_FACTORY_METHODS.contains(method.name().name())) {
        return libraryOf(method.qualifier(), depth + 1);
      }
      return Optional.empty();
    }
    if (expr instanceof SubscriptionExpression subscription) {
      return Fqns.of(subscription.object()).filter(f -> f.equals("django.db.connections")).map(InjectionSinks::topModule);
    }
    if (expr instanceof Name name) {
      Optional<String> fqn = Fqns.of(name).filter(f -> f.contains("."));
      if (fqn.isPresent()) {
        return fqn.map(InjectionSinks::topModule);
      }
      return ValueResolver.boundValue(name).flatMap(v -> libraryOf(v, depth + 1));
    }
    return Optional.empty();
  }

  private static Optional<String> classOf(PythonType type) {
    PythonType unwrapped = Types.instanceType(type);
    if (unwrapped instanceof ClassType classType) {
      return Optional.ofNullable(classType.fullyQualifiedName());
    }
    if (unwrapped instanceof UnknownType.UnresolvedImportType unresolved) {
      return Optional.of(unresolved.importPath());
    }
    return Optional.empty();
  }

  private static String topModule(String fqn) {
    int dot = fqn.indexOf('.');
    return dot < 0 ? fqn : fqn.substring(0, dot);
  }

  /** The database library of a receiver, or empty. */
  public static Optional<Database> databaseOf(Expression receiver) {
    return libraryOf(receiver).map(DATABASE_MODULES::get);
  }

  // ------------------------------------------------------------------ SQL

  /**
   * The SQL text argument of a query execution: DB-API {@code cursor.execute/executemany} (Django, psycopg2, sqlite3,
   * MySQL drivers), Django {@code raw()}, {@code extra()} and {@code RawSQL}, SQLAlchemy {@code text()},
   * {@code literal_column()}, {@code execute(str)} and {@code exec_driver_sql()}, asyncpg, aiosqlite, aiopg,
   * psycopg 3 and {@code databases} queries, {@code pandas.read_sql}. With {@code guessByName}, an
   * {@code execute()} on a receiver named like a cursor or connection counts too (for proven request data only).
   */
  public static List<Sink> sql(CallExpression call, boolean guessByName) {
    return sql(call, guessByName, null);
  }

  /**
   * Like {@link #sql(CallExpression, boolean)}; with a context, a connection, cursor or session returned by a project
   * function counts too ({@code db().execute(sql)}, {@code conn = get_db(); conn.execute(sql)}: see {@link #helperDatabase}).
   */
  public static List<Sink> sql(CallExpression call, boolean guessByName, @javax.annotation.Nullable SubscriptionContext ctx) {
    Optional<String> fqn = Fqns.ofCallee(call);
    if (fqn.isPresent()) {
      String name = fqn.get();
      if (SQLALCHEMY_TEXT.contains(name) || RAW_SQL.contains(name)) {
        return first(call, "text", name.substring(name.lastIndexOf('.') + 1) + "()");
      }
      if (name.startsWith("pandas.") && (name.endsWith(".read_sql") || name.endsWith(".read_sql_query"))) {
        return first(call, "sql", "read_sql()");
      }
    }
    Optional<String> method = Fqns.calleeName(call);
    Optional<Expression> receiver = Fqns.receiver(call);
    if (method.isEmpty() || receiver.isEmpty()) {
      return List.of();
    }
    String m = method.get();
    if (!SQL_METHODS.contains(m)) {
      return List.of();
    }
    if (SQLALCHEMY_CLAUSES.contains(m) && isSqlAlchemyQuery(call)) {
      // SQLAlchemy 1.x turns a plain string criterion into literal SQL
      List<Sink> sinks = new ArrayList<>();
      for (Argument argument : call.arguments()) {
        if (argument instanceof RegularArgument regular && regular.keywordArgument() == null) {
          sinks.add(new Sink(call, regular.expression(), m + "()"));
        }
      }
      return sinks;
    }
    if ("raw".equals(m) && isDjangoQuerySet(call)) {
      return first(call, "raw_query", "raw()");
    }
    if ("extra".equals(m) && isDjangoQuerySet(call)) {
      List<Sink> sinks = new ArrayList<>();
      for (String keyword : EXTRA_KEYWORDS) {
        Arguments.keyword(call, keyword).ifPresent(a -> sinks.add(new Sink(call, a.expression(), "extra()")));
      }
      return sinks;
    }
    Optional<Database> database = databaseOf(receiver.get());
    if (database.isEmpty() && ctx != null) {
      database = helperDatabase(receiver.get(), ctx, 0);
    }
    String api = receiverText(receiver.get()) + "." + m + "()";
    if (database.isPresent()) {
      switch (database.get()) {
        case DJANGO, DBAPI:
          return DBAPI_EXECUTE.contains(m) ? first(call, "sql", api) : List.of();
        case SQLALCHEMY:
          return ("execute".equals(m) || "exec_driver_sql".equals(m)) && !isSqlAlchemyConstruct(call) ? first(call, "statement", api) : List.of();
        case ASYNC_DRIVER:
          String library = libraryOf(receiver.get()).or(() -> ctx == null ? Optional.empty() : helperLibrary(receiver.get(), ctx, 0)).orElse("");
          if ("asyncpg".equals(library) ? ASYNCPG_QUERIES.contains(m) : "databases".equals(library) ? DATABASES_QUERIES.contains(m) : DBAPI_EXECUTE.contains(m)) {
            return first(call, "query", api);
          }
          return List.of();
      }
    }
    if (guessByName && DBAPI_EXECUTE.contains(m) && CURSOR_NAMES.contains(lastName(receiver.get()).toLowerCase(Locale.ROOT))) {
      return first(call, "sql", api);
    }
    return List.of();
  }

  /**
   * The database library of an object a project function returned: {@code db()}, {@code get_db().cursor()},
   * {@code conn} bound once from {@code get_db()} (or {@code with get_db() as conn}), where the function (in this module
   * or another) returns {@code sqlite3.connect(...)}, {@code psycopg2.connect(...)}, {@code engine.connect()} or
   * {@code SessionLocal()} with {@code engine}/{@code SessionLocal} created once at module level from a database
   * library, or keeps such a connection on Flask's {@code g} ({@code g.db = sqlite3.connect(...); return g.db}).
   */
  private static Optional<Database> helperDatabase(Expression expression, SubscriptionContext ctx, int depth) {
    return helperLibrary(expression, ctx, depth).map(DATABASE_MODULES::get);
  }

  private static Optional<String> helperLibrary(Expression expression, SubscriptionContext ctx, int depth) {
    Expression expr = Trees.skipParentheses(expression);
    if (depth > 3) {
      return Optional.empty();
    }
    if (expr instanceof AwaitExpression await) {
      return helperLibrary(await.expression(), ctx, depth + 1);
    }
    if (expr instanceof Name name) {
      return ValueResolver.boundValue(name).flatMap(v -> helperLibrary(v, ctx, depth + 1));
    }
    if (!(expr instanceof CallExpression call)) {
      return Optional.empty();
    }
    if (call.callee() instanceof QualifiedExpression method && DATABASE_FACTORY_METHODS.contains(method.name().name())) {
      return helperLibrary(method.qualifier(), ctx, depth + 1);
    }
    Optional<ProjectCallees.Callee> callee = ProjectCallees.function(call, ctx);
    if (callee.isEmpty()) {
      return Optional.empty();
    }
    ModuleSummary module = callee.get().module();
    for (ModuleSummary.Returned returned : callee.get().returns()) {
      if (returned.value() instanceof ModuleSummary.Call created) {
        Optional<String> library = createdBy(module, created.callee());
        if (library.isPresent()) {
          return library;
        }
      }
    }
    return Optional.empty();
  }

  /** The database library whose factory the dotted callee of that module names, directly or through a module-level object. */
  private static Optional<String> createdBy(ModuleSummary module, String callee) {
    String top = topModule(module.resolve(callee));
    if (DATABASE_MODULES.containsKey(top) && module.imports().containsKey(callee.contains(".") ? callee.substring(0, callee.indexOf('.')) : callee)) {
      return Optional.of(top);
    }
    int dot = callee.lastIndexOf('.');
    String object = dot < 0 ? callee : callee.substring(0, dot);
    if (object.contains(".") || dot >= 0 && !DATABASE_FACTORY_METHODS.contains(callee.substring(dot + 1))
      || module.assignmentsOf(object).size() != 1 || !(module.assignments().get(object).value() instanceof ModuleSummary.Call factory)) {
      return Optional.empty();
    }
    String factoryModule = topModule(module.resolve(factory.callee()));
    return DATABASE_MODULES.containsKey(factoryModule) && !factory.callee().equals(callee) ? Optional.of(factoryModule) : Optional.empty();
  }

  /** The database library a SQL sink of {@link #sql} belongs to, or empty when it was recognised by name only. */
  public static Optional<Database> databaseOf(Sink sink) {
    Optional<String> fqn = Fqns.ofCallee(sink.call());
    if (fqn.filter(f -> f.startsWith("sqlalchemy") || f.startsWith("sqlmodel")).isPresent()) {
      return Optional.of(Database.SQLALCHEMY);
    }
    if (fqn.filter(f -> RAW_SQL.contains(f)).isPresent() || "raw()".equals(sink.api()) || "extra()".equals(sink.api())) {
      return Optional.of(Database.DJANGO);
    }
    return Fqns.receiver(sink.call()).flatMap(InjectionSinks::databaseOf);
  }

  /** {@code session.execute(text(...))}, {@code execute(select(...))}: the statement is a construct, reported where it is built. */
  private static boolean isSqlAlchemyConstruct(CallExpression call) {
    Optional<Expression> statement = Arguments.value(call, 0, "statement");
    return statement.isPresent() && Trees.skipParentheses(statement.get()) instanceof CallExpression inner
      && Fqns.ofCallee(inner).filter(f -> f.startsWith("sqlalchemy") || f.startsWith("sqlmodel")).isPresent();
  }

  /** True for a call on a Django manager or queryset ({@code Model.objects.raw}, {@code qs.filter(...).extra}). */
  public static boolean isDjangoQuerySet(CallExpression call) {
    if (DjangoModels.managerMethod(call).isPresent()) {
      return true;
    }
    return Fqns.receiver(call).filter(r -> isQuerySetExpression(r, 0)).isPresent();
  }

  private static boolean isQuerySetExpression(Expression expression, int depth) {
    Expression expr = Trees.skipParentheses(expression);
    if (depth > 4) {
      return false;
    }
    if (expr instanceof QualifiedExpression qualified) {
      String attribute = qualified.name().name();
      return "objects".equals(attribute) || "_default_manager".equals(attribute)
        || "queryset".equals(attribute) && qualified.qualifier() instanceof Name self && "self".equals(self.name());
    }
    if (expr instanceof CallExpression call) {
      if (DjangoModels.managerMethod(call).isPresent() || Fqns.calleeName(call).filter("get_queryset"::equals).isPresent()) {
        return true;
      }
      return call.callee() instanceof QualifiedExpression method && isQuerySetExpression(method.qualifier(), depth + 1);
    }
    if (expr instanceof Name name) {
      return ValueResolver.singleAssignedValue(name).filter(v -> isQuerySetExpression(v, depth + 1)).isPresent();
    }
    return false;
  }

  // ------------------------------------------------------------------ query structure and mass assignment

  private static final Set<String> ORDERING_METHODS = Set.of("order_by", "values", "values_list", "distinct", "only", "defer");
  private static final Set<String> LOOKUP_METHODS = Set.of("filter", "exclude", "get", "get_or_create", "update_or_create", "annotate",
    "aggregate", "count_by", "first_or_404", "get_object_or_404");
  private static final Set<String> Q_CLASSES = Set.of("django.db.models.Q", "django.db.models.query_utils.Q");

  /** A field-name argument of a queryset call ({@code order_by(x)}, {@code values(*x)}) or SQLAlchemy {@code order_by(text(x))}. */
  public static List<Sink> fieldNames(CallExpression call) {
    Optional<String> method = Fqns.calleeName(call);
    if (method.isEmpty() || Fqns.receiver(call).isEmpty()) {
      return List.of();
    }
    List<Sink> sinks = new ArrayList<>();
    String m = method.get();
    if (ORDERING_METHODS.contains(m) && isDjangoQuerySet(call)) {
      for (Argument argument : call.arguments()) {
        if (argument instanceof RegularArgument regular && regular.keywordArgument() == null) {
          sinks.add(new Sink(call, regular.expression(), m + "()"));
        } else if (argument instanceof UnpackingExpression unpacking && "*".equals(unpacking.starToken().value())) {
          sinks.add(new Sink(call, unpacking.expression(), m + "()"));
        }
      }
    } else if (("order_by".equals(m) || "group_by".equals(m)) && isSqlAlchemyQuery(call)) {
      for (Argument argument : call.arguments()) {
        if (argument instanceof RegularArgument regular && regular.keywordArgument() == null) {
          Expression value = Trees.skipParentheses(regular.expression());
          Expression checked = value instanceof CallExpression text && Fqns.ofCallee(text).filter(SQLALCHEMY_TEXT::contains).isPresent()
            ? Arguments.value(text, 0, "text").orElse(value) : value;
          sinks.add(new Sink(call, checked, m + "()"));
        }
      }
    }
    return sinks;
  }

  /** True for {@code text()} written directly as an {@code order_by()}/{@code group_by()} argument (reported as query structure). */
  public static boolean isOrderingText(CallExpression text) {
    return text.parent() instanceof RegularArgument argument && argument.parent() != null
      && argument.parent().parent() instanceof CallExpression outer && Fqns.calleeName(outer).filter(n -> n.equals("order_by") || n.equals("group_by")).isPresent()
      && isSqlAlchemyQuery(outer);
  }

  private static boolean isSqlAlchemyQuery(CallExpression call) {
    Expression current = call;
    for (int i = 0; i < 8 && current instanceof CallExpression c; i++) {
      if (Fqns.ofCallee(c).filter(f -> f.startsWith("sqlalchemy") || f.startsWith("sqlmodel")).isPresent()) {
        return true;
      }
      if (!(c.callee() instanceof QualifiedExpression method)) {
        return false;
      }
      if (databaseOf(method.qualifier()).filter(d -> d == Database.SQLALCHEMY).isPresent()) {
        return true;
      }
      current = Trees.skipParentheses(method.qualifier());
    }
    return false;
  }

  /** The {@code **kwargs} of a lookup ({@code filter(**x)}, {@code Q(**x)}): their keys are field lookups. */
  public static List<Sink> lookupKeywords(CallExpression call) {
    Optional<String> method = Fqns.calleeName(call);
    boolean lookup = method.filter(LOOKUP_METHODS::contains).isPresent() && Fqns.receiver(call).isPresent() && isDjangoQuerySet(call)
      || Fqns.ofCallee(call).filter(Q_CLASSES::contains).isPresent()
      || Fqns.ofCallee(call).filter(f -> f.equals("django.shortcuts.get_object_or_404") || f.equals("django.shortcuts.get_list_or_404")).isPresent();
    return lookup ? keywordUnpackings(call, method.orElse("Q") + "()") : List.of();
  }

  /** The {@code **kwargs} of a call. */
  public static List<Sink> keywordUnpackings(CallExpression call, String api) {
    List<Sink> sinks = new ArrayList<>();
    for (Argument argument : call.arguments()) {
      if (argument instanceof UnpackingExpression unpacking && "**".equals(unpacking.starToken().value())) {
        sinks.add(new Sink(call, unpacking.expression(), api));
      }
    }
    return sinks;
  }

  // ------------------------------------------------------------------ commands, code, templates

  private static final Set<String> SHELL_FUNCTIONS = Set.of("os.system", "os.popen", "posix.system", "subprocess.getoutput",
    "subprocess.getstatusoutput", "commands.getoutput", "asyncio.create_subprocess_shell", "asyncio.subprocess.create_subprocess_shell",
    "pty.spawn");
  private static final Set<String> SUBPROCESS_FUNCTIONS = Set.of("subprocess.run", "subprocess.call", "subprocess.check_call",
    "subprocess.check_output", "subprocess.Popen");
  private static final Set<String> EXEC_FUNCTIONS = Set.of("asyncio.create_subprocess_exec", "asyncio.subprocess.create_subprocess_exec",
    "os.execv", "os.execve", "os.execvp", "os.execvpe", "os.execl", "os.execle", "os.execlp", "os.execlpe");

  /** A command run by a shell (the whole command), or a program chosen by the argument (its first element). */
  public static List<Sink> commands(CallExpression call) {
    Optional<String> fqn = Fqns.ofCallee(call);
    if (fqn.isEmpty()) {
      return List.of();
    }
    String name = fqn.get();
    String api = name.substring(name.lastIndexOf('.') + 1) + "()";
    if (SHELL_FUNCTIONS.contains(name)) {
      return first(call, "cmd", api);
    }
    if (SUBPROCESS_FUNCTIONS.contains(name)) {
      Optional<Expression> args = Arguments.value(call, 0, "args");
      if (args.isEmpty()) {
        return List.of();
      }
      boolean shell = Arguments.keyword(call, "shell").flatMap(a -> Literals.booleanValue(a.expression())).orElse(false);
      return List.of(new Sink(call, shell ? args.get() : program(args.get(), 0), api));
    }
    if (EXEC_FUNCTIONS.contains(name)) {
      return Arguments.value(call, 0, "program").map(p -> List.of(new Sink(call, p, api))).orElse(List.of());
    }
    if (name.startsWith("os.spawn")) {
      return Arguments.value(call, 1, "file").map(p -> List.of(new Sink(call, p, api))).orElse(List.of());
    }
    return List.of();
  }

  private static final Set<String> SHELLS = Set.of("sh", "bash", "zsh", "dash", "ksh", "/bin/sh", "/bin/bash", "/usr/bin/bash", "/bin/zsh",
    "/bin/dash", "/usr/bin/sh", "cmd", "cmd.exe");

  private static boolean isShellInvocation(Expression program, Expression flag) {
    return Literals.stringValue(program).filter(SHELLS::contains).isPresent()
      && Literals.stringValue(flag).filter(f -> f.equals("-c") || f.equalsIgnoreCase("/c")).isPresent();
  }

  /**
   * The program of a non-shell command: the first element of an argument list (the command line of
   * {@code ["sh", "-c", command]}), or the whole string.
   */
  private static Expression program(Expression args, int depth) {
    Expression expr = Trees.skipParentheses(args);
    Optional<List<Expression>> elements = Literals.collectionElements(expr);
    if (elements.isPresent()) {
      List<Expression> list = elements.get();
      if (list.size() >= 3 && isShellInvocation(list.get(0), list.get(1))) {
        // ["sh", "-c", command]: the shell runs the third element as a command line
        return list.get(2);
      }
      return list.isEmpty() ? expr : list.get(0);
    }
    if (expr instanceof Name name && depth < 3) {
      Optional<Expression> value = ValueResolver.singleAssignedValue(name);
      if (value.isPresent()) {
        return program(value.get(), depth + 1);
      }
    }
    if (expr instanceof CallExpression split && Fqns.calleeName(split).filter("split"::equals).isPresent()) {
      return Fqns.isCallTo(split, "shlex.split") ? Arguments.value(split, 0, "s").orElse(expr) : Fqns.receiver(split).orElse(expr);
    }
    return expr;
  }

  private static final Set<String> CODE_FUNCTIONS = Set.of("eval", "exec", "compile", "builtins.eval", "builtins.exec", "builtins.compile");

  /** Code evaluated by {@code eval}, {@code exec}, {@code compile}. */
  public static List<Sink> code(CallExpression call) {
    Optional<String> fqn = Fqns.ofCallee(call).filter(CODE_FUNCTIONS::contains);
    return fqn.map(f -> first(call, "source", f.substring(f.lastIndexOf('.') + 1) + "()")).orElse(List.of());
  }

  private static final Set<String> TEMPLATE_CLASSES = union(Set.of("django.template.Template", "django.template.base.Template",
    "jinja2.Template", "jinja2.environment.Template", "mako.template.Template", "tornado.template.Template"), FlaskApi.RENDER_TEMPLATE_STRING);

  /** Template source compiled from a string: {@code Template(x)}, {@code Environment.from_string(x)}, {@code render_template_string(x)}. */
  public static List<Sink> templates(CallExpression call) {
    Optional<String> fqn = Fqns.ofCallee(call);
    if (fqn.filter(TEMPLATE_CLASSES::contains).isPresent()) {
      String name = fqn.get();
      return first(call, "source", name.substring(name.lastIndexOf('.') + 1) + "()");
    }
    if (Fqns.calleeName(call).filter("from_string"::equals).isPresent()) {
      Expression receiver = Fqns.receiver(call).orElseThrow();
      boolean templateEngine = fqn.filter(f -> f.startsWith("jinja2.") || f.startsWith("django.template")).isPresent()
        || libraryOf(receiver).filter(l -> l.equals("jinja2") || l.equals("django")).isPresent()
        || receiver instanceof SubscriptionExpression s && Fqns.of(s.object()).filter(f -> f.startsWith("django.template")).isPresent();
      return templateEngine && !isSandboxed(receiver) ? first(call, "source", "from_string()") : List.of();
    }
    return List.of();
  }

  /** A Jinja2 {@code SandboxedEnvironment}: templates compiled by it cannot reach Python internals. */
  private static boolean isSandboxed(Expression receiver) {
    Expression expr = Trees.skipParentheses(receiver);
    if (expr instanceof Name name) {
      expr = ValueResolver.singleAssignedValue(name).map(Trees::skipParentheses).orElse(expr);
    }
    Optional<String> type = expr instanceof CallExpression constructor ? Fqns.ofCallee(constructor) : classOf(expr.typeV2());
    return type.filter(t -> t.startsWith("jinja2.sandbox.")).isPresent();
  }

  // ------------------------------------------------------------------ outgoing requests, files, redirects

  private static final Set<String> HTTP_VERBS = HttpLibraries.with(HttpLibraries.VERBS, HttpLibraries.STREAM);
  private static final Set<String> URL_FUNCTIONS = Set.of("urllib.request.urlopen", "urllib.request.Request", "urllib.request.urlretrieve",
    "urllib2.urlopen");

  /** The URL of an outgoing HTTP request ({@code requests}, {@code httpx} sync and async, {@code aiohttp}, {@code urllib}). */
  public static List<Sink> outgoingUrls(CallExpression call) {
    Optional<String> fqn = Fqns.ofCallee(call);
    Optional<String> method = Fqns.calleeName(call);
    if (fqn.filter(URL_FUNCTIONS::contains).isPresent()) {
      return first(call, "url", method.orElse("urlopen") + "()");
    }
    if (method.isEmpty()) {
      return List.of();
    }
    String m = method.get();
    if (!HTTP_VERBS.contains(m) && !"request".equals(m) && !"urlopen".equals(m) && !"get_json".equals(m)) {
      return List.of();
    }
    boolean clientCall;
    String api;
    if (fqn.isPresent() && (fqn.get().startsWith("requests.") || fqn.get().startsWith("httpx.")) && fqn.get().indexOf('.') == fqn.get().lastIndexOf('.')
      || fqn.filter(f -> f.equals("requests.api." + m)).isPresent()) {
      clientCall = true;
      api = topModule(fqn.get()) + "." + m + "()";
    } else {
      Optional<Expression> receiver = Fqns.receiver(call);
      Optional<String> library = receiver.flatMap(InjectionSinks::libraryOf);
      clientCall = library.filter(HttpLibraries.CLIENT_LIBRARIES::contains).isPresent();
      api = receiver.map(InjectionSinks::receiverText).orElse("client") + "." + m + "()";
    }
    if (!clientCall) {
      return List.of();
    }
    if (HTTP_VERBS.contains(m) || "get_json".equals(m)) {
      return first(call, "url", api);
    }
    if ("request".equals(m) || "urlopen".equals(m)) {
      return Arguments.value(call, 1, "url").map(u -> List.of(new Sink(call, u, api))).orElse(List.of());
    }
    return List.of();
  }

  private static final Set<String> FILE_FUNCTIONS = union(Set.of("open", "io.open", "codecs.open", "os.open", "aiofiles.open",
    "aiofiles.threadpool.open", "anyio.open_file", "tarfile.open", "zipfile.ZipFile", "os.remove", "os.unlink", "os.rmdir", "os.removedirs",
    "os.listdir", "os.scandir", "os.makedirs", "os.mkdir", "os.chmod", "os.chown", "os.truncate", "os.path.getsize", "shutil.rmtree",
    "os.path.exists", "os.path.lexists", "os.path.isfile", "os.path.isdir", "os.path.islink", "os.path.getmtime", "os.stat", "os.lstat",
    "os.access", "posixpath.exists", "posixpath.lexists", "posixpath.isfile", "posixpath.isdir", "genericpath.exists", "genericpath.isfile",
    "genericpath.isdir",
    "django.http.FileResponse", "django.http.response.FileResponse", "starlette.responses.FileResponse", "fastapi.responses.FileResponse",
    "django.core.files.storage.FileSystemStorage", "django.core.files.storage.filesystem.FileSystemStorage"), FlaskApi.SEND_FILE, FlaskApi.SEND_FROM_DIRECTORY);
  private static final Set<String> TWO_PATH_FUNCTIONS = Set.of("shutil.copy", "shutil.copy2", "shutil.copyfile", "shutil.copytree",
    "shutil.move", "os.rename", "os.replace", "os.symlink", "os.link");
  private static final Set<String> PATH_METHODS = Set.of("read_text", "read_bytes", "write_text", "write_bytes", "open", "unlink", "rmdir",
    "mkdir", "touch", "rename", "replace", "iterdir", "rglob", "glob", "symlink_to", "chmod", "exists", "is_file", "is_dir", "is_symlink", "stat");

  /** A file-system path: {@code open()}, {@code Path(...).read_text()}, {@code FileResponse}, {@code send_file}, {@code shutil}, {@code os}. */
  public static List<Sink> filePaths(CallExpression call) {
    Optional<String> fqn = Fqns.ofCallee(call);
    if (fqn.isPresent()) {
      String name = fqn.get();
      String api = name.substring(name.lastIndexOf('.') + 1) + "()";
      if (name.endsWith("FileSystemStorage")) {
        return Arguments.value(call, 0, "location").map(l -> List.of(new Sink(call, l, api))).orElse(List.of());
      }
      if (name.endsWith("send_from_directory")) {
        return Arguments.value(call, 0, "directory").map(d -> List.of(new Sink(call, d, api))).orElse(List.of());
      }
      if (FILE_FUNCTIONS.contains(name) || name.startsWith("pathlib.Path.") && PATH_METHODS.contains(name.substring(name.lastIndexOf('.') + 1))) {
        if (name.startsWith("pathlib.Path.")) {
          return Fqns.receiver(call).map(r -> List.of(new Sink(call, r, api))).orElse(List.of());
        }
        return first(call, "file", api);
      }
      if (TWO_PATH_FUNCTIONS.contains(name)) {
        List<Sink> sinks = new ArrayList<>();
        Arguments.value(call, 0, "src").ifPresent(a -> sinks.add(new Sink(call, a, api)));
        Arguments.value(call, 1, "dst").ifPresent(a -> sinks.add(new Sink(call, a, api)));
        return sinks;
      }
    }
    Optional<String> method = Fqns.calleeName(call);
    Optional<Expression> receiver = Fqns.receiver(call);
    if (method.filter(PATH_METHODS::contains).isPresent() && receiver.isPresent() && isPath(receiver.get(), 0)) {
      return List.of(new Sink(call, receiver.get(), method.get() + "()"));
    }
    return List.of();
  }

  private static boolean isPath(Expression expression, int depth) {
    Expression expr = Trees.skipParentheses(expression);
    if (depth > 3) {
      return false;
    }
    if (classOf(expr.typeV2()).filter(c -> c.startsWith("pathlib.")).isPresent()) {
      return true;
    }
    if (expr instanceof CallExpression call) {
      return Fqns.ofCallee(call).filter(f -> f.startsWith("pathlib.")).isPresent()
        || call.callee() instanceof QualifiedExpression m && Set.of("resolve", "absolute", "joinpath", "with_name", "with_suffix", "expanduser")
          .contains(m.name().name()) && isPath(m.qualifier(), depth + 1);
    }
    if (expr.is(Tree.Kind.DIVISION)) {
      return isPath(((org.sonar.plugins.python.api.tree.BinaryExpression) expr).leftOperand(), depth + 1);
    }
    if (expr instanceof Name name) {
      return ValueResolver.singleAssignedValue(name).filter(v -> isPath(v, depth + 1)).isPresent();
    }
    return false;
  }

  private static final Set<String> REDIRECTS = union(Set.of("django.shortcuts.redirect", "django.http.HttpResponseRedirect",
    "django.http.response.HttpResponseRedirect", "django.http.HttpResponsePermanentRedirect", "django.http.response.HttpResponsePermanentRedirect",
    "fastapi.responses.RedirectResponse", "starlette.responses.RedirectResponse"), FlaskApi.REDIRECT);

  /** The names of the set and of the APIs, as one immutable set. */
  private static Set<String> union(Set<String> names, Api... apis) {
    Set<String> result = new java.util.HashSet<>(names);
    for (Api api : apis) {
      result.addAll(api.fqns());
    }
    return Set.copyOf(result);
  }

  /** The target of an HTTP redirect. */
  public static List<Sink> redirects(CallExpression call) {
    Optional<String> fqn = Fqns.ofCallee(call).filter(REDIRECTS::contains);
    return fqn.map(f -> first(call, "to", f.substring(f.lastIndexOf('.') + 1) + "()")).orElse(List.of());
  }

  // ------------------------------------------------------------------ HTML

  private static final Set<String> DJANGO_RESPONSES = Set.of("HttpResponse", "HttpResponseBadRequest", "HttpResponseNotFound",
    "HttpResponseForbidden", "HttpResponseServerError", "HttpResponseGone", "HttpResponseNotAllowed");
  private static final Set<String> SAFE_MARKERS = union(Set.of("django.utils.safestring.mark_safe", "django.utils.safestring.SafeString",
    "django.utils.safestring.SafeText"), FlaskApi.MARKUP);
  private static final Set<String> HTML_RESPONSES = Set.of("fastapi.responses.HTMLResponse", "starlette.responses.HTMLResponse");
  private static final Set<String> GENERIC_RESPONSES = union(Set.of("fastapi.responses.Response", "starlette.responses.Response",
    "fastapi.Response"), FlaskApi.RESPONSES);

  /** Content written into an HTML response or marked as safe HTML. */
  public static List<Sink> html(CallExpression call) {
    Optional<String> fqn = Fqns.ofCallee(call);
    if (fqn.isEmpty()) {
      return List.of();
    }
    String name = fqn.get();
    String simple = name.substring(name.lastIndexOf('.') + 1);
    if (SAFE_MARKERS.contains(name) || HTML_RESPONSES.contains(name) || "django.utils.html.format_html".equals(name)) {
      return first(call, "content", simple + "()");
    }
    if (name.startsWith("django.http") && DJANGO_RESPONSES.contains(simple)) {
      Optional<Expression> contentType = Arguments.value(call, 1, "content_type");
      return contentType.isEmpty() || isHtml(contentType.get()) ? first(call, "content", simple + "()") : List.of();
    }
    if (GENERIC_RESPONSES.contains(name)) {
      Optional<Expression> type = Arguments.value(call, -1, "media_type").or(() -> Arguments.value(call, -1, "mimetype"))
        .or(() -> Arguments.value(call, -1, "content_type"));
      boolean flask = FlaskApi.RESPONSES.contains(name);
      return type.isPresent() ? (isHtml(type.get()) ? first(call, "content", simple + "()") : List.of())
        : (flask ? first(call, "response", simple + "()") : List.of());
    }
    return List.of();
  }

  /**
   * True when what the handler returns is sent as HTML: a Flask view (a returned string is {@code text/html}), or a
   * FastAPI path operation declared with {@code response_class=HTMLResponse}.
   */
  public static boolean returnsHtml(org.sonar.plugins.python.api.tree.FunctionDef function, org.sonar.plugins.python.api.SubscriptionContext ctx) {
    Optional<RequestHandlers.Handler> handler = RequestHandlers.of(function, ctx);
    if (handler.isEmpty()) {
      return false;
    }
    if (handler.get().framework() == RequestHandlers.Framework.FLASK) {
      return true;
    }
    if (handler.get().framework() != RequestHandlers.Framework.FASTAPI) {
      return false;
    }
    for (org.sonar.plugins.python.api.tree.Decorator decorator : function.decorators()) {
      if (decorator.expression() instanceof CallExpression route && Arguments.keyword(route, "response_class")
        .flatMap(a -> Fqns.of(a.expression())).filter(HTML_RESPONSES::contains).isPresent()) {
        return true;
      }
    }
    return false;
  }

  private static boolean isHtml(Expression contentType) {
    return Literals.stringValue(contentType).filter(t -> t.toLowerCase(Locale.ROOT).contains("html")).isPresent();
  }

  // ------------------------------------------------------------------ deserialization

  private static final Set<String> UNSAFE_LOADERS = Set.of("pickle.loads", "pickle.load", "_pickle.loads", "_pickle.load", "cPickle.loads",
    "cPickle.load", "dill.loads", "dill.load", "marshal.loads", "marshal.load", "jsonpickle.decode", "jsonpickle.loads", "jsonpickle.unpickler.decode",
    "shelve.open", "pandas.read_pickle", "pandas.io.pickle.read_pickle", "yaml.unsafe_load", "yaml.unsafe_load_all", "yaml.full_load",
    "yaml.full_load_all", "joblib.load", "cloudpickle.loads");
  private static final Set<String> SAFE_YAML_LOADERS = Set.of("SafeLoader", "CSafeLoader", "BaseLoader", "CBaseLoader");

  /** Data decoded by a deserializer that can run code: pickle, dill, marshal, jsonpickle, {@code yaml.load} with an unsafe loader. */
  public static List<Sink> deserializers(CallExpression call) {
    Optional<String> fqn = Fqns.ofCallee(call);
    if (fqn.isEmpty()) {
      return List.of();
    }
    String name = fqn.get();
    String api = name.startsWith("yaml.") || name.startsWith("pickle.") ? name + "()" : name.substring(name.lastIndexOf('.') + 1) + "()";
    if (UNSAFE_LOADERS.contains(name)) {
      return first(call, "data", api);
    }
    if ("yaml.load".equals(name) || "yaml.load_all".equals(name)) {
      Optional<Expression> loader = Arguments.value(call, 1, "Loader");
      boolean safe = loader.map(l -> l instanceof Name n ? n.name() : l instanceof QualifiedExpression q ? q.name().name() : "")
        .filter(SAFE_YAML_LOADERS::contains).isPresent();
      return safe ? List.of() : first(call, "stream", api);
    }
    if ("numpy.load".equals(name) && Arguments.keyword(call, "allow_pickle").flatMap(a -> Literals.booleanValue(a.expression())).orElse(false)) {
      return first(call, "file", api);
    }
    return List.of();
  }

  // ------------------------------------------------------------------ helpers

  /** The first argument, passed by position or under one of the usual keyword names of the APIs. */
  private static List<Sink> first(CallExpression call, String keyword, String api) {
    Optional<Expression> argument = Arguments.value(call, 0, keyword);
    for (int i = 0; argument.isEmpty() && i < FIRST_ARGUMENT_KEYWORDS.size(); i++) {
      argument = Arguments.keyword(call, FIRST_ARGUMENT_KEYWORDS.get(i)).map(RegularArgument::expression);
    }
    return argument.map(a -> List.of(new Sink(call, a, api))).orElse(List.of());
  }

  /** A short text for a receiver: {@code cursor}, {@code self.session}, {@code Product.objects}; {@code ...} for complex ones. */
  public static String receiverText(Expression receiver) {
    Expression expr = Trees.skipParentheses(receiver);
    if (expr instanceof Name name) {
      return name.name();
    }
    if (expr instanceof QualifiedExpression qualified) {
      String inner = receiverText(qualified.qualifier());
      return (inner.length() > 30 ? "..." : inner) + "." + qualified.name().name();
    }
    if (expr instanceof CallExpression call) {
      return Fqns.calleeName(call).map(n -> n + "()").orElse("...");
    }
    return "...";
  }

  private static String lastName(Expression expression) {
    Expression expr = Trees.skipParentheses(expression);
    if (expr instanceof Name name) {
      return name.name();
    }
    if (expr instanceof QualifiedExpression qualified) {
      return qualified.name().name();
    }
    return "";
  }
}
