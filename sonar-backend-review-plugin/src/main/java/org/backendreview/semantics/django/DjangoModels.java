/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.semantics.django;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.backendreview.semantics.project.AnalysisContext;
import org.backendreview.tree.Arguments;
import org.backendreview.tree.Fqns;
import org.backendreview.tree.Trees;
import org.sonar.plugins.python.api.SubscriptionContext;
import org.sonar.plugins.python.api.symbols.v2.SymbolV2;
import org.sonar.plugins.python.api.symbols.v2.UsageV2;
import org.sonar.plugins.python.api.tree.AssignmentStatement;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.ClassDef;
import org.sonar.plugins.python.api.tree.Expression;
import org.sonar.plugins.python.api.tree.FileInput;
import org.sonar.plugins.python.api.tree.ForStatement;
import org.sonar.plugins.python.api.tree.FunctionDef;
import org.sonar.plugins.python.api.tree.Name;
import org.sonar.plugins.python.api.tree.Parameter;
import org.sonar.plugins.python.api.tree.QualifiedExpression;
import org.sonar.plugins.python.api.tree.Statement;
import org.sonar.plugins.python.api.tree.Tree;
import org.sonar.plugins.python.api.types.v2.ClassType;
import org.sonar.plugins.python.api.types.v2.PythonType;

/**
 * Django models, managers and querysets as the frontend's types prove them. Model classes are recognised across
 * modules (the project-level type table resolves {@code from shop.models import Product}); manager and queryset calls
 * by the FQN the Django stubs give them ({@code django.db.models.manager.Manager.get}).
 */
public final class DjangoModels {

  /** The FQNs of Django's model base class. */
  public static final Predicate<String> MODEL = DjangoModelClasses.MODEL;

  private static final String MANAGER = "django.db.models.manager.Manager.";
  private static final String BASE_MANAGER = "django.db.models.manager.BaseManager.";
  private static final String QUERYSET = "django.db.models.query.QuerySet.";
  private static final Set<String> INSTANCE_METHODS = Set.of("get", "first", "last", "latest", "earliest", "create");
  private static final Set<String> QUERYSET_METHODS = Set.of("all", "filter", "exclude", "order_by", "select_related",
    "prefetch_related", "only", "defer", "distinct", "select_for_update", "iterator", "annotate", "using", "none", "reverse");

  private DjangoModels() {
  }

  /** True when the expression names a Django model class ({@link DjangoModelClasses#isModelClass}). */
  public static boolean isModelClass(Expression expression) {
    return DjangoModelClasses.isModelClass(expression);
  }

  /** True when the class definition is a Django model, abstract or not ({@link DjangoModelClasses#isModelClassDef}). */
  public static boolean isModelClassDef(ClassDef classDef) {
    return DjangoModelClasses.isModelClassDef(classDef);
  }

  /** The manager/queryset method a call invokes ({@code Product.objects.filter(...)} gives {@code filter}), or empty. */
  public static Optional<String> managerMethod(CallExpression call) {
    Optional<String> fqn = Fqns.ofCallee(call);
    if (fqn.isEmpty()) {
      return Optional.empty();
    }
    String name = fqn.get();
    for (String prefix : new String[] {MANAGER, BASE_MANAGER, QUERYSET}) {
      if (name.startsWith(prefix) && name.indexOf('.', prefix.length()) < 0) {
        return Optional.of(name.substring(prefix.length()));
      }
    }
    return Optional.empty();
  }

  /** True for a call returning a queryset ({@code Model.objects.filter(...)}, {@code qs.order_by(...)}, ...). */
  public static boolean isQuerySetCall(Expression expression) {
    Expression expr = Trees.skipParentheses(expression);
    return expr instanceof CallExpression call && managerMethod(call).filter(QUERYSET_METHODS::contains).isPresent();
  }

  /** True when a manager/queryset call chain contains {@code select_for_update()}. */
  public static boolean chainLocksRows(CallExpression call) {
    Expression current = call;
    while (current instanceof CallExpression c) {
      if (Fqns.calleeName(c).filter("select_for_update"::equals).isPresent()) {
        return true;
      }
      Optional<Expression> receiver = Fqns.receiver(c);
      if (receiver.isEmpty()) {
        // get_object_or_404(queryset, ...): look at the queryset argument
        return Fqns.isCallTo(c, "django.shortcuts.get_object_or_404", "django.shortcuts.get_list_or_404")
          && Arguments.value(c, 0, "klass").map(Trees::skipParentheses).filter(CallExpression.class::isInstance)
            .map(k -> chainLocksRows((CallExpression) k)).orElse(false);
      }
      current = Trees.skipParentheses(receiver.get());
    }
    return false;
  }

  /**
   * Where a model instance comes from.
   *
   * @param origin the expression or parameter that produced the instance (for secondary locations)
   * @param locked true when it was fetched with {@code select_for_update()}
   * @param model the model class when the frontend resolved it, else null
   */
  public record InstanceOrigin(Tree origin, boolean locked, ClassType model) {
  }

  /**
   * The origin of the model instance a name holds at this point, when it is proven to be a model instance:
   * <ul>
   *   <li>every value reaching the name is {@code Model.objects...get()/first()/last()/latest()/earliest()/create()} or
   *   {@code get_object_or_404(Model or queryset, ...)};</li>
   *   <li>the loop variable of a {@code for} over a queryset;</li>
   *   <li>{@code self} in a method of a model class;</li>
   *   <li>a parameter annotated with a model class.</li>
   * </ul>
   */
  public static Optional<InstanceOrigin> instanceOrigin(Name name, SubscriptionContext ctx) {
    SymbolV2 symbol = name.symbolV2();
    if (symbol == null) {
      return Optional.empty();
    }
    Optional<InstanceOrigin> fromParameter = parameterOrigin(symbol);
    if (fromParameter.isPresent()) {
      return fromParameter;
    }
    Optional<InstanceOrigin> fromLoop = loopOrigin(symbol, ctx);
    if (fromLoop.isPresent()) {
      return fromLoop;
    }
    Set<Expression> values = AnalysisContext.of(ctx).values().reaching(name, ctx);
    if (values.isEmpty()) {
      return Optional.empty();
    }
    CallExpression first = null;
    boolean locked = true;
    for (Expression value : values) {
      Expression expr = Trees.skipParentheses(value);
      if (!(expr instanceof CallExpression call) || !isInstanceFetch(call, ctx)) {
        return Optional.empty();
      }
      if (first == null || call.firstToken().line() < first.firstToken().line()) {
        first = call;
      }
      locked &= chainLocksRows(call);
    }
    ClassType model = modelOfChain(first);
    if (model == null) {
      model = DjangoQuerySets.queryCall(first, ctx).map(q -> q.receiver().model()).orElse(null);
    }
    return Optional.of(new InstanceOrigin(first, locked, model));
  }

  /**
   * The model class at the root of a manager/queryset chain ({@code Product.objects.filter(...).get()} gives
   * {@code Product}), or of {@code get_object_or_404(Product, ...)}; null when unknown.
   */
  public static ClassType modelOfChain(CallExpression call) {
    Expression current = call;
    while (current instanceof CallExpression c) {
      Optional<Expression> receiver = Fqns.receiver(c);
      if (receiver.isEmpty()) {
        return Arguments.value(c, 0, "klass").map(Trees::skipParentheses)
          .map(k -> k instanceof CallExpression inner ? modelOfChain(inner) : classType(k.typeV2())).orElse(null);
      }
      current = Trees.skipParentheses(receiver.get());
    }
    // Model.objects
    if (current instanceof QualifiedExpression qualified) {
      return classType(qualified.qualifier().typeV2());
    }
    return null;
  }

  /** The class type behind a class, an instance or a {@code Self} type ({@link DjangoModelClasses#classType}). */
  public static ClassType classType(PythonType type) {
    return DjangoModelClasses.classType(type);
  }

  /**
   * The Django field class (by FQN, e.g. {@code django.db.models.IntegerField}) that declares {@code field} on the
   * model or one of its model ancestors, when those classes are defined in the file being analysed. Empty when the
   * field is not found there (other modules are not read by this method).
   */
  public static Optional<String> fieldClassInFile(ClassType model, String field, FileInput file) {
    Deque<ClassType> toVisit = new ArrayDeque<>();
    Set<ClassType> visited = new HashSet<>();
    toVisit.add(model);
    while (!toVisit.isEmpty() && visited.size() < 20) {
      ClassType current = toVisit.poll();
      if (!visited.add(current)) {
        continue;
      }
      Optional<String> declared = classDefInFile(current, file).flatMap(classDef -> declaredField(classDef, field));
      if (declared.isPresent()) {
        return declared;
      }
      current.superClasses().stream().map(w -> w.type()).filter(ClassType.class::isInstance).map(ClassType.class::cast).forEach(toVisit::add);
    }
    return Optional.empty();
  }

  private static Optional<ClassDef> classDefInFile(ClassType type, FileInput file) {
    Optional<org.sonar.plugins.python.api.LocationInFile> location = type.definitionLocation();
    if (location.isEmpty() || file.statements() == null) {
      return Optional.empty();
    }
    int line = location.get().startLine();
    for (ClassDef classDef : Trees.descendantsInSameScope(file, Tree.Kind.CLASSDEF, ClassDef.class)) {
      if (classDef.name().name().equals(type.name()) && classDef.name().firstToken().line() == line) {
        return Optional.of(classDef);
      }
    }
    return Optional.empty();
  }

  private static Optional<String> declaredField(ClassDef classDef, String field) {
    for (Statement statement : classDef.body().statements()) {
      if (statement instanceof AssignmentStatement assignment && assignment.lhsExpressions().size() == 1
        && assignment.lhsExpressions().get(0).expressions().size() == 1
        && assignment.lhsExpressions().get(0).expressions().get(0) instanceof Name name && name.name().equals(field)
        && Trees.skipParentheses(assignment.assignedValue()) instanceof CallExpression call) {
        return Fqns.ofCallee(call);
      }
    }
    return Optional.empty();
  }

  private static boolean isInstanceFetch(CallExpression call, SubscriptionContext ctx) {
    if (managerMethod(call).filter(INSTANCE_METHODS::contains).isPresent()) {
      return true;
    }
    // models declaring their managers lose the manager's type: follow the queryset chain instead
    if (Fqns.calleeName(call).filter(INSTANCE_METHODS::contains).isPresent() && DjangoQuerySets.queryCall(call, ctx).isPresent()) {
      return true;
    }
    if (Fqns.isCallTo(call, "django.shortcuts.get_object_or_404")) {
      return Arguments.value(call, 0, "klass").map(k -> isModelClass(k) || isQuerySetCall(k)).orElse(false);
    }
    return false;
  }

  private static Optional<InstanceOrigin> parameterOrigin(SymbolV2 symbol) {
    for (UsageV2 usage : symbol.usages()) {
      if (usage.kind() != UsageV2.Kind.PARAMETER) {
        continue;
      }
      Tree parameterTree = Trees.firstAncestor(usage.tree(), Tree.Kind.PARAMETER);
      if (!(parameterTree instanceof Parameter parameter)) {
        return Optional.empty();
      }
      if (parameter.typeAnnotation() != null && isModelClass(parameter.typeAnnotation().expression())) {
        return Optional.of(new InstanceOrigin(parameter, false, classType(parameter.typeAnnotation().expression().typeV2())));
      }
      FunctionDef function = Trees.nearestFunctionDef(parameter);
      if (function != null && isSelfOfModelMethod(parameter, function)) {
        ClassDef owner = Trees.methodOwner(function);
        return Optional.of(new InstanceOrigin(parameter, false, classType(owner.name().typeV2())));
      }
      return Optional.empty();
    }
    return Optional.empty();
  }

  private static boolean isSelfOfModelMethod(Parameter parameter, FunctionDef function) {
    ClassDef owner = Trees.methodOwner(function);
    if (owner == null || function.parameters() == null || function.parameters().all().isEmpty()
      || function.parameters().all().get(0) != parameter) {
      return false;
    }
    boolean staticOrClassMethod = function.decorators().stream()
      .anyMatch(d -> d.expression() instanceof Name n && ("staticmethod".equals(n.name()) || "classmethod".equals(n.name())));
    return !staticOrClassMethod && isModelClassDef(owner);
  }

  private static Optional<InstanceOrigin> loopOrigin(SymbolV2 symbol, SubscriptionContext ctx) {
    Optional<UsageV2> binding = symbol.getSingleBindingUsage();
    if (binding.isEmpty() || binding.get().kind() != UsageV2.Kind.LOOP_DECLARATION) {
      return Optional.empty();
    }
    Tree loop = Trees.firstAncestor(binding.get().tree(), Tree.Kind.FOR_STMT);
    if (!(loop instanceof ForStatement forStatement) || forStatement.testExpressions().size() != 1
      || forStatement.expressions().size() != 1 || forStatement.expressions().get(0) != binding.get().tree()) {
      return Optional.empty();
    }
    Expression iterable = Trees.skipParentheses(forStatement.testExpressions().get(0));
    if (isQuerySetCall(iterable)) {
      return Optional.of(new InstanceOrigin(iterable, chainLocksRows((CallExpression) iterable), modelOfChain((CallExpression) iterable)));
    }
    return DjangoQuerySets.of(iterable, ctx).filter(qs -> !qs.valuesLike())
      .map(qs -> new InstanceOrigin(iterable, qs.locked(), qs.model()));
  }
}
