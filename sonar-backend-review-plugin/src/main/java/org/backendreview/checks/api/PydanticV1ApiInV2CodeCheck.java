/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.api;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.backendreview.checks.BackendReviewCheck;
import org.backendreview.semantics.fastapi.Pydantic;
import org.backendreview.semantics.fastapi.PydanticApi;
import org.backendreview.semantics.project.AnalysisContext;
import org.backendreview.semantics.project.ClassHierarchy;
import org.backendreview.tree.Api;
import org.backendreview.tree.Fqns;
import org.backendreview.tree.TextEdits;
import org.backendreview.tree.Trees;
import org.backendreview.tree.Types;
import org.sonar.check.Rule;
import org.sonar.plugins.python.api.SubscriptionContext;
import org.sonar.plugins.python.api.quickfix.PythonQuickFix;
import org.sonar.plugins.python.api.PythonCheck.PreciseIssue;
import org.sonar.plugins.python.api.tree.AliasedName;
import org.sonar.plugins.python.api.tree.Argument;
import org.sonar.plugins.python.api.tree.AssignmentStatement;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.ClassDef;
import org.sonar.plugins.python.api.tree.Decorator;
import org.sonar.plugins.python.api.tree.Expression;
import org.sonar.plugins.python.api.tree.FunctionDef;
import org.sonar.plugins.python.api.tree.ImportFrom;
import org.sonar.plugins.python.api.tree.ImportName;
import org.sonar.plugins.python.api.tree.Name;
import org.sonar.plugins.python.api.tree.QualifiedExpression;
import org.sonar.plugins.python.api.tree.RegularArgument;
import org.sonar.plugins.python.api.tree.Statement;
import org.sonar.plugins.python.api.tree.Tree;

/**
 * Deprecated Pydantic v1 APIs in a module that already uses Pydantic v2 (it imports a v2-only name such as
 * {@code ConfigDict}, {@code field_validator}, {@code model_validator}, {@code TypeAdapter} or the
 * {@code pydantic_settings} package, or declares {@code model_config}): {@code class Config}, {@code @validator},
 * {@code @root_validator}, {@code .dict()}/{@code .json()}/{@code .parse_obj()}/{@code .from_orm()}... on models, and
 * {@code Field(regex=/min_items=/max_items=/const=)}. Modules importing {@code pydantic.v1} on purpose are skipped.
 */
@Rule(key = "PydanticV1ApiInV2Code")
public class PydanticV1ApiInV2CodeCheck extends BackendReviewCheck {

  private static final Set<String> V2_ONLY_NAMES = Set.of("ConfigDict", "field_validator", "model_validator", "computed_field", "TypeAdapter",
    "field_serializer", "model_serializer", "StringConstraints", "ValidationInfo", "BeforeValidator", "AfterValidator", "PlainValidator",
    "WrapValidator", "RootModel", "with_config", "validate_call");
  private static final Map<String, String> METHODS = Map.ofEntries(
    Map.entry("dict", "model_dump()"), Map.entry("json", "model_dump_json()"), Map.entry("parse_obj", "model_validate()"),
    Map.entry("parse_raw", "model_validate_json()"), Map.entry("parse_file", "model_validate_json()"),
    Map.entry("from_orm", "model_validate(..., from_attributes=True)"), Map.entry("copy", "model_copy()"),
    Map.entry("schema", "model_json_schema()"), Map.entry("schema_json", "model_json_schema()"), Map.entry("construct", "model_construct()"),
    Map.entry("update_forward_refs", "model_rebuild()"));
  /**
   * The v2 method that takes the same arguments, for the quick fix: the v1 method's keyword arguments that keep their
   * meaning in v2 (anything else, e.g. {@code json(encoder=...)} or {@code copy(include=...)}, gets no quick fix).
   */
  private static final Map<String, Set<String>> SAME_ARGUMENTS = Map.of(
    "dict", Set.of("include", "exclude", "by_alias", "exclude_unset", "exclude_defaults", "exclude_none"),
    "json", Set.of("include", "exclude", "by_alias", "exclude_unset", "exclude_defaults", "exclude_none"),
    "parse_obj", Set.of(), "parse_raw", Set.of(), "from_orm", Set.of(), "copy", Set.of("update", "deep"), "schema", Set.of("by_alias"),
    "construct", Set.of(), "update_forward_refs", Set.of());
  private static final Set<String> ONE_POSITIONAL = Set.of("parse_obj", "parse_raw", "from_orm");
  private static final Map<String, String> DECORATORS = replacements(PydanticApi.VALIDATOR, "@field_validator", PydanticApi.ROOT_VALIDATOR,
    "@model_validator");
  private static final Map<String, String> FIELD_KEYWORDS = Map.of("regex", "pattern", "min_items", "min_length", "max_items", "max_length",
    "const", "a Literal type", "allow_mutation", "frozen");

  private static Map<String, String> replacements(Api v1, String v1Replacement, Api root, String rootReplacement) {
    Map<String, String> result = new HashMap<>();
    v1.fqns().forEach(fqn -> result.put(fqn, v1Replacement));
    root.fqns().forEach(fqn -> result.put(fqn, rootReplacement));
    return Map.copyOf(result);
  }

  @Override
  protected void register(Context context) {
    context.registerSyntaxNodeConsumer(Tree.Kind.FILE_INPUT, PydanticV1ApiInV2CodeCheck::checkFile);
  }

  private static void checkFile(SubscriptionContext ctx) {
    AnalysisContext file = AnalysisContext.of(ctx);
    boolean v2 = false;
    boolean v1Compat = false;
    for (Statement statement : file.imports()) {
      if (statement instanceof ImportFrom importFrom && importFrom.module() != null) {
        String module = dotted(importFrom.module().names());
        if (module.equals(PydanticApi.V1_MODULE) || module.startsWith(PydanticApi.V1_MODULE + ".")) {
          v1Compat = true;
        } else if (module.startsWith("pydantic_settings")) {
          v2 = true;
        } else if (module.startsWith(PydanticApi.MODULE)) {
          for (AliasedName imported : importFrom.importedNames()) {
            String name = dotted(imported.dottedName().names());
            v2 |= V2_ONLY_NAMES.contains(name);
            v1Compat |= "v1".equals(name);
          }
        }
      } else if (statement instanceof ImportName importName) {
        for (AliasedName imported : importName.modules()) {
          String module = dotted(imported.dottedName().names());
          v1Compat |= module.startsWith(PydanticApi.V1_MODULE);
          v2 |= module.startsWith("pydantic_settings");
        }
      }
    }
    for (ClassDef classDef : file.classes()) {
      v2 |= declaresModelConfig(classDef) && Pydantic.isModelClassDef(classDef);
    }
    if (!v2 || v1Compat) {
      return;
    }
    file.classes().forEach(classDef -> checkClass(ctx, classDef));
    file.calls().forEach(call -> checkCall(ctx, call));
  }

  private static String dotted(java.util.List<Name> names) {
    return String.join(".", names.stream().map(Name::name).toList());
  }

  private static boolean declaresModelConfig(ClassDef classDef) {
    for (Statement statement : classDef.body().statements()) {
      if (statement instanceof AssignmentStatement assignment && assignment.lhsExpressions().size() == 1
        && assignment.lhsExpressions().get(0).expressions().get(0) instanceof Name target && "model_config".equals(target.name())) {
        return true;
      }
    }
    return false;
  }

  private static void checkClass(SubscriptionContext ctx, ClassDef classDef) {
    if (!Pydantic.isModelClassDef(classDef)) {
      return;
    }
    for (Statement statement : classDef.body().statements()) {
      if (statement instanceof ClassDef inner && "Config".equals(inner.name().name())) {
        ctx.addIssue(inner.name(), "Replace the Pydantic v1 \"class Config\" with \"model_config = ConfigDict(...)\".");
      } else if (statement instanceof FunctionDef method) {
        for (Decorator decorator : method.decorators()) {
          Expression expression = decorator.expression();
          Optional<String> fqn = expression instanceof CallExpression call ? Fqns.ofCallee(call) : Fqns.of(expression);
          if (fqn.isPresent() && DECORATORS.containsKey(fqn.get())) {
            ctx.addIssue(decorator, "Replace the Pydantic v1 \"@" + fqn.get().substring(fqn.get().lastIndexOf('.') + 1)
              + "\" with \"" + DECORATORS.get(fqn.get()) + "\".");
          }
        }
      }
    }
  }

  private static void checkCall(SubscriptionContext ctx, CallExpression call) {
    if (Pydantic.isFieldCall(call)) {
      for (Argument argument : call.arguments()) {
        if (argument instanceof RegularArgument regular && regular.keywordArgument() != null
          && FIELD_KEYWORDS.containsKey(regular.keywordArgument().name())) {
          String keyword = regular.keywordArgument().name();
          ctx.addIssue(regular.keywordArgument(), "Replace the Pydantic v1 Field argument \"" + keyword + "\" with \"" + FIELD_KEYWORDS.get(keyword) + "\".");
        }
      }
      return;
    }
    Expression callee = Trees.skipParentheses(call.callee());
    if (callee instanceof QualifiedExpression qualified && METHODS.containsKey(qualified.name().name()) && isModelOrInstance(qualified.qualifier())) {
      String method = qualified.name().name();
      PreciseIssue issue = ctx.addIssue(qualified.name(), "Replace the Pydantic v1 method \"" + method + "()\" with \"" + METHODS.get(method) + "\".");
      if (sameArguments(method, call)) {
        String replacement = METHODS.get(method).substring(0, METHODS.get(method).indexOf('('));
        PythonQuickFix.Builder fix = PythonQuickFix.newQuickFix("Replace with \"" + replacement + "()\"")
          .addTextEdit(TextEdits.replace(qualified.name(), replacement));
        if ("from_orm".equals(method)) {
          fix.addTextEdit(TextEdits.appendArgument(call, "from_attributes=True"));
        }
        issue.addQuickFix(fix.build());
      }
    }
  }

  /** The call passes only arguments that the v2 method takes with the same meaning ({@link #SAME_ARGUMENTS}). */
  private static boolean sameArguments(String method, CallExpression call) {
    Set<String> keywords = SAME_ARGUMENTS.get(method);
    if (keywords == null) {
      return false;
    }
    int positional = 0;
    for (Argument argument : call.arguments()) {
      if (!(argument instanceof RegularArgument regular)) {
        return false;
      }
      if (regular.keywordArgument() == null) {
        positional++;
      } else if (!keywords.contains(regular.keywordArgument().name())) {
        return false;
      }
    }
    return positional == (ONE_POSITIONAL.contains(method) ? 1 : 0);
  }

  private static boolean isModelOrInstance(Expression receiver) {
    return ClassHierarchy.typeIsOrExtends(Types.classOrSelf(receiver.typeV2()), Pydantic.BASE_MODEL);
  }
}
