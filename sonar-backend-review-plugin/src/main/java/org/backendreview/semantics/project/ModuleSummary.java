/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.semantics.project;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.backendreview.semantics.django.DjangoSettings;
import org.backendreview.tree.Literals;
import org.backendreview.tree.Trees;
import org.sonar.plugins.python.api.LocationInFile;
import org.sonar.plugins.python.api.tree.AliasedName;
import org.sonar.plugins.python.api.tree.AnnotatedAssignment;
import org.sonar.plugins.python.api.tree.Argument;
import org.sonar.plugins.python.api.tree.AssignmentStatement;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.ClassDef;
import org.sonar.plugins.python.api.tree.Decorator;
import org.sonar.plugins.python.api.tree.DictionaryLiteral;
import org.sonar.plugins.python.api.tree.DictionaryLiteralElement;
import org.sonar.plugins.python.api.tree.DottedName;
import org.sonar.plugins.python.api.tree.Expression;
import org.sonar.plugins.python.api.tree.ExpressionStatement;
import org.sonar.plugins.python.api.tree.FileInput;
import org.sonar.plugins.python.api.tree.FunctionDef;
import org.sonar.plugins.python.api.tree.ImportFrom;
import org.sonar.plugins.python.api.tree.ImportName;
import org.sonar.plugins.python.api.tree.KeyValuePair;
import org.sonar.plugins.python.api.tree.Name;
import org.sonar.plugins.python.api.tree.Parameter;
import org.sonar.plugins.python.api.tree.QualifiedExpression;
import org.sonar.plugins.python.api.tree.RegularArgument;
import org.sonar.plugins.python.api.tree.Statement;
import org.sonar.plugins.python.api.tree.StatementList;
import org.sonar.plugins.python.api.tree.Token;
import org.sonar.plugins.python.api.tree.Tree;

/**
 * Type-free facts of one python module, small enough to cache for a whole analysis: its imports, its top-level classes
 * (bases, class-body assignments, nested {@code Meta}, methods with the attribute chains read on their parameters and the
 * string arguments of {@code select_related}/{@code prefetch_related} in their bodies), its top-level functions
 * (decorators) and its module-level assignments.
 * <p>
 * The same summary is computed from the tree being analysed (typed) and from another module parsed with the public
 * {@code Parser} (untyped), so a check behaves the same whether a model or serializer is defined in the analysed file or
 * in another one. Values are kept as plain data ({@link Value}), never as trees, so no parsed tree outlives its summary.
 */
public final class ModuleSummary {

  private static final int MAX_ACCESS_PATHS = 200;
  static final int MAX_CALLS_PER_FUNCTION = 200;

  private final String fileId;
  private final Map<String, String> imports = new LinkedHashMap<>();
  private final List<String> wildcardImports = new ArrayList<>();
  private final Map<String, ClassSummary> classes = new LinkedHashMap<>();
  private final Map<String, FunctionSummary> functions = new LinkedHashMap<>();
  private final Map<String, Assigned> assignments = new LinkedHashMap<>();
  private final Map<String, List<Assigned>> allAssignments = new LinkedHashMap<>();
  private final List<String> mutatedNames = new ArrayList<>();
  private final List<Step> steps = new ArrayList<>();
  private final Map<String, List<CallSite>> functionCalls = new LinkedHashMap<>();
  private final Map<String, List<Raised>> raises = new LinkedHashMap<>();
  private final Map<String, String> attributeAnnotations = new LinkedHashMap<>();
  private final Map<String, List<String>> yieldedCalls = new LinkedHashMap<>();
  private final Map<String, LazyGlobal> lazyGlobals = new LinkedHashMap<>();
  private final Map<String, List<Returned>> returned = new LinkedHashMap<>();
  private final Map<String, Map<String, Value>> initAttributes = new LinkedHashMap<>();
  private final Map<String, List<TypedMember>> fieldTypes = new LinkedHashMap<>();
  private final Map<String, List<TypedMember>> parameterTypes = new LinkedHashMap<>();

  private ModuleSummary(String fileId) {
    this.fileId = fileId;
  }

  /** The target of a {@link Op#MUTATE} step that may change any name ({@code globals().update(...)}, {@code exec}). */
  public static final String ANY_NAME = "*";

  /** What a module-level statement does to a name, for evaluating settings in order ({@link #steps()}). */
  public enum Op {
    /** {@code from module import *}: {@code target} is the module (relative ones keep their dots). */
    STAR_IMPORT,
    /** {@code NAME = value}. */
    ASSIGN,
    /** {@code NAME += [..]}, {@code NAME.extend([..])}: {@code value} is the added sequence. */
    EXTEND,
    /** {@code NAME.append(x)}: {@code value} is the element. */
    APPEND,
    /** {@code NAME.insert(i, x)}: {@code value} is the element, {@code index} its literal position (-1 when not literal). */
    INSERT,
    /** Any other change of NAME ({@code NAME["k"] = v}, {@code NAME.update(..)}, {@code NAME.remove(..)}, {@code NAME += x}). */
    MUTATE
  }

  /**
   * One module-level statement that binds, changes or star-imports names, in document order.
   *
   * @param conditional true when the statement sits in a module-level {@code if}/{@code try}/{@code with} block
   */
  public record Step(Op op, String target, Value value, int index, boolean conditional, Range range) {
  }

  /** A source range in the summarised file; {@link #toLocation(String)} makes it a secondary location. */
  public record Range(int line, int column, int endLine, int endColumn) {
    public static Range of(Tree tree) {
      Token first = tree.firstToken();
      Token last = tree.lastToken();
      int[] end = org.backendreview.tree.TextEdits.end(last);
      return new Range(first.line(), first.column(), end[0], end[1]);
    }

    public LocationInFile toLocation(String fileId) {
      return new LocationInFile(fileId, line, column, endLine, endColumn);
    }
  }

  /** A constant-ish value of the source: enough to read field declarations, settings and decorators. */
  public sealed interface Value permits Str, Bool, Num, Dotted, Call, Seq, Dict, NoneValue, Other {
    Range range();
  }

  public record Str(String value, Range range) implements Value {
  }

  public record Bool(boolean value, Range range) implements Value {
  }

  public record Num(String text, Range range) implements Value {
  }

  /** A name or attribute chain ({@code models.CASCADE}). */
  public record Dotted(String text, Range range) implements Value {
  }

  /**
   * A call: its callee as dotted text ({@code models.ForeignKey}, or {@code ?} when not a dotted name), positional and
   * keyword arguments. {@code unpacking} is true when {@code *args}/{@code **kwargs} are passed.
   */
  public record Call(String callee, List<Value> args, Map<String, Value> kwargs, boolean unpacking, Range range) implements Value {
    public Optional<Value> arg(int position, String keyword) {
      Value byKeyword = kwargs.get(keyword);
      if (byKeyword != null) {
        return Optional.of(byKeyword);
      }
      return position >= 0 && position < args.size() ? Optional.of(args.get(position)) : Optional.empty();
    }

    public String simpleCallee() {
      return callee.substring(callee.lastIndexOf('.') + 1);
    }
  }

  public record Seq(List<Value> elements, Range range) implements Value {
  }

  /** A dictionary literal with constant string keys; other entries make {@code complete} false. */
  public record Dict(Map<String, Value> entries, boolean complete, Range range) implements Value {
  }

  public record NoneValue(Range range) implements Value {
  }

  public record Other(Range range) implements Value {
  }

  /** A class-level or module-level assignment {@code name = value}. */
  public record Assigned(String name, Value value, Range range) {
  }

  /**
   * An attribute chain read on a method parameter: {@code obj.author.name} gives {@code [author, name]},
   * {@code obj.tags.all()} gives {@code [tags, all()]}.
   */
  public record AccessPath(List<String> segments, Range range) {
  }

  /**
   * A method: its parameter names, the attribute chains read on each parameter but the first (by parameter name), the
   * string arguments of {@code select_related(...)}/{@code prefetch_related(...)} calls in its body ({@code "*"} for a
   * call without literal arguments).
   */
  public record MethodSummary(String name, Range range, List<String> parameters, Map<String, List<AccessPath>> accesses,
    List<String> selectRelated, List<String> prefetchRelated, List<Value> decorators) {
  }

  /** A top-level class. Bases are values ({@link Dotted} for names, {@link Call} for calls). */
  public record ClassSummary(String name, Range nameRange, List<Value> bases, Map<String, Assigned> attributes,
    Map<String, Value> meta, Map<String, MethodSummary> methods, java.util.Set<String> otherMembers) {

    /** Every name the class body binds (attributes, methods, nested classes, other bindings) or its methods set on self. */
    public boolean declares(String name) {
      return attributes.containsKey(name) || methods.containsKey(name) || otherMembers.contains(name);
    }
  }

  /** A top-level function with its decorators. */
  public record FunctionSummary(String name, Range nameRange, List<Value> decorators, List<String> parameters) {
  }

  /**
   * A call written in a function body: its callee as dotted text as written ({@code notify.delay}, {@code send_mail};
   * {@code ?} when the callee is not a dotted name), to be resolved with {@link #resolve(String)}.
   */
  public record CallSite(String callee, Range range) {
  }

  /** The dotted text of a decorator ({@code app.task} for {@code @app.task} and {@code @app.task(bind=True)}), or "". */
  public static String decoratorText(Value decorator) {
    return decorator instanceof Call call ? call.callee() : decorator instanceof Dotted dotted ? dotted.text() : "";
  }

  /**
   * One value a top-level function or a method returns, type-free: its {@link Value} and its access chain, the names
   * read from its root name on ({@code self.source.args.get(key)} gives {@code [self, source, args, get()]},
   * {@code request.GET["q"]} gives {@code [request, GET, []]}; empty when the value is not rooted at a name). A returned
   * local name ({@code conn = sqlite3.connect(..); return conn}) or attribute ({@code g.db = sqlite3.connect(..); return g.db})
   * that the function assigns stands for each value it assigns there (one entry each). {@code guarded} is true when the
   * function tests, asserts or raises anything in its own body ({@code if}, {@code assert}, {@code raise}, {@code try}):
   * the returned value may have been validated there, which the summary does not follow.
   */
  public record Returned(Value value, List<String> chain, Range range, boolean guarded) {
  }

  private static final int MAX_RETURNS = 20;

  /**
   * What the top-level function ({@code name}) or the method ({@code Class.name}) of this module returns, in source
   * order, at most {@value #MAX_RETURNS}; empty for an unknown function or one that returns nothing.
   */
  public List<Returned> returnsOf(String functionOrMethod) {
    return returned.getOrDefault(functionOrMethod, List.of());
  }

  /**
   * The attributes the {@code __init__} of the top-level class of this name sets once, with their value:
   * {@code self.source = source} gives {@code source -> Dotted("source")} (a parameter of {@code __init__}),
   * {@code self.pwd_context = CryptContext(...)} gives a {@link Call}; empty for an unknown class. Attributes set more
   * than once are left out.
   */
  public Map<String, Value> attributesSetInInit(String className) {
    return initAttributes.getOrDefault(className, Map.of());
  }

  private static List<Returned> returnedValues(FunctionDef function) {
    Map<String, List<Expression>> assigned = new LinkedHashMap<>();
    List<Expression> values = new ArrayList<>();
    boolean[] tests = {false};
    Trees.walk(function.body(), t -> !t.is(Tree.Kind.FUNCDEF, Tree.Kind.LAMBDA, Tree.Kind.CLASSDEF), t -> {
      tests[0] |= t.is(Tree.Kind.IF_STMT, Tree.Kind.ASSERT_STMT, Tree.Kind.RAISE_STMT, Tree.Kind.TRY_STMT);
      if (t instanceof org.sonar.plugins.python.api.tree.ReturnStatement statement && statement.expressions().size() == 1
        && values.size() < MAX_RETURNS) {
        values.add(statement.expressions().get(0));
      } else if (t instanceof AssignmentStatement assignment) {
        for (var lhs : assignment.lhsExpressions()) {
          if (lhs.expressions().size() == 1) {
            dottedText(lhs.expressions().get(0))
              .ifPresent(target -> assigned.computeIfAbsent(target, k -> new ArrayList<>()).add(assignment.assignedValue()));
          }
        }
      }
    });
    boolean guarded = tests[0];
    List<Returned> result = new ArrayList<>();
    for (Expression expression : values) {
      Expression returnedValue = Trees.skipParentheses(expression);
      List<Expression> bound = dottedText(returnedValue).map(assigned::get).orElse(List.of(returnedValue));
      for (Expression assignedValue : bound) {
        Expression value = Trees.skipParentheses(assignedValue);
        if (result.size() < MAX_RETURNS) {
          result.add(new Returned(value(value), chain(value), Range.of(expression), guarded));
        }
      }
    }
    return List.copyOf(result);
  }

  /** The names read from the root name of an expression on, through attributes, calls and subscripts; empty when not rooted at a name. */
  private static List<String> chain(Expression expression) {
    List<String> reversed = new ArrayList<>();
    Expression current = Trees.skipParentheses(expression);
    boolean called = false;
    while (reversed.size() < 12) {
      if (current instanceof CallExpression call) {
        called = true;
        current = Trees.skipParentheses(call.callee());
      } else if (current instanceof org.sonar.plugins.python.api.tree.SubscriptionExpression subscription) {
        reversed.add("[]");
        current = Trees.skipParentheses(subscription.object());
      } else if (current instanceof org.sonar.plugins.python.api.tree.AwaitExpression await) {
        current = Trees.skipParentheses(await.expression());
      } else if (current instanceof QualifiedExpression q) {
        reversed.add(q.name().name() + (called ? "()" : ""));
        called = false;
        current = Trees.skipParentheses(q.qualifier());
      } else if (current instanceof Name name) {
        reversed.add(name.name() + (called ? "()" : ""));
        java.util.Collections.reverse(reversed);
        return List.copyOf(reversed);
      } else {
        return List.of();
      }
    }
    return List.of();
  }

  /** {@code self.x = value} in {@code __init__}: attribute to value (attributes set once). */
  private static Map<String, Value> initAttributes(ClassDef classDef) {
    Map<String, Value> result = new LinkedHashMap<>();
    java.util.Set<String> setTwice = new java.util.HashSet<>();
    for (Statement statement : classDef.body().statements()) {
      if (!(statement instanceof FunctionDef init) || !"__init__".equals(init.name().name())) {
        continue;
      }
      List<String> parameters = parameterNames(init);
      if (parameters.isEmpty()) {
        continue;
      }
      String self = parameters.get(0);
      Trees.walk(init.body(), t -> !t.is(Tree.Kind.FUNCDEF, Tree.Kind.LAMBDA, Tree.Kind.CLASSDEF), t -> {
        if (t instanceof AssignmentStatement assignment) {
          for (var lhs : assignment.lhsExpressions()) {
            for (Expression target : lhs.expressions()) {
              if (target instanceof QualifiedExpression q && q.qualifier() instanceof Name n && n.name().equals(self)) {
                String attribute = q.name().name();
                if (result.containsKey(attribute) || setTwice.contains(attribute)) {
                  result.remove(attribute);
                  setTwice.add(attribute);
                } else {
                  result.put(attribute, value(assignment.assignedValue()));
                }
              }
            }
          }
        }
      });
    }
    return result;
  }

  /** A {@code raise X}/{@code raise X(...)} of a top-level function: the raised name as dotted text. */
  public record Raised(String exception, Range range) {
  }

  public String fileId() {
    return fileId;
  }

  /**
   * The calls the top-level function of this name (or the method {@code Class.name} of a top-level class) makes directly
   * in its body (not in nested functions, lambdas or classes), in source order, at most {@value #MAX_CALLS_PER_FUNCTION};
   * empty for an unknown function.
   */
  public List<CallSite> callsIn(String function) {
    return functionCalls.getOrDefault(function, List.of());
  }

  /**
   * The exceptions a top-level function raises by name in its own body, outside any {@code try} statement (bare
   * {@code raise} and raised expressions that are not names or calls of names are left out).
   */
  public List<Raised> raisesOf(String functionName) {
    return raises.getOrDefault(functionName, List.of());
  }

  /**
   * The callees (dotted text as written, to resolve with {@link #resolve(String)}) of the calls whose result the
   * top-level function of this name yields: {@code yield make()}, or {@code yield x} with {@code x} bound in the
   * function by {@code x = make(...)} or {@code with make(...) as x} ({@code SessionLocal} for the usual
   * {@code session_scope()} context manager); empty for an unknown function or one that yields nothing of the kind.
   */
  public List<String> yieldedCalls(String function) {
    return yieldedCalls.getOrDefault(function, List.of());
  }

  private static List<String> yieldedCalls(FunctionDef function) {
    Map<String, List<String>> boundCalls = new LinkedHashMap<>();
    List<Expression> yielded = new ArrayList<>();
    Trees.walk(function.body(), t -> !t.is(Tree.Kind.FUNCDEF, Tree.Kind.LAMBDA, Tree.Kind.CLASSDEF), t -> {
      if (t instanceof org.sonar.plugins.python.api.tree.YieldExpression yield && yield.fromKeyword() == null) {
        yielded.addAll(yield.expressions());
      } else if (t instanceof AssignmentStatement assignment && Trees.skipParentheses(assignment.assignedValue()) instanceof CallExpression call) {
        singleTarget(assignment).ifPresent(n -> dottedText(call.callee()).ifPresent(c -> boundCalls.computeIfAbsent(n, k -> new ArrayList<>()).add(c)));
      } else if (t instanceof org.sonar.plugins.python.api.tree.WithItem item && item.expression() != null
        && Trees.skipParentheses(item.test()) instanceof CallExpression call && Trees.skipParentheses(item.expression()) instanceof Name name) {
        dottedText(call.callee()).ifPresent(c -> boundCalls.computeIfAbsent(name.name(), k -> new ArrayList<>()).add(c));
      }
    });
    List<String> result = new ArrayList<>();
    for (Expression expression : yielded) {
      Expression value = Trees.skipParentheses(expression);
      if (value instanceof CallExpression call) {
        dottedText(call.callee()).ifPresent(result::add);
      } else if (value instanceof Name name) {
        result.addAll(boundCalls.getOrDefault(name.name(), List.of()));
      }
    }
    return List.copyOf(result);
  }

  /**
   * A lazily created module global: {@code global X} then {@code if X is None: X = make(...)} (or {@code if not X:}),
   * with the assignment outside any {@code with} block on a lock-like object.
   *
   * @param name the global
   * @param check the tested condition
   */
  public record LazyGlobal(String name, Range check) {
  }

  private static final java.util.regex.Pattern LOCK_LIKE = java.util.regex.Pattern.compile("(?i).*(lock|mutex|sem).*");

  /** The global the sync top-level function of this name creates lazily without a lock, or empty. */
  public Optional<LazyGlobal> lazyGlobal(String function) {
    return Optional.ofNullable(lazyGlobals.get(function));
  }

  private static Optional<LazyGlobal> lazyGlobal(FunctionDef function) {
    if (function.asyncKeyword() != null) {
      return Optional.empty();
    }
    java.util.Set<String> globals = new java.util.HashSet<>();
    for (var statement : Trees.descendantsInSameScope(function.body(), Tree.Kind.GLOBAL_STMT, org.sonar.plugins.python.api.tree.GlobalStatement.class)) {
      statement.variables().forEach(v -> globals.add(v.name()));
    }
    if (globals.isEmpty()) {
      return Optional.empty();
    }
    for (var ifStatement : Trees.descendantsInSameScope(function.body(), Tree.Kind.IF_STMT, org.sonar.plugins.python.api.tree.IfStatement.class)) {
      String tested = testedForAbsence(ifStatement.condition());
      if (tested == null || !globals.contains(tested) || underLock(ifStatement, function)) {
        continue;
      }
      for (AssignmentStatement assignment : Trees.descendantsInSameScope(ifStatement.body(), Tree.Kind.ASSIGNMENT_STMT, AssignmentStatement.class)) {
        if (singleTarget(assignment).filter(tested::equals).isPresent() && Trees.skipParentheses(assignment.assignedValue()) instanceof CallExpression
          && !underLock(assignment, function)) {
          return Optional.of(new LazyGlobal(tested, Range.of(ifStatement.condition())));
        }
      }
    }
    return Optional.empty();
  }

  private static String testedForAbsence(Expression condition) {
    Expression expr = Trees.skipParentheses(condition);
    if (expr.is(Tree.Kind.IS) && expr instanceof org.sonar.plugins.python.api.tree.BinaryExpression is
      && Trees.skipParentheses(is.rightOperand()).is(Tree.Kind.NONE) && Trees.skipParentheses(is.leftOperand()) instanceof Name name) {
      return name.name();
    }
    if (expr.is(Tree.Kind.NOT) && Trees.skipParentheses(((org.sonar.plugins.python.api.tree.UnaryExpression) expr).expression()) instanceof Name name) {
      return name.name();
    }
    return null;
  }

  private static boolean underLock(Tree tree, FunctionDef function) {
    for (Tree current = tree.parent(); current != null && current != function; current = current.parent()) {
      if (current instanceof org.sonar.plugins.python.api.tree.WithStatement with
        && with.withItems().stream().anyMatch(item -> LOCK_LIKE.matcher(text(item.test())).matches())) {
        return true;
      }
    }
    return false;
  }

  /** Local name to imported dotted name ({@code from django.db import models} gives {@code models -> django.db.models}). */
  public Map<String, String> imports() {
    return imports;
  }

  /** Modules imported with {@code from x import *} (relative ones keep their leading dots). */
  public List<String> wildcardImports() {
    return wildcardImports;
  }

  /**
   * The annotation of an annotated class-body attribute, as the dotted text of the annotation or of the subscripted
   * name ({@code posts: WriteOnlyMapped["Post"] = ...} gives {@code WriteOnlyMapped}); empty when the attribute is not
   * annotated or the annotation is not a (subscripted) dotted name.
   */
  public Optional<String> attributeAnnotation(String className, String attribute) {
    return Optional.ofNullable(attributeAnnotations.get(className + "." + attribute));
  }

  private void noteAnnotations(ClassDef classDef) {
    for (Statement statement : classDef.body().statements()) {
      if (statement instanceof AnnotatedAssignment annotated && annotated.variable() instanceof Name name) {
        Expression type = Trees.skipParentheses(annotated.annotation().expression());
        if (type instanceof org.sonar.plugins.python.api.tree.SubscriptionExpression subscription) {
          type = subscription.object();
        }
        dottedText(type).ifPresent(t -> attributeAnnotations.put(classDef.name().name() + "." + name.name(), t));
      }
    }
  }

  private void noteReturns(ClassDef classDef) {
    String className = classDef.name().name();
    for (Statement statement : classDef.body().statements()) {
      if (statement instanceof FunctionDef method) {
        returned.put(className + "." + method.name().name(), returnedValues(method));
        functionCalls.put(className + "." + method.name().name(), directCalls(method));
      }
    }
    Map<String, Value> fromInit = initAttributes(classDef);
    if (!fromInit.isEmpty()) {
      initAttributes.put(className, fromInit);
    }
  }

  /**
   * An annotated class-body attribute or an annotated parameter of a top-level function: the dotted names its annotation
   * mentions, as written (for {@code list["Item"] | None}: {@code list}, {@code Item}), and the dotted
   * callee of its default value when that is a call ({@code Depends}, {@code Field}; else "").
   */
  public record TypedMember(String name, List<String> typeNames, String defaultCallee, Range range) {
  }

  /** The annotated attributes of a top-level class body, in order (empty for an unknown class). */
  public List<TypedMember> fieldTypes(String className) {
    return fieldTypes.getOrDefault(className, List.of());
  }

  /** The annotated parameters of a top-level function, in order (empty for an unknown function). */
  public List<TypedMember> parameterTypes(String function) {
    return parameterTypes.getOrDefault(function, List.of());
  }

  private static List<TypedMember> typedFields(ClassDef classDef) {
    List<TypedMember> result = new ArrayList<>();
    for (Statement statement : classDef.body().statements()) {
      if (statement instanceof AnnotatedAssignment annotated && annotated.variable() instanceof Name name) {
        result.add(new TypedMember(name.name(), typeNames(annotated.annotation().expression()), defaultCallee(annotated.assignedValue()),
          Range.of(annotated)));
      }
    }
    return result;
  }

  private static List<TypedMember> typedParameters(FunctionDef function) {
    List<TypedMember> result = new ArrayList<>();
    if (function.parameters() != null) {
      for (var any : function.parameters().all()) {
        if (any instanceof Parameter parameter && parameter.name() != null && parameter.typeAnnotation() != null) {
          result.add(new TypedMember(parameter.name().name(), typeNames(parameter.typeAnnotation().expression()),
            defaultCallee(parameter.defaultValue()), Range.of(parameter)));
        }
      }
    }
    return result;
  }

  private static String defaultCallee(Expression value) {
    return value != null && Trees.skipParentheses(value) instanceof CallExpression call ? dottedText(call.callee()).orElse("") : "";
  }

  /** The dotted names an annotation mentions, outermost first; string forward references that are dotted names count. */
  static List<String> typeNames(Expression annotation) {
    List<String> names = new ArrayList<>();
    if (Trees.skipParentheses(annotation) instanceof QualifiedExpression qualified) {
      dottedText(qualified).ifPresent(names::add);
      return names;
    }
    Trees.walk(annotation, t -> !(t instanceof QualifiedExpression) && !(t instanceof CallExpression), t -> {
      if (t instanceof QualifiedExpression || t instanceof Name) {
        dottedText((Expression) t).ifPresent(names::add);
      } else if (t instanceof Expression e && t.is(Tree.Kind.STRING_LITERAL)) {
        Literals.stringValue(e).filter(v -> v.matches("[A-Za-z_][\\w.]*")).ifPresent(names::add);
      }
    });
    return names;
  }

  public Map<String, ClassSummary> classes() {
    return classes;
  }

  public Map<String, FunctionSummary> functions() {
    return functions;
  }

  /** Module-level assignments (the last one of each name, also inside module-level if/try blocks). */
  public Map<String, Assigned> assignments() {
    return assignments;
  }

  /** Every module-level assignment of the name, in order (several when assigned in if/else or try/except branches). */
  public List<Assigned> assignmentsOf(String name) {
    return allAssignments.getOrDefault(name, List.of());
  }

  private void assign(Assigned assigned) {
    assignments.put(assigned.name(), assigned);
    allAssignments.computeIfAbsent(assigned.name(), n -> new ArrayList<>()).add(assigned);
  }

  /** The module-level star imports, assignments and list/dict changes, in document order (see {@link Step}). */
  public List<Step> steps() {
    return steps;
  }

  /** Module-level names mutated after assignment ({@code X.update(...)}, {@code X["k"] = v}, {@code X += ...}). */
  public List<String> mutatedNames() {
    return mutatedNames;
  }

  /** The class declared with this name whose name token is on this line, or empty. */
  public Optional<ClassSummary> classAt(String name, int line) {
    ClassSummary summary = classes.get(name);
    return summary != null && summary.nameRange().line() == line ? Optional.of(summary) : Optional.empty();
  }

  /**
   * The dotted name a dotted text stands for through this module's imports: with {@code from django.db import models},
   * {@code models.ForeignKey} gives {@code django.db.models.ForeignKey}; a name that is not imported is returned as is.
   */
  public String resolve(String dotted) {
    int dot = dotted.indexOf('.');
    String head = dot < 0 ? dotted : dotted.substring(0, dot);
    String imported = imports.get(head);
    if (imported == null) {
      return dotted;
    }
    return dot < 0 ? imported : imported + dotted.substring(dot);
  }

  /** Summarises a module tree (typed or not). */
  public static ModuleSummary of(FileInput fileInput, String fileId) {
    ModuleSummary summary = new ModuleSummary(fileId);
    StatementList statements = fileInput.statements();
    if (statements != null) {
      summary.visitModuleBlock(statements);
    }
    return summary;
  }

  private void visitModuleBlock(Tree block) {
    Trees.walk(block, DjangoSettings::isModuleLevelBlock, tree -> {
      noteStep(tree);
      if (tree instanceof ImportFrom importFrom) {
        addImportFrom(importFrom);
      } else if (tree instanceof ImportName importName) {
        addImportName(importName);
      } else if (tree instanceof ClassDef classDef) {
        if (!classes.containsKey(classDef.name().name())) {
          classes.put(classDef.name().name(), summarize(classDef));
          noteAnnotations(classDef);
          noteReturns(classDef);
          fieldTypes.put(classDef.name().name(), typedFields(classDef));
        }
      } else if (tree instanceof FunctionDef functionDef) {
        functions.put(functionDef.name().name(), new FunctionSummary(functionDef.name().name(), Range.of(functionDef.name()),
          decorators(functionDef.decorators()), parameterNames(functionDef)));
        functionCalls.put(functionDef.name().name(), directCalls(functionDef));
        parameterTypes.put(functionDef.name().name(), typedParameters(functionDef));
        raises.put(functionDef.name().name(), raisedOutsideTry(functionDef));
        yieldedCalls.put(functionDef.name().name(), yieldedCalls(functionDef));
        returned.put(functionDef.name().name(), returnedValues(functionDef));
        lazyGlobal(functionDef).ifPresent(lazy -> lazyGlobals.put(functionDef.name().name(), lazy));
      } else if (tree instanceof AssignmentStatement assignment) {
        singleTarget(assignment).ifPresentOrElse(
          name -> assign(new Assigned(name, value(assignment.assignedValue()), Range.of(assignment))),
          () -> noteMutation(assignment));
      } else if (tree instanceof AnnotatedAssignment annotated && annotated.variable() instanceof Name name && annotated.assignedValue() != null) {
        assign(new Assigned(name.name(), value(annotated.assignedValue()), Range.of(annotated)));
      } else if (tree instanceof org.sonar.plugins.python.api.tree.CompoundAssignmentStatement compound
        && compound.lhsExpression() instanceof Name name) {
        mutatedNames.add(name.name());
      } else if (tree instanceof ExpressionStatement statement) {
        noteMutatingCall(statement);
      }
    });
  }

  private void noteStep(Tree tree) {
    boolean conditional = !(tree.parent() instanceof StatementList list && list.parent() != null && list.parent().is(Tree.Kind.FILE_INPUT));
    if (tree.is(Tree.Kind.FOR_STMT, Tree.Kind.WHILE_STMT)) {
      noteLoop(tree);
      return;
    }
    if (tree instanceof AssignmentStatement || tree instanceof ExpressionStatement) {
      boolean[] dynamic = {false};
      Trees.walk(tree, t -> !t.is(Tree.Kind.LAMBDA), t -> dynamic[0] |= t instanceof CallExpression call && bindsAnyName(call));
      if (dynamic[0]) {
        steps.add(new Step(Op.MUTATE, ANY_NAME, null, -1, conditional, Range.of(tree)));
        return;
      }
    }
    if (tree instanceof ImportFrom importFrom && importFrom.isWildcardImport()) {
      StringBuilder module = new StringBuilder();
      importFrom.dottedPrefixForModule().forEach(t -> module.append(t.value()));
      if (importFrom.module() != null) {
        module.append(dotted(importFrom.module()));
      }
      steps.add(new Step(Op.STAR_IMPORT, module.toString(), null, -1, conditional, Range.of(importFrom)));
    } else if (tree instanceof AssignmentStatement assignment) {
      Value value = null;
      for (var lhs : assignment.lhsExpressions()) {
        for (Expression target : lhs.expressions()) {
          if (target instanceof Name name && lhs.expressions().size() == 1) {
            value = value == null ? value(assignment.assignedValue()) : value;
            steps.add(new Step(Op.ASSIGN, name.name(), value, -1, conditional, Range.of(assignment)));
          } else {
            // tuple unpacking, X["k"] = v, X.attr = v: the names change in a way not followed
            List<Name> names = new ArrayList<>();
            if (target.is(Tree.Kind.TUPLE, Tree.Kind.LIST_LITERAL)) {
              Trees.walk(target, t -> true, t -> {
                if (t instanceof Name n) {
                  names.add(n);
                }
              });
            } else if (firstName(target) != null) {
              names.add(firstName(target));
            }
            names.forEach(n -> steps.add(new Step(Op.MUTATE, n.name(), null, -1, conditional, Range.of(assignment))));
          }
        }
      }
    } else if (tree instanceof AnnotatedAssignment annotated && annotated.variable() instanceof Name name && annotated.assignedValue() != null) {
      steps.add(new Step(Op.ASSIGN, name.name(), value(annotated.assignedValue()), -1, conditional, Range.of(annotated)));
    } else if (tree instanceof org.sonar.plugins.python.api.tree.CompoundAssignmentStatement compound) {
      Expression target = compound.lhsExpression();
      Name name = firstName(target);
      if (name != null) {
        Value added = value(compound.rhsExpression());
        boolean extend = target instanceof Name && "+=".equals(compound.compoundAssignmentToken().value()) && added instanceof Seq;
        steps.add(new Step(extend ? Op.EXTEND : Op.MUTATE, name.name(), extend ? added : null, -1, conditional, Range.of(compound)));
      }
    } else if (tree instanceof ExpressionStatement statement) {
      for (Expression expression : statement.expressions()) {
        if (expression instanceof CallExpression call && call.callee() instanceof QualifiedExpression q) {
          Name name = firstName(q.qualifier());
          if (name != null) {
            steps.add(listCall(name.name(), q, call, conditional));
          }
        }
      }
    }
  }

  /** Module-level loops: every name they bind changes in a way not followed; {@code globals()} in them binds any. */
  private void noteLoop(Tree loop) {
    Range range = Range.of(loop);
    Trees.walk(loop, t -> !t.is(Tree.Kind.FUNCDEF, Tree.Kind.CLASSDEF, Tree.Kind.LAMBDA), t -> {
      Expression target = null;
      if (t instanceof CallExpression call && bindsAnyName(call)) {
        steps.add(new Step(Op.MUTATE, ANY_NAME, null, -1, true, range));
      } else if (t instanceof AssignmentStatement assignment) {
        assignment.lhsExpressions().forEach(lhs -> lhs.expressions().forEach(e -> {
          Name name = firstName(e);
          if (name != null) {
            steps.add(new Step(Op.MUTATE, name.name(), null, -1, true, range));
          }
        }));
      } else if (t instanceof org.sonar.plugins.python.api.tree.CompoundAssignmentStatement compound) {
        target = compound.lhsExpression();
      } else if (t instanceof ExpressionStatement statement && !statement.expressions().isEmpty()
        && statement.expressions().get(0) instanceof CallExpression call && call.callee() instanceof QualifiedExpression q) {
        target = q.qualifier();
      }
      Name name = target == null ? null : firstName(target);
      if (name != null) {
        steps.add(new Step(Op.MUTATE, name.name(), null, -1, true, range));
      }
    });
  }

  /** {@code globals()}, {@code vars()}, {@code locals()}, {@code exec(...)}, {@code setattr(...)}: may bind any module name. */
  private static boolean bindsAnyName(CallExpression call) {
    return call.callee() instanceof Name n && ("globals".equals(n.name()) || "vars".equals(n.name()) || "locals".equals(n.name())
      || "exec".equals(n.name()) || "setattr".equals(n.name()));
  }

  private static Step listCall(String name, QualifiedExpression callee, CallExpression call, boolean conditional) {
    List<Expression> args = call.arguments().stream()
      .map(a -> a instanceof RegularArgument regular && regular.keywordArgument() == null ? regular.expression() : null).toList();
    boolean direct = callee.qualifier() instanceof Name && !args.contains(null);
    String method = callee.name().name();
    Range range = Range.of(call);
    if (direct && "append".equals(method) && args.size() == 1) {
      return new Step(Op.APPEND, name, value(args.get(0)), -1, conditional, range);
    }
    if (direct && "extend".equals(method) && args.size() == 1 && value(args.get(0)) instanceof Seq seq) {
      return new Step(Op.EXTEND, name, seq, -1, conditional, range);
    }
    if (direct && "insert".equals(method) && args.size() == 2) {
      int index = Literals.isNumber(args.get(0)) ? parseIndex(text(args.get(0))) : -1;
      return new Step(Op.INSERT, name, value(args.get(1)), index, conditional, range);
    }
    return new Step(Op.MUTATE, name, null, -1, conditional, range);
  }

  private static int parseIndex(String text) {
    try {
      return Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static Name firstName(Expression expression) {
    Expression current = Trees.skipParentheses(expression);
    while (true) {
      if (current instanceof Name name) {
        return name;
      } else if (current instanceof QualifiedExpression q) {
        current = Trees.skipParentheses(q.qualifier());
      } else if (current instanceof org.sonar.plugins.python.api.tree.SubscriptionExpression s) {
        current = Trees.skipParentheses(s.object());
      } else {
        return null;
      }
    }
  }

  private static List<CallSite> directCalls(FunctionDef function) {
    List<CallSite> calls = new ArrayList<>();
    for (CallExpression call : Trees.descendantsInSameScope(function.body(), Tree.Kind.CALL_EXPR, CallExpression.class)) {
      if (calls.size() >= MAX_CALLS_PER_FUNCTION) {
        break;
      }
      calls.add(new CallSite(dottedText(call.callee()).orElse("?"), Range.of(call)));
    }
    return List.copyOf(calls);
  }

  private static List<Raised> raisedOutsideTry(FunctionDef function) {
    List<Raised> result = new ArrayList<>();
    Trees.walk(function.body(), t -> !t.is(Tree.Kind.FUNCDEF, Tree.Kind.LAMBDA, Tree.Kind.CLASSDEF, Tree.Kind.TRY_STMT), t -> {
      if (t instanceof org.sonar.plugins.python.api.tree.RaiseStatement raise && !raise.expressions().isEmpty()) {
        Expression raised = raise.expressions().get(0);
        Expression named = raised instanceof CallExpression call ? call.callee() : raised;
        dottedText(named).ifPresent(text -> result.add(new Raised(text, Range.of(named))));
      }
    });
    return List.copyOf(result);
  }

  private void noteMutation(AssignmentStatement assignment) {
    for (var lhs : assignment.lhsExpressions()) {
      for (Expression target : lhs.expressions()) {
        Expression object = target instanceof org.sonar.plugins.python.api.tree.SubscriptionExpression s ? s.object() : null;
        if (object instanceof Name name) {
          mutatedNames.add(name.name());
        }
      }
    }
  }

  private void noteMutatingCall(ExpressionStatement statement) {
    for (Expression expression : statement.expressions()) {
      if (expression instanceof CallExpression call && call.callee() instanceof QualifiedExpression q && q.qualifier() instanceof Name name) {
        mutatedNames.add(name.name());
      }
    }
  }

  private void addImportFrom(ImportFrom importFrom) {
    StringBuilder module = new StringBuilder();
    importFrom.dottedPrefixForModule().forEach(t -> module.append(t.value()));
    if (importFrom.module() != null) {
      module.append(dotted(importFrom.module()));
    }
    if (importFrom.isWildcardImport()) {
      wildcardImports.add(module.toString());
      return;
    }
    for (AliasedName aliased : importFrom.importedNames()) {
      String imported = dotted(aliased.dottedName());
      String local = aliased.alias() != null ? aliased.alias().name() : imported;
      String prefix = module.toString();
      imports.put(local, prefix.isEmpty() || prefix.endsWith(".") ? prefix + imported : prefix + "." + imported);
    }
  }

  private void addImportName(ImportName importName) {
    for (AliasedName aliased : importName.modules()) {
      String imported = dotted(aliased.dottedName());
      if (aliased.alias() != null) {
        imports.put(aliased.alias().name(), imported);
      } else {
        String head = aliased.dottedName().names().get(0).name();
        imports.putIfAbsent(head, head);
      }
    }
  }

  private static String dotted(DottedName name) {
    StringBuilder text = new StringBuilder();
    for (Name part : name.names()) {
      if (!text.isEmpty()) {
        text.append('.');
      }
      text.append(part.name());
    }
    return text.toString();
  }

  private static ClassSummary summarize(ClassDef classDef) {
    List<Value> bases = new ArrayList<>();
    if (classDef.args() != null) {
      for (Argument argument : classDef.args().arguments()) {
        if (argument instanceof RegularArgument regular && regular.keywordArgument() == null) {
          bases.add(value(regular.expression()));
        }
      }
    }
    Map<String, Assigned> attributes = new LinkedHashMap<>();
    Map<String, Value> meta = new LinkedHashMap<>();
    Map<String, MethodSummary> methods = new LinkedHashMap<>();
    java.util.Set<String> otherMembers = new java.util.HashSet<>();
    for (Statement statement : classDef.body().statements()) {
      collectOtherMembers(statement, otherMembers);
      if (statement instanceof AssignmentStatement assignment) {
        for (var lhs : assignment.lhsExpressions()) {
          for (Expression target : lhs.expressions()) {
            if (target instanceof Name name) {
              attributes.put(name.name(), new Assigned(name.name(), value(assignment.assignedValue()), Range.of(assignment)));
            }
          }
        }
      } else if (statement instanceof AnnotatedAssignment annotated && annotated.variable() instanceof Name name && annotated.assignedValue() != null) {
        attributes.put(name.name(), new Assigned(name.name(), value(annotated.assignedValue()), Range.of(annotated)));
      } else if (statement instanceof ClassDef nested && "Meta".equals(nested.name().name())) {
        for (Statement metaStatement : nested.body().statements()) {
          if (metaStatement instanceof AssignmentStatement assignment) {
            singleTarget(assignment).ifPresent(n -> meta.put(n, value(assignment.assignedValue())));
          }
        }
      } else if (statement instanceof FunctionDef method) {
        methods.put(method.name().name(), summarize(method));
      }
    }
    return new ClassSummary(classDef.name().name(), Range.of(classDef.name()), bases, attributes, meta, methods, otherMembers);
  }

  /** Nested classes, names bound in class-level blocks, and attributes methods assign on their first parameter. */
  private static void collectOtherMembers(Statement statement, java.util.Set<String> members) {
    if (statement instanceof ClassDef nested) {
      members.add(nested.name().name());
    } else if (statement instanceof FunctionDef method) {
      List<String> parameters = parameterNames(method);
      String self = parameters.isEmpty() ? null : parameters.get(0);
      Trees.walk(method.body(), t -> !t.is(Tree.Kind.FUNCDEF, Tree.Kind.CLASSDEF, Tree.Kind.LAMBDA), t -> {
        if (self != null && t instanceof QualifiedExpression q && q.qualifier() instanceof Name n && n.name().equals(self)
          && isAssignmentTarget(q)) {
          members.add(q.name().name());
        }
      });
    } else if (!(statement instanceof AssignmentStatement)) {
      // names bound in if/try/for blocks of the class body, imports in the class body
      Trees.walk(statement, t -> !t.is(Tree.Kind.FUNCDEF, Tree.Kind.CLASSDEF, Tree.Kind.LAMBDA), t -> {
        if (t instanceof Name name && name.parent() != null && (isAssignmentTarget(name) || name.parent().is(Tree.Kind.ALIASED_NAME))) {
          members.add(name.name());
        } else if (t instanceof FunctionDef f && t != statement) {
          members.add(f.name().name());
        } else if (t instanceof ClassDef c && t != statement) {
          members.add(c.name().name());
        }
      });
    }
  }

  private static boolean isAssignmentTarget(Expression expression) {
    Tree parent = expression.parent();
    if (parent != null && parent.is(Tree.Kind.EXPRESSION_LIST, Tree.Kind.TUPLE)) {
      parent = parent.parent();
    }
    if (parent instanceof AssignmentStatement assignment) {
      return assignment.lhsExpressions().stream().anyMatch(l -> Trees.isAncestorOrSelf(l, expression));
    }
    if (parent instanceof AnnotatedAssignment annotated) {
      return annotated.variable() == expression;
    }
    if (parent instanceof org.sonar.plugins.python.api.tree.CompoundAssignmentStatement compound) {
      return compound.lhsExpression() == expression;
    }
    return parent instanceof org.sonar.plugins.python.api.tree.ForStatement forStatement && forStatement.expressions().contains(expression);
  }

  private static MethodSummary summarize(FunctionDef method) {
    List<String> parameters = parameterNames(method);
    Map<String, List<AccessPath>> accesses = new LinkedHashMap<>();
    for (int i = 1; i < parameters.size(); i++) {
      accesses.put(parameters.get(i), new ArrayList<>());
    }
    List<String> selects = new ArrayList<>();
    List<String> prefetches = new ArrayList<>();
    Trees.walk(method.body(), t -> !t.is(Tree.Kind.FUNCDEF, Tree.Kind.CLASSDEF), tree -> {
      if (tree instanceof Name name && accesses.containsKey(name.name()) && name.parent() instanceof QualifiedExpression q && q.qualifier() == name) {
        List<AccessPath> paths = accesses.get(name.name());
        if (paths.size() < MAX_ACCESS_PATHS) {
          paths.add(accessPath(q));
        }
      } else if (tree instanceof CallExpression call && call.callee() instanceof QualifiedExpression q) {
        String method1 = q.name().name();
        if ("select_related".equals(method1) || "prefetch_related".equals(method1)) {
          List<String> target = "select_related".equals(method1) ? selects : prefetches;
          lookupStrings(call, target);
        }
      }
    });
    return new MethodSummary(method.name().name(), Range.of(method.name()), parameters, accesses, selects, prefetches,
      decorators(method.decorators()));
  }

  /** String lookups of a select_related/prefetch_related call; {@code "*"} when an argument is not a literal. */
  private static void lookupStrings(CallExpression call, List<String> target) {
    if (call.arguments().isEmpty()) {
      target.add("*");
    }
    for (Argument argument : call.arguments()) {
      if (!(argument instanceof RegularArgument regular)) {
        target.add("*");
        continue;
      }
      Expression expression = regular.expression();
      Optional<String> literal = Literals.stringValue(expression);
      if (literal.isPresent()) {
        target.add(literal.get());
      } else if (Trees.skipParentheses(expression) instanceof CallExpression prefetch) {
        target.add(org.backendreview.tree.Arguments.value(prefetch, 0, "lookup").flatMap(Literals::stringValue).orElse("*"));
      } else {
        target.add("*");
      }
    }
  }

  private static AccessPath accessPath(QualifiedExpression first) {
    List<String> segments = new ArrayList<>();
    Tree current = first;
    Tree last = first;
    while (current instanceof QualifiedExpression q && segments.size() < 6) {
      String segment = q.name().name();
      last = q;
      if (q.parent() instanceof CallExpression call && call.callee() == q) {
        segments.add(segment + "()");
        last = call;
        current = call.parent();
      } else {
        segments.add(segment);
        current = q.parent();
      }
    }
    return new AccessPath(List.copyOf(segments), Range.of(last));
  }

  private static List<Value> decorators(List<Decorator> decorators) {
    List<Value> result = new ArrayList<>();
    for (Decorator decorator : decorators) {
      result.add(value(decorator.expression()));
    }
    return result;
  }

  private static List<String> parameterNames(FunctionDef function) {
    List<String> names = new ArrayList<>();
    if (function.parameters() != null) {
      for (var any : function.parameters().all()) {
        if (any instanceof Parameter parameter && parameter.name() != null) {
          names.add(parameter.name().name());
        }
      }
    }
    return names;
  }

  private static Optional<String> singleTarget(AssignmentStatement assignment) {
    if (assignment.lhsExpressions().size() == 1 && assignment.lhsExpressions().get(0).expressions().size() == 1
      && assignment.lhsExpressions().get(0).expressions().get(0) instanceof Name name) {
      return Optional.of(name.name());
    }
    return Optional.empty();
  }

  /** The value of an expression (see {@link Value}). */
  public static Value value(Expression expression) {
    Expression expr = Trees.skipParentheses(expression);
    Range range = Range.of(expr);
    Optional<String> string = Literals.stringValue(expr);
    if (string.isPresent()) {
      return new Str(string.get(), range);
    }
    Optional<Boolean> bool = Literals.booleanValue(expr);
    if (bool.isPresent()) {
      return new Bool(bool.get(), range);
    }
    if (Literals.isNone(expr)) {
      return new NoneValue(range);
    }
    if (Literals.isNumber(expr)) {
      return new Num(text(expr), range);
    }
    Optional<String> dotted = dottedText(expr);
    if (dotted.isPresent()) {
      return new Dotted(dotted.get(), range);
    }
    if (expr instanceof CallExpression call) {
      List<Value> args = new ArrayList<>();
      Map<String, Value> kwargs = new LinkedHashMap<>();
      boolean unpacking = false;
      for (Argument argument : call.arguments()) {
        if (argument instanceof RegularArgument regular) {
          if (regular.keywordArgument() != null) {
            kwargs.put(regular.keywordArgument().name(), value(regular.expression()));
          } else {
            args.add(value(regular.expression()));
          }
        } else {
          unpacking = true;
        }
      }
      return new Call(dottedText(call.callee()).orElse("?"), args, kwargs, unpacking, range);
    }
    Optional<List<Expression>> elements = Literals.collectionElements(expr);
    if (elements.isPresent()) {
      return new Seq(elements.get().stream().map(ModuleSummary::value).toList(), range);
    }
    if (expr instanceof DictionaryLiteral dict) {
      Map<String, Value> entries = new LinkedHashMap<>();
      boolean complete = true;
      for (DictionaryLiteralElement element : dict.elements()) {
        Optional<String> key = element instanceof KeyValuePair pair ? Literals.stringValue(pair.key()) : Optional.empty();
        if (key.isPresent()) {
          entries.put(key.get(), value(((KeyValuePair) element).value()));
        } else {
          complete = false;
        }
      }
      return new Dict(entries, complete, range);
    }
    return new Other(range);
  }

  /** {@code a}, {@code a.b.c} as text; empty for anything else. */
  public static Optional<String> dottedText(Expression expression) {
    Expression expr = Trees.skipParentheses(expression);
    if (expr instanceof Name name) {
      return Optional.of(name.name());
    }
    if (expr instanceof QualifiedExpression qualified) {
      return dottedText(qualified.qualifier()).map(q -> q + "." + qualified.name().name());
    }
    return Optional.empty();
  }

  private static String text(Tree tree) {
    StringBuilder text = new StringBuilder();
    Trees.walk(tree, t -> true, t -> {
      if (t instanceof Token token) {
        text.append(token.value());
      }
    });
    return text.toString();
  }
}
