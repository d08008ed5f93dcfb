/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.semantics.project;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.annotation.Nullable;
import org.backendreview.semantics.security.RequestSources;
import org.backendreview.tree.Trees;
import org.backendreview.tree.ValueResolver;
import org.sonar.plugins.python.api.SubscriptionContext;
import org.sonar.plugins.python.api.tree.AssignmentStatement;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.ClassDef;
import org.sonar.plugins.python.api.tree.FileInput;
import org.sonar.plugins.python.api.tree.FunctionDef;
import org.sonar.plugins.python.api.tree.ImportFrom;
import org.sonar.plugins.python.api.tree.ImportName;
import org.sonar.plugins.python.api.tree.QualifiedExpression;
import org.sonar.plugins.python.api.tree.Statement;
import org.sonar.plugins.python.api.tree.Tree;

/**
 * What every check may ask about the file being analysed, computed once per file and shared by all checks: the module
 * summary, the value resolver, library evidence (which frameworks the module imports), one index of the file's calls,
 * assignments, attribute reads, functions, classes and imports (one walk, in document order), the code roles of the
 * file, and any other per-file fact a rule family needs
 * ({@link #fact}: the taint engine, hook and timeout facts...). Everything is lazy: a fact nobody asks for costs
 * nothing.
 * <p>
 * Get it with {@link #of(SubscriptionContext)} from any node of the file. The lifetime and keying rules (per file tree
 * identity, per thread) are those of {@link AnalysisCache}. A context is used by one thread at a time and is not
 * thread-safe.
 */
public final class AnalysisContext {

  /** The key of a per-file fact: one instance per fact, compared by identity. */
  public static final class Key<T> {
    private final String name;

    private Key(String name) {
      this.name = name;
    }

    public static <T> Key<T> of(String name) {
      return new Key<>(name);
    }

    @Override
    public String toString() {
      return name;
    }
  }

  private final FileInput file;
  private String fileKey;
  private ModuleSummary summary;
  private ValueResolver values;
  private Boolean webModule;
  private Boolean fastApiModule;
  private List<CallExpression> calls;
  private List<AssignmentStatement> assignments;
  private List<QualifiedExpression> qualifiedExpressions;
  private List<FunctionDef> functions;
  private List<ClassDef> classes;
  private List<Statement> imports;
  private final Map<Key<?>, Object> facts = new HashMap<>();

  private AnalysisContext(FileInput file, String fileKey) {
    this.file = file;
    this.fileKey = fileKey;
  }

  /** The context of the file the context's current node belongs to. */
  public static AnalysisContext of(SubscriptionContext ctx) {
    FileInput root = fileOf(ctx.syntaxNode());
    // the key is read once per file: SonarQube's input file builds the string at every call
    AnalysisContext context = AnalysisCache.perFile(root, f -> new AnalysisContext(f, keyOf(ctx)));
    if (context.fileKey == null) {
      context.fileKey = keyOf(ctx);
    }
    return context;
  }

  @Nullable
  private static String keyOf(SubscriptionContext ctx) {
    return ctx.pythonFile() != null ? ctx.pythonFile().key() : null;
  }

  /** The context of this file tree (when no {@link SubscriptionContext} is at hand). */
  public static AnalysisContext of(FileInput file) {
    return AnalysisCache.perFile(file, f -> new AnalysisContext(f, null));
  }

  /** The root of the tree holding this node. */
  public static FileInput fileOf(Tree node) {
    Tree current = node;
    while (current.parent() != null) {
      current = current.parent();
    }
    if (current instanceof FileInput fileInput) {
      return fileInput;
    }
    throw new IllegalArgumentException("Not in a file: " + node.getKind());
  }

  public FileInput file() {
    return file;
  }

  /** The summary of this module (plain data, as {@link ModuleSources} gives for other modules). */
  public ModuleSummary summary() {
    if (summary == null) {
      summary = ModuleSummary.of(file, fileKey);
    }
    return summary;
  }

  /**
   * The file's value resolver: what value an expression holds (origins, single bindings, reaching definitions), with
   * its per-file caches; shared by the taint engine and every check.
   */
  public ValueResolver values() {
    if (values == null) {
      values = new ValueResolver();
    }
    return values;
  }

  /** Library evidence: the module imports a web framework (Django, DRF, FastAPI, Starlette, Flask). */
  public boolean importsWebFramework() {
    if (webModule == null) {
      webModule = RequestSources.importsWebFramework(file);
    }
    return webModule;
  }

  /** Library evidence: the module imports FastAPI. */
  public boolean importsFastApi() {
    if (fastApiModule == null) {
      fastApiModule = RequestSources.importsFastApi(file);
    }
    return fastApiModule;
  }

  /** Every call of the file, in document order (one shared walk). */
  public List<CallExpression> calls() {
    index();
    return calls;
  }

  /** Every assignment statement of the file, in document order (one shared walk). */
  public List<AssignmentStatement> assignments() {
    index();
    return assignments;
  }

  /** Every qualified expression ({@code a.b}) of the file, in document order (one shared walk). */
  public List<QualifiedExpression> qualifiedExpressions() {
    index();
    return qualifiedExpressions;
  }

  /** Every function definition of the file (methods and nested functions included), in document order (one shared walk). */
  public List<FunctionDef> functions() {
    index();
    return functions;
  }

  /** Every class definition of the file (nested classes included), in document order (one shared walk). */
  public List<ClassDef> classes() {
    index();
    return classes;
  }

  /** Every import statement of the file ({@code import m}, {@code from m import n}, at any depth), in document order (one shared walk). */
  public List<Statement> imports() {
    index();
    return imports;
  }

  private void index() {
    if (calls != null) {
      return;
    }
    List<CallExpression> allCalls = new ArrayList<>();
    List<AssignmentStatement> allAssignments = new ArrayList<>();
    List<QualifiedExpression> allQualified = new ArrayList<>();
    List<FunctionDef> allFunctions = new ArrayList<>();
    List<ClassDef> allClasses = new ArrayList<>();
    List<Statement> allImports = new ArrayList<>();
    Trees.walk(file, t -> true, t -> {
      if (t instanceof CallExpression call) {
        allCalls.add(call);
      } else if (t instanceof AssignmentStatement assignment) {
        allAssignments.add(assignment);
      } else if (t instanceof QualifiedExpression qualified) {
        allQualified.add(qualified);
      } else if (t instanceof FunctionDef function) {
        allFunctions.add(function);
      } else if (t instanceof ClassDef classDef) {
        allClasses.add(classDef);
      } else if (t instanceof ImportFrom || t instanceof ImportName) {
        allImports.add((Statement) t);
      }
    });
    calls = Collections.unmodifiableList(allCalls);
    assignments = Collections.unmodifiableList(allAssignments);
    qualifiedExpressions = Collections.unmodifiableList(allQualified);
    functions = Collections.unmodifiableList(allFunctions);
    classes = Collections.unmodifiableList(allClasses);
    imports = Collections.unmodifiableList(allImports);
  }

  /**
   * The per-file fact under this key, computed on first use. The computation may ask the context for other facts
   * (not for the same one).
   */
  @SuppressWarnings("unchecked")
  public <T> T fact(Key<T> key, Function<AnalysisContext, T> compute) {
    Object value = facts.get(key);
    if (value == null && !facts.containsKey(key)) {
      value = compute.apply(this);
      facts.put(key, value);
    }
    return (T) value;
  }
}
