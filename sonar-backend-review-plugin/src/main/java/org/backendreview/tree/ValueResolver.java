/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.tree;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.annotation.Nullable;
import org.sonar.plugins.python.api.SubscriptionContext;
import org.sonar.plugins.python.api.symbols.v2.SymbolV2;
import org.sonar.plugins.python.api.symbols.v2.UsageV2;
import org.sonar.plugins.python.api.tree.AnnotatedAssignment;
import org.sonar.plugins.python.api.tree.AssignmentExpression;
import org.sonar.plugins.python.api.tree.AssignmentStatement;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.ClassDef;
import org.sonar.plugins.python.api.tree.Expression;
import org.sonar.plugins.python.api.tree.ExpressionList;
import org.sonar.plugins.python.api.tree.FunctionDef;
import org.sonar.plugins.python.api.tree.Name;
import org.sonar.plugins.python.api.tree.Parameter;
import org.sonar.plugins.python.api.tree.QualifiedExpression;
import org.sonar.plugins.python.api.tree.Statement;
import org.sonar.plugins.python.api.tree.StatementList;
import org.sonar.plugins.python.api.tree.SubscriptionExpression;
import org.sonar.plugins.python.api.tree.Tree;
import org.sonar.plugins.python.api.tree.WithItem;

/**
 * The one answer to "what value does this expression hold?", on the public API only. One instance per file (the
 * file's {@code AnalysisContext.values()}): it caches, per file, the attribute assignments of classes and the
 * definitions of symbols. Four families of questions:
 * <dl>
 *   <dt>Value origins ({@link #origins}, {@link #origin})</dt>
 *   <dd>the expressions that may have created the object an expression holds: for a local name, the values reaching it
 *   ({@code ctx.valuesAtLocation}), or, where the frontend gives none (module globals read in a function,
 *   {@code with X() as name}), the values of all its bindings when every binding is a plain assignment or a {@code with}
 *   item; for {@code self.attr} in a method, every value assigned to {@code self.attr} in the methods of the class (and
 *   {@code attr = value} in the class body); for any other expression (a call, a literal), itself. Empty means unknown
 *   (parameters, loop variables, tuple unpacking, other objects' attributes): callers stay silent then.</dd>
 *   <dt>Single bindings ({@link #singleAssignedValue}, {@link #boundValue}, {@link #withItemValue},
 *   {@link #onlySelfAssignment})</dt>
 *   <dd>the value of a name bound exactly once, by a plain assignment or a {@code with ... as name}; the value of the
 *   only {@code self.<attr> = value} of a class.</dd>
 *   <dt>Reaching definitions ({@link #definitionsOf}, {@link #reachingDefinitions}, {@link #valuesAtLocation})</dt>
 *   <dd>the bindings and in-place updates of a symbol that may reach a use, through branches and loops, where the
 *   frontend's reaching values are missing or unreliable (loops, tuple unpacking, augmented assignments).</dd>
 *   <dt>Assignment shapes ({@link #assignedValue}, {@link #assignmentTarget}, {@link #plainAssignment},
 *   {@link #mutation})</dt>
 *   <dd>the value a target of an assignment gets ({@code a, b = x, y}), and in-place container updates.</dd>
 * </dl>
 * Types of values: {@link Types}.
 */
public final class ValueResolver {

  private static final int MAX_ORIGIN_DEPTH = 3;
  /** Methods that put their arguments into the container they are called on. */
  private static final Set<String> MUTATORS = Set.of("append", "extend", "insert", "add", "update", "setdefault", "appendleft", "extendleft");

  private final Map<ClassDef, Map<String, List<Expression>>> selfAttributes = new IdentityHashMap<>();
  private final Map<ClassDef, Map<String, SelfAssignment>> onlySelfAssignments = new IdentityHashMap<>();
  private final Map<SymbolV2, List<UsageV2>> definitions = new HashMap<>();

  // ------------------------------------------------------------------ value origins

  /** The possible origins of the expression's value; empty when unknown. */
  public List<Expression> origins(Expression expression, SubscriptionContext ctx) {
    List<Expression> result = new ArrayList<>();
    if (!collect(expression, ctx, result, 0)) {
      return List.of();
    }
    return result.stream().distinct().toList();
  }

  /** The unique origin when there is exactly one, else null. */
  @Nullable
  public Expression origin(Expression expression, SubscriptionContext ctx) {
    List<Expression> origins = origins(expression, ctx);
    return origins.size() == 1 ? origins.get(0) : null;
  }

  private boolean collect(Expression expression, SubscriptionContext ctx, List<Expression> result, int depth) {
    Expression expr = Trees.skipParentheses(expression);
    if (depth > MAX_ORIGIN_DEPTH) {
      return false;
    }
    if (expr instanceof Name name) {
      return collectAll(nameValues(name, ctx), ctx, result, depth);
    }
    if (expr instanceof QualifiedExpression qualified && isSelf(qualified.qualifier())) {
      ClassDef owner = Trees.enclosingClass(qualified);
      return owner != null
        && collectAll(selfAttributes.computeIfAbsent(owner, ValueResolver::attributeAssignments).get(qualified.name().name()), ctx, result, depth);
    }
    if (expr instanceof Name || expr instanceof QualifiedExpression) {
      return false;
    }
    if (!expr.is(Tree.Kind.NONE)) {
      // None is a placeholder ("not created yet"), not an origin
      result.add(expr);
    }
    return true;
  }

  /** Collects the origins of every value; false when there is none or one of them is unknown. */
  private boolean collectAll(@Nullable List<Expression> values, SubscriptionContext ctx, List<Expression> result, int depth) {
    if (values == null || values.isEmpty()) {
      return false;
    }
    for (Expression value : values) {
      if (!collect(value, ctx, result, depth + 1)) {
        return false;
      }
    }
    return true;
  }

  private List<Expression> nameValues(Name name, SubscriptionContext ctx) {
    Set<Expression> reaching = reaching(name, ctx);
    if (!reaching.isEmpty()) {
      return new ArrayList<>(reaching);
    }
    SymbolV2 symbol = name.symbolV2();
    if (symbol == null) {
      return List.of();
    }
    List<Expression> values = new ArrayList<>();
    for (UsageV2 usage : symbol.usages()) {
      if (!usage.isBindingUsage()) {
        continue;
      }
      Expression value = bindingValue(usage);
      if (value == null) {
        return List.of();
      }
      values.add(value);
    }
    return values;
  }

  /** The value bound by an assignment to this very target ({@code x = v}, {@code x: T = v}) or a with item ({@code with v as x}); null for other bindings. */
  @Nullable
  public static Expression bindingValue(UsageV2 usage) {
    Tree target = usage.tree();
    Tree parent = target.parent();
    if (usage.kind() == UsageV2.Kind.WITH_INSTANCE && parent instanceof WithItem item && item.expression() == target) {
      return item.test();
    }
    if (usage.kind() != UsageV2.Kind.ASSIGNMENT_LHS) {
      return null;
    }
    if (parent instanceof ExpressionList list && list.expressions().size() == 1 && parent.parent() instanceof AssignmentStatement assignment) {
      return assignment.assignedValue();
    }
    if (parent instanceof AnnotatedAssignment annotated && annotated.variable() == target) {
      return annotated.assignedValue();
    }
    return null;
  }

  /** True for the first parameter of the enclosing method (conventionally {@code self}). */
  public static boolean isSelf(Expression expression) {
    if (!(Trees.skipParentheses(expression) instanceof Name name)) {
      return false;
    }
    FunctionDef function = Trees.enclosingFunction(name);
    if (function == null || Trees.methodOwner(function) == null || function.parameters() == null) {
      // also accept self in a nested function/lambda of a method
      function = Trees.nearestFunctionDef(name);
      if (function == null || Trees.methodOwner(function) == null || function.parameters() == null) {
        return false;
      }
    }
    List<Parameter> parameters = function.parameters().nonTuple();
    return !parameters.isEmpty() && parameters.get(0).name() != null && parameters.get(0).name().name().equals(name.name())
      && function.decorators().stream().noneMatch(d -> d.expression() instanceof Name n && "staticmethod".equals(n.name()));
  }

  /** {@code self.attr = value} in the class's methods and {@code attr = value} in its body, by attribute name. */
  private static Map<String, List<Expression>> attributeAssignments(ClassDef classDef) {
    Map<String, List<Expression>> result = new LinkedHashMap<>();
    Trees.walk(classDef.body(), t -> !t.is(Tree.Kind.CLASSDEF), t -> {
      if (t instanceof AssignmentStatement assignment) {
        for (ExpressionList lhs : assignment.lhsExpressions()) {
          if (lhs.expressions().size() != 1) {
            continue;
          }
          Expression target = lhs.expressions().get(0);
          if (target instanceof QualifiedExpression q && isSelf(q.qualifier()) && Trees.enclosingClass(q) == classDef) {
            result.computeIfAbsent(q.name().name(), k -> new ArrayList<>()).add(assignment.assignedValue());
          } else if (target instanceof Name n && assignment.parent() != null && assignment.parent().parent() == classDef) {
            result.computeIfAbsent(n.name(), k -> new ArrayList<>()).add(assignment.assignedValue());
          }
        }
      } else if (t instanceof AnnotatedAssignment annotated && annotated.assignedValue() != null
        && annotated.variable() instanceof QualifiedExpression q && isSelf(q.qualifier()) && Trees.enclosingClass(q) == classDef) {
        result.computeIfAbsent(q.name().name(), k -> new ArrayList<>()).add(annotated.assignedValue());
      }
    });
    return result;
  }

  // ------------------------------------------------------------------ single bindings

  /**
   * The value assigned to a name bound by exactly one plain assignment ({@code x = value} or {@code x: T = value})
   * in its scope, or empty (several bindings, parameters, loop variables, tuple unpacking, imports...).
   */
  public static Optional<Expression> singleAssignedValue(Name name) {
    SymbolV2 symbol = name.symbolV2();
    if (symbol == null) {
      return Optional.empty();
    }
    Optional<UsageV2> binding = symbol.getSingleBindingUsage();
    if (binding.isEmpty() || binding.get().kind() != UsageV2.Kind.ASSIGNMENT_LHS) {
      return Optional.empty();
    }
    Tree target = binding.get().tree();
    Tree parent = target.parent();
    if (parent != null && parent.is(Tree.Kind.EXPRESSION_LIST)) {
      Tree statement = parent.parent();
      if (statement instanceof AssignmentStatement assignment && ((ExpressionList) parent).expressions().size() == 1) {
        return Optional.of(assignment.assignedValue());
      }
      return Optional.empty();
    }
    if (parent instanceof AnnotatedAssignment annotated && annotated.variable() == target) {
      return Optional.ofNullable(annotated.assignedValue());
    }
    return Optional.empty();
  }

  /** The value a local name is bound to once: by a plain assignment ({@link #singleAssignedValue}) or by {@code with value as name}. */
  public static Optional<Expression> boundValue(Name name) {
    Optional<Expression> assigned = singleAssignedValue(name);
    if (assigned.isPresent()) {
      return assigned;
    }
    SymbolV2 symbol = name.symbolV2();
    if (symbol == null) {
      return Optional.empty();
    }
    Optional<UsageV2> binding = symbol.getSingleBindingUsage();
    if (binding.isPresent() && binding.get().kind() == UsageV2.Kind.WITH_INSTANCE) {
      return Optional.ofNullable(withItemValue(binding.get().tree()));
    }
    return Optional.empty();
  }

  /** For a target of {@code with value as target} (or a name inside a tuple target): the value; null elsewhere. */
  @Nullable
  public static Expression withItemValue(Tree target) {
    Tree item = Trees.firstAncestor(target, Tree.Kind.WITH_ITEM);
    return item instanceof WithItem withItem ? withItem.test() : null;
  }

  /**
   * The value of the only {@code self.<attribute> = value} in the methods of the class (direct methods, not nested
   * functions; the receiver spelled {@code self}): empty when the class never assigns it, or assigns it more than
   * once or by unpacking. Computed once per class.
   */
  public Optional<Expression> onlySelfAssignment(ClassDef owner, String attribute) {
    SelfAssignment assigned = onlySelfAssignments.computeIfAbsent(owner, ValueResolver::selfAssignments).get(attribute);
    return assigned == null ? Optional.empty() : Optional.ofNullable(assigned.value());
  }

  /** The value of the only assignment of an attribute, null when it is assigned more than once or by unpacking. */
  private record SelfAssignment(@Nullable Expression value) {
    static final SelfAssignment AMBIGUOUS = new SelfAssignment(null);
  }

  private static Map<String, SelfAssignment> selfAssignments(ClassDef owner) {
    Map<String, SelfAssignment> values = new HashMap<>();
    for (Statement statement : owner.body().statements()) {
      if (statement instanceof FunctionDef function) {
        for (AssignmentStatement assignment : Trees.descendantsInSameScope(function.body(), Tree.Kind.ASSIGNMENT_STMT, AssignmentStatement.class)) {
          for (ExpressionList targets : assignment.lhsExpressions()) {
            for (Expression target : targets.expressions()) {
              if (target instanceof QualifiedExpression q && q.qualifier() instanceof Name n && "self".equals(n.name())) {
                SelfAssignment value = new SelfAssignment(targets.expressions().size() == 1 ? assignment.assignedValue() : null);
                values.merge(q.name().name(), value, (a, b) -> SelfAssignment.AMBIGUOUS);
              }
            }
          }
        }
      }
    }
    return values;
  }

  // ------------------------------------------------------------------ reaching definitions

  /** The binding usages (in functions) and in-place updates ({@link #mutation}) of the symbol, in document order (once per symbol). */
  public List<UsageV2> definitionsOf(SymbolV2 symbol) {
    return definitions.computeIfAbsent(symbol, s -> {
      List<UsageV2> result = new ArrayList<>();
      for (UsageV2 usage : s.usages()) {
        if (usage.isBindingUsage() && Trees.nearestFunctionDef(usage.tree()) != null
          || usage.kind() == UsageV2.Kind.OTHER && mutation(usage.tree()) != null) {
          result.add(usage);
        }
      }
      result.sort((a, b) -> Trees.DOCUMENT_ORDER.compare(a.tree(), b.tree()));
      return result;
    });
  }

  /**
   * The definitions (of {@link #definitionsOf}) that may reach the use. With {@code valuesKnown} (the frontend gave the
   * reaching assignments), only the other kinds of definitions (parameters, in-place updates...) are added. Otherwise:
   * the definitions before the use, starting at the last plain assignment in an enclosing block (which kills the
   * earlier ones), and, when no such assignment exists, also the later ones in a loop around the use. Definitions in
   * other functions (closures) and comprehension variables always count.
   */
  public static List<UsageV2> reachingDefinitions(List<UsageV2> definitions, Name use, boolean valuesKnown) {
    FunctionDef useFunction = Trees.nearestFunctionDef(use);
    List<UsageV2> result = new ArrayList<>();
    int killer = -1;
    for (int i = 0; i < definitions.size(); i++) {
      UsageV2 definition = definitions.get(i);
      Tree tree = definition.tree();
      if (tree != use && Trees.nearestFunctionDef(tree) == useFunction && isBefore(tree, use) && kills(definition, use)) {
        killer = i;
      }
    }
    for (int i = 0; i < definitions.size(); i++) {
      UsageV2 definition = definitions.get(i);
      Tree tree = definition.tree();
      if (tree == use || valuesKnown && definition.kind() == UsageV2.Kind.ASSIGNMENT_LHS && plainAssignment(definition) != null) {
        continue;
      }
      boolean sameFunction = Trees.nearestFunctionDef(tree) == useFunction;
      if (!sameFunction || definition.kind() == UsageV2.Kind.COMP_DECLARATION) {
        result.add(definition);
      } else if (isBefore(tree, use)) {
        if (i >= killer && !isInSameSimpleStatement(tree, use)) {
          result.add(definition);
        }
      } else if (inCommonLoop(tree, use, killer < 0 ? null : definitions.get(killer).tree())) {
        result.add(definition);
      }
    }
    return result;
  }

  /**
   * The frontend's reaching assignments ({@code ctx.valuesAtLocation}), or none inside a loop, where it may miss the
   * values from before the loop ({@code x = a; while True: x = x + b; use(x)} gives only {@code x + b}).
   */
  public Set<Expression> valuesAtLocation(Name name, @Nullable SubscriptionContext ctx) {
    if (Trees.firstAncestor(name, t -> t.is(Tree.Kind.FOR_STMT, Tree.Kind.WHILE_STMT, Tree.Kind.FUNCDEF, Tree.Kind.LAMBDA)) instanceof
      org.sonar.plugins.python.api.tree.Statement loop && !loop.is(Tree.Kind.FUNCDEF)) {
      return Set.of();
    }
    try {
      Set<Expression> result = ctx == null || name.symbol() == null ? Set.of() : reaching(name, ctx);
      return result == null ? Set.of() : result;
    } catch (RuntimeException e) {
      return Set.of();
    }
  }

  /** Per scope (a function, or the file), whether it holds a try statement outside nested functions and classes. */
  private final Map<Tree, Boolean> scopesWithTry = new IdentityHashMap<>();

  /**
   * The frontend's reaching assignments of the name ({@code ctx.valuesAtLocation}), as is. The frontend gives none in a
   * scope (the enclosing function, else the file) that holds a {@code try} statement outside nested functions and
   * classes, and finds that out by walking the scope at every call without remembering it: on a large module that walk,
   * once per name asked, was the scan's largest cost in our code. Here it is done once per scope and file.
   */
  public Set<Expression> reaching(Name name, SubscriptionContext ctx) {
    Tree scope = Trees.firstAncestor(name, t -> t.is(Tree.Kind.FUNCDEF, Tree.Kind.FILE_INPUT));
    if (scope != null && scopesWithTry.computeIfAbsent(scope, ValueResolver::holdsTry)) {
      return Set.of();
    }
    // the frontend keeps only the answers of a scope's own variables: others (a class attribute, a global read in a
    // function) redo its analysis of the whole scope at each call, so the answer is kept here per name
    return reachingByName.computeIfAbsent(name, n -> ctx.valuesAtLocation(n));
  }

  private final Map<Name, Set<Expression>> reachingByName = new IdentityHashMap<>();

  private static boolean holdsTry(Tree scope) {
    for (Tree child : scope.children()) {
      if (child.is(Tree.Kind.TRY_STMT) || !child.is(Tree.Kind.FUNCDEF, Tree.Kind.CLASSDEF) && holdsTry(child)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isBefore(Tree definition, Tree use) {
    return Trees.startsBefore(definition, use) || definition.is(Tree.Kind.NAME) && definition.parent() instanceof Parameter;
  }

  /** A plain assignment {@code x = value} in a block that encloses the use, before it: earlier definitions are dead. */
  private static boolean kills(UsageV2 definition, Name use) {
    if (definition.kind() == UsageV2.Kind.PARAMETER) {
      return true;
    }
    AssignmentStatement assignment = plainAssignment(definition);
    return assignment != null && assignment.parent() instanceof StatementList block && Trees.isAncestorOrSelf(block, use)
      && !Trees.isAncestorOrSelf(assignment, use);
  }

  /** {@code x = x + 1}: the use on the right does not see the assignment it belongs to. */
  private static boolean isInSameSimpleStatement(Tree definition, Tree use) {
    Tree current = definition;
    while (current.parent() != null && !(current.parent() instanceof StatementList)) {
      current = current.parent();
    }
    return current.is(Tree.Kind.ASSIGNMENT_STMT, Tree.Kind.COMPOUND_ASSIGNMENT, Tree.Kind.EXPRESSION_STMT, Tree.Kind.ANNOTATED_ASSIGNMENT)
      && Trees.isAncestorOrSelf(current, use);
  }

  /** A loop encloses both (so the later definition reaches the use in the next iteration) and not the killer. */
  private static boolean inCommonLoop(Tree definition, Tree use, @Nullable Tree killer) {
    Tree loop = Trees.firstAncestor(use, t -> t.is(Tree.Kind.FOR_STMT, Tree.Kind.WHILE_STMT, Tree.Kind.FUNCDEF));
    while (loop != null && !loop.is(Tree.Kind.FUNCDEF)) {
      if (Trees.isAncestorOrSelf(loop, definition)) {
        return killer == null || !Trees.isAncestorOrSelf(loop, killer);
      }
      loop = Trees.firstAncestor(loop, t -> t.is(Tree.Kind.FOR_STMT, Tree.Kind.WHILE_STMT, Tree.Kind.FUNCDEF));
    }
    return false;
  }

  // ------------------------------------------------------------------ assignment shapes

  /** The statement of a plain assignment {@code x = value} whose only target is this definition's name; null otherwise. */
  @Nullable
  public static AssignmentStatement plainAssignment(UsageV2 definition) {
    Tree target = definition.tree();
    if (definition.kind() == UsageV2.Kind.ASSIGNMENT_LHS && target.parent() instanceof ExpressionList list && list.expressions().size() == 1
      && list.parent() instanceof AssignmentStatement assignment) {
      return assignment;
    }
    return null;
  }

  /** For {@code x = v}, {@code x: T = v}, {@code x := v} and {@code a, x = u, v}: the value given to the target. */
  @Nullable
  public static Expression assignedValue(Tree target) {
    Tree parent = target.parent();
    if (parent instanceof AnnotatedAssignment annotated) {
      return annotated.assignedValue();
    }
    if (parent instanceof AssignmentExpression walrus) {
      return walrus.expression();
    }
    Tree current = target;
    List<Integer> path = new ArrayList<>();
    boolean starred = false;
    while (current.parent() != null && current.parent().is(Tree.Kind.TUPLE, Tree.Kind.LIST_LITERAL, Tree.Kind.EXPRESSION_LIST,
      Tree.Kind.PARENTHESIZED, Tree.Kind.UNPACKING_EXPR)) {
      Tree container = current.parent();
      if (container.is(Tree.Kind.UNPACKING_EXPR)) {
        starred = true;
      } else if (!container.is(Tree.Kind.PARENTHESIZED)) {
        List<Tree> elements = container.children().stream().filter(c -> c instanceof Expression).toList();
        if (!container.is(Tree.Kind.EXPRESSION_LIST) || elements.size() > 1) {
          path.add(elements.indexOf(current));
        }
      }
      current = container;
    }
    if (!(current.parent() instanceof AssignmentStatement assignment)) {
      return null;
    }
    Expression value = assignment.assignedValue();
    // a, b = x, y: follow the element at the same position when the shapes match
    for (int i = path.size() - 1; i >= 0 && !starred; i--) {
      Optional<List<Expression>> elements = Literals.collectionElements(value);
      if (elements.isEmpty() || path.get(i) < 0 || path.get(i) >= elements.get().size()) {
        break;
      }
      value = elements.get().get(path.get(i));
    }
    return value;
  }

  /** For the value of an assignment: its target named {@code variable} ({@code variable = value}), or null. */
  @Nullable
  public static Tree assignmentTarget(Expression value, String variable) {
    Tree parent = value.parent();
    if (parent instanceof AssignmentStatement assignment) {
      for (ExpressionList list : assignment.lhsExpressions()) {
        for (Expression target : list.expressions()) {
          if (target instanceof Name n && n.name().equals(variable)) {
            return target;
          }
        }
      }
    }
    return parent instanceof AnnotatedAssignment annotated ? annotated.variable() : null;
  }

  /** For a use of a variable as {@code x[k] = v} or {@code x.append(v)} (an in-place update): the call or assignment, or null. */
  @Nullable
  public static Tree mutation(Tree use) {
    Tree parent = use.parent();
    if (parent instanceof QualifiedExpression qualified && qualified.qualifier() == use && MUTATORS.contains(qualified.name().name())
      && qualified.parent() instanceof CallExpression call && call.callee() == qualified) {
      return call;
    }
    if (parent instanceof SubscriptionExpression subscription && subscription.object() == use
      && subscription.parent() instanceof ExpressionList list && list.parent() instanceof AssignmentStatement assignment
      && assignment.lhsExpressions().contains(list)) {
      return assignment;
    }
    return null;
  }
}
