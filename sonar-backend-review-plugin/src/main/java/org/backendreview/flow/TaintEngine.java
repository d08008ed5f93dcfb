/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.flow;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.backendreview.semantics.flask.FlaskApi;
import org.backendreview.semantics.project.AnalysisContext;
import org.backendreview.semantics.project.ModuleSummary;
import org.backendreview.semantics.project.ProjectCallees;
import org.backendreview.semantics.security.InjectionSanitizers;
import org.backendreview.semantics.security.InjectionSinks.Kind;
import org.backendreview.semantics.security.RequestSources;
import org.backendreview.semantics.security.RequestSources.FunctionSources;
import org.backendreview.semantics.security.RequestSources.Source;
import org.backendreview.tree.Arguments;
import org.backendreview.tree.Fqns;
import org.backendreview.tree.Trees;
import org.backendreview.tree.ValueResolver;
import org.sonar.plugins.python.api.SubscriptionContext;
import org.sonar.plugins.python.api.symbols.v2.SymbolV2;
import org.sonar.plugins.python.api.symbols.v2.UsageV2;
import org.sonar.plugins.python.api.tree.AnnotatedAssignment;
import org.sonar.plugins.python.api.tree.Argument;
import org.sonar.plugins.python.api.tree.AssignmentExpression;
import org.sonar.plugins.python.api.tree.AssignmentStatement;
import org.sonar.plugins.python.api.tree.AwaitExpression;
import org.sonar.plugins.python.api.tree.BinaryExpression;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.CompoundAssignmentStatement;
import org.sonar.plugins.python.api.tree.ComprehensionExpression;
import org.sonar.plugins.python.api.tree.ComprehensionFor;
import org.sonar.plugins.python.api.tree.ConditionalExpression;
import org.sonar.plugins.python.api.tree.DictCompExpression;
import org.sonar.plugins.python.api.tree.DictionaryLiteral;
import org.sonar.plugins.python.api.tree.DictionaryLiteralElement;
import org.sonar.plugins.python.api.tree.Expression;
import org.sonar.plugins.python.api.tree.ExpressionList;
import org.sonar.plugins.python.api.tree.FileInput;
import org.sonar.plugins.python.api.tree.ForStatement;
import org.sonar.plugins.python.api.tree.FunctionDef;
import org.sonar.plugins.python.api.tree.KeyValuePair;
import org.sonar.plugins.python.api.tree.ListLiteral;
import org.sonar.plugins.python.api.tree.Name;
import org.sonar.plugins.python.api.tree.Parameter;
import org.sonar.plugins.python.api.tree.QualifiedExpression;
import org.sonar.plugins.python.api.tree.RegularArgument;
import org.sonar.plugins.python.api.tree.ReturnStatement;
import org.sonar.plugins.python.api.tree.SetLiteral;
import org.sonar.plugins.python.api.tree.StatementList;
import org.sonar.plugins.python.api.tree.StringElement;
import org.sonar.plugins.python.api.tree.StringLiteral;
import org.sonar.plugins.python.api.tree.SubscriptionExpression;
import org.sonar.plugins.python.api.tree.Token;
import org.sonar.plugins.python.api.tree.Tree;
import org.sonar.plugins.python.api.tree.Tuple;
import org.sonar.plugins.python.api.tree.UnpackingExpression;
import org.sonar.plugins.python.api.tree.WithItem;

/**
 * Demand-driven taint analysis of one Python module: does request data reach this expression, and along which path?
 * <p>
 * The engine is lazy: nothing is computed until a check asks about the argument of a sink. It then evaluates the
 * expression backwards:
 * <ul>
 *   <li>sources come from {@link RequestSources} (request reads, URL/FastAPI parameters);</li>
 *   <li>values propagate through names (the reaching assignments by {@code ctx.valuesAtLocation}, or an approximation
 *   from the symbol's bindings where the frontend gives none: tuple unpacking, augmented assignment, loops,
 *   {@code with}, functions with {@code try}), string building (f-strings, {@code %}, {@code +}, {@code .format},
 *   {@code join}), containers and comprehensions, slicing and subscripts of tainted containers, common {@code str}
 *   and decoding functions, {@code dict.get}, in-place container updates ({@code d[k] = v}, {@code l.append(v)});</li>
 *   <li>a conversion or escaping call ({@link InjectionSanitizers}), a value whose inferred type is a number, UUID,
 *   date or enum, a lookup in a constant mapping, and a validation guarding the use ({@link Guards}) stop it;</li>
 *   <li>calls to functions of the same module use summaries: what a function returns in terms of its parameters (one
 *   summary per function and sink kind), and for a sink that depends on a parameter, the call sites of the function
 *   in the module (up to {@value #MAX_CALL_DEPTH} levels up).</li>
 * </ul>
 * Results are cached per expression and kind for the whole file; work is bounded per question and per file, and an
 * exhausted budget yields "no flow" (precision first). The per-file budget is kept per sink kind, so the rules sharing the
 * engine do not starve each other.
 * <p>
 * One engine serves one file and all the taint rules: {@link #of(SubscriptionContext)} gives the one of the file's
 * {@link AnalysisContext}, so the file is analysed once for taint and each rule reads the findings of its own sinks.
 */
public final class TaintEngine {

  static final int MAX_CALL_DEPTH = 3;
  static final int MAX_STEPS_PER_QUESTION = 20_000;
  static final int MAX_STEPS_PER_FILE = 400_000;
  private static final int MAX_RECURSION = 150;

  private static final Set<String> PROPAGATING_METHODS = Set.of("lower", "upper", "strip", "lstrip", "rstrip", "title", "capitalize",
    "casefold", "swapcase", "replace", "format", "format_map", "join", "split", "rsplit", "splitlines", "partition", "rpartition", "encode",
    "decode", "expandtabs", "center", "ljust", "rjust", "zfill", "removeprefix", "removesuffix", "get", "getlist", "pop", "copy", "items",
    "values", "keys", "read", "readline", "readlines", "getvalue", "dict", "model_dump", "model_dump_json", "json", "to_dict", "lists",
    "__str__", "strftime", "chunks", "translate", "urlencode", "as_posix", "joinpath", "with_name", "with_suffix", "geturl", "normalize");
  /** Methods whose other arguments flow into the result too ({@code sep.join(parts)}, {@code fmt.format(x)}). */
  private static final Set<String> ARGUMENT_METHODS = Set.of("format", "format_map", "join", "replace", "joinpath", "with_name", "get", "pop",
    "setdefault");
  private static final Set<String> PROPAGATING_FUNCTIONS = Set.of("str", "repr", "format", "bytes", "bytearray", "list", "tuple", "set",
    "frozenset", "sorted", "reversed", "dict", "iter", "next", "typing.cast", "copy.copy", "copy.deepcopy",
    "os.path.join", "os.path.normpath", "os.path.basename", "posixpath.basename", "posixpath.join", "posixpath.normpath",
    "posixpath.abspath", "posixpath.realpath", "posixpath.dirname", "os.path.abspath", "os.path.realpath", "os.path.expanduser", "os.path.dirname", "os.fspath",
    "ntpath.join", "pathlib.Path", "pathlib.PurePath", "pathlib.PosixPath", "pathlib.PurePosixPath",
    "urllib.parse.unquote", "urllib.parse.unquote_plus", "urllib.parse.urljoin", "urllib.parse.urlparse", "urllib.parse.urlsplit",
    "urllib.parse.urlunparse", "urllib.parse.urlunsplit", "urllib.parse.quote", "urllib.parse.parse_qs", "urllib.parse.parse_qsl",
    "base64.b64decode", "base64.urlsafe_b64decode", "base64.b32decode", "base64.decodebytes", "binascii.unhexlify", "binascii.a2b_base64",
    "codecs.decode", "json.loads", "json.load", "simplejson.loads", "ujson.loads", "orjson.loads", "yaml.safe_load", "html.unescape",
    "textwrap.dedent", "re.sub", "shlex.split", "django.utils.encoding.force_str", "django.utils.encoding.smart_str",
    "django.utils.encoding.force_bytes", "django.utils.encoding.iri_to_uri", "django.utils.encoding.uri_to_iri",
    "django.utils.http.urlsafe_base64_decode", "base64.b64encode", "base64.urlsafe_b64encode", "base64.b32encode", "base64.encodebytes",
    "base64.standard_b64encode", "base64.standard_b64decode", "binascii.hexlify", "binascii.b2a_base64", "codecs.encode",
    "django.utils.http.urlsafe_base64_encode", "io.BytesIO", "io.StringIO", "markdown.markdown", "zlib.decompress", "gzip.decompress");

  /** Escaping for HTML leaves a URL's scheme and host as they were: not a sanitizer for redirects and outgoing requests. */
  private static final Set<String> HTML_ESCAPES = Set.of("html.escape", "markupsafe.escape", "markupsafe.Markup", "flask.escape",
    "jinja2.escape", "cgi.escape", "xml.sax.saxutils.escape", "django.utils.html.escape", "django.utils.html.conditional_escape");

  private static final AnalysisContext.Key<TaintEngine> KEY = AnalysisContext.Key.of("taint engine");
  private static final java.util.concurrent.atomic.AtomicLong BUILT = new java.util.concurrent.atomic.AtomicLong();

  private final FileInput file;
  private final boolean webModule;
  private final ModuleFunctions functions;
  private final Map<Kind, Map<Tree, Taint>> values = new EnumMap<>(Kind.class);
  private final Map<Kind, Map<Tree, Taint>> keyValues = new EnumMap<>(Kind.class);
  private final Map<Kind, Map<FunctionDef, Taint>> returnSummaries = new EnumMap<>(Kind.class);
  private final Map<Kind, Map<Name, Optional<Trace>>> parameterSources = new EnumMap<>(Kind.class);
  private final Map<FunctionDef, FunctionSources> functionSources = new IdentityHashMap<>();
  private final Map<FunctionDef, Guards> guards = new IdentityHashMap<>();
  private final ValueResolver resolver;
  private final Map<Tree, Boolean> requestObjects = new IdentityHashMap<>();
  /** The expressions and functions being evaluated, with their height on the evaluation stack (cycle detection). */
  private final Map<Tree, Integer> inProgress = new IdentityHashMap<>();
  /** The same for the keys of mappings. */
  private final Map<Tree, Integer> keysInProgress = new IdentityHashMap<>();
  /** The parameters whose call sites are being followed. */
  private final Set<Tree> parametersInProgress = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
  /**
   * Results computed inside a cycle ({@link #leave}), by the cache they would go to: each stands, with the stack height
   * of the shallowest node its evaluation re-entered, while that node is evaluated.
   */
  private final Map<Map<?, Taint>, Map<Tree, Provisional>> provisionalResults = new IdentityHashMap<>();
  /** The provisional results, by the stack height of the node whose end drops them. */
  private final List<List<Kept>> provisionalByHeight = new ArrayList<>();
  private int provisionalCount;

  /** A result computed inside a cycle and the stack height of the node it depends on. */
  private static final class Provisional {
    private final Taint taint;
    private int height;

    private Provisional(Taint taint, int height) {
      this.taint = taint;
      this.height = height;
    }
  }

  private record Kept(Map<Tree, Taint> cache, Map<Tree, Provisional> results, Tree node, Provisional result) {
  }

  private SubscriptionContext ctx;
  private int questionSteps;
  private final int[] fileStepsByKind = new int[Kind.values().length + 1];
  private int budget;
  private int fileSteps;
  private int recursion;
  /** How many evaluations ({@link #memoized} and {@link #returnSummary}) are in progress. */
  private int stackHeight;
  /**
   * The shallowest stack height at which the current evaluation re-entered a node still in progress (a cycle), or
   * {@value #NO_REENTRY}; {@value #EXHAUSTED} when the budget ran out.
   */
  private int shallowestReentry = NO_REENTRY;
  private static final int NO_REENTRY = Integer.MAX_VALUE;
  private static final int EXHAUSTED = -1;

  public TaintEngine(FileInput file) {
    this(file, RequestSources.importsWebFramework(file), new ValueResolver());
  }

  private TaintEngine(FileInput file, boolean webModule, ValueResolver resolver) {
    BUILT.incrementAndGet();
    this.file = file;
    this.webModule = webModule;
    this.resolver = resolver;
    this.functions = new ModuleFunctions(file);
  }

  /** The taint engine of the file the context's node belongs to, shared by every rule (built on first use). */
  public static TaintEngine of(SubscriptionContext ctx) {
    return AnalysisContext.of(ctx).fact(KEY, c -> new TaintEngine(c.file(), c.importsWebFramework(), c.values()));
  }

  /** How many engines were built since the JVM started (tests: one per file). */
  public static long built() {
    return BUILT.get();
  }

  /** How many expressions and mapping keys this engine evaluated, over all budgets (tests: the cost of the questions). */
  int evaluations() {
    fileStepsByKind[budget] = fileSteps;
    int total = 0;
    for (int steps : fileStepsByKind) {
      total += steps;
    }
    return total;
  }

  /** True when the module imports a web framework. */
  public boolean isWebModule() {
    return webModule;
  }

  /**
   * A path from request data to this expression (the argument of a sink of this kind), through the functions of the
   * module if needed; empty when none is proven.
   */
  public Optional<TaintFlow> flowTo(Expression expression, Kind kind, SubscriptionContext context) {
    if (DeadBranches.isDead(expression)) {
      return Optional.empty();
    }
    Taint taint = taint(expression, kind, context);
    return resolve(taint, kind);
  }

  /** Like {@link #flowTo}, for the keys of a mapping ({@code filter(**filters)}): values put under constant keys do not count. */
  public Optional<TaintFlow> keysFlowTo(Expression expression, Kind kind, SubscriptionContext context) {
    start(context, kind);
    return resolve(keys(expression, kind), kind);
  }

  /** The taint of an expression within its function: request data and the parameters it depends on. */
  public Taint taint(Expression expression, Kind kind, SubscriptionContext context) {
    start(context, kind);
    return eval(expression, kind);
  }

  /** True when the expression is an HTTP request object (not request data itself). */
  public boolean isRequestObject(Expression expression, SubscriptionContext context) {
    this.ctx = context;
    useBudget(0);
    return isRequest(expression, 0);
  }

  private void start(SubscriptionContext context, Kind kind) {
    this.ctx = context;
    this.questionSteps = 0;
    useBudget(kind.ordinal() + 1);
  }

  /** Switches the per-file step counter to the one of this budget (one per sink kind, one for kind-less questions). */
  private void useBudget(int index) {
    fileStepsByKind[budget] = fileSteps;
    budget = index;
    fileSteps = fileStepsByKind[index];
  }

  private Optional<TaintFlow> resolve(Taint taint, Kind kind) {
    if (taint.hasSource()) {
      return Optional.of(new TaintFlow(taint.source()));
    }
    for (Map.Entry<Name, Trace> parameter : taint.parameters().entrySet()) {
      Optional<Trace> source = sourceOfParameter(parameter.getKey(), kind, 0);
      if (source.isPresent()) {
        return Optional.of(new TaintFlow(source.get().thenAll(parameter.getValue())));
      }
    }
    return Optional.empty();
  }

  // ------------------------------------------------------------------ evaluation

  private boolean exhausted() {
    return questionSteps > MAX_STEPS_PER_QUESTION || fileSteps > MAX_STEPS_PER_FILE || recursion > MAX_RECURSION;
  }

  Taint eval(Expression expression, Kind kind) {
    return memoized(expression, values.computeIfAbsent(kind, k -> new IdentityHashMap<>()), inProgress, expr -> compute(expr, kind));
  }

  /**
   * Evaluates once per expression. An exhausted budget yields clean, and nothing that depends on it is kept. A cycle
   * (re-entering an expression being evaluated) yields clean there: the first expression of the cycle still gathers
   * everything reachable from it, so its result is cached when its evaluation ends; the results of the others, which
   * lack what came through it, stand only until then, so that each is evaluated once, not once per path to it
   * ({@link #leave}).
   */
  private Taint memoized(Expression expression, Map<Tree, Taint> cache, Map<Tree, Integer> running, java.util.function.Function<Expression, Taint> computation) {
    Expression expr = Trees.skipParentheses(expression);
    Taint cached = cached(cache, expr);
    if (cached != null) {
      return cached;
    }
    if (reentered(expr, running)) {
      return Taint.CLEAN;
    }
    questionSteps++;
    fileSteps++;
    recursion++;
    int outer = shallowestReentry;
    int height = enter(expr, running);
    Taint result = null;
    try {
      result = computation.apply(expr);
    } finally {
      recursion--;
      leave(expr, running, height, outer, cache, result);
    }
    return result;
  }

  /** The cached result, or the provisional one (whose reader then depends on the node that one depends on), or null. */
  @javax.annotation.Nullable
  private <K extends Tree> Taint cached(Map<K, Taint> cache, K node) {
    Taint cached = cache.get(node);
    if (cached != null || provisionalCount == 0) {
      return cached;
    }
    Map<Tree, Provisional> results = provisionalResults.get(cache);
    Provisional provisional = results == null ? null : results.get(node);
    if (provisional == null) {
      return null;
    }
    shallowestReentry = Math.min(shallowestReentry, provisional.height);
    return provisional.taint;
  }

  /** True (and noted) when the budget is exhausted or the node is being evaluated: the caller yields clean. */
  private boolean reentered(Tree node, Map<Tree, Integer> running) {
    if (exhausted()) {
      shallowestReentry = EXHAUSTED;
      return true;
    }
    Integer height = running.get(node);
    if (height != null) {
      shallowestReentry = Math.min(shallowestReentry, height);
      return true;
    }
    return false;
  }

  /** Pushes the node; returns its stack height. The re-entries seen so far are the caller's: it keeps them for {@link #leave}. */
  private int enter(Tree node, Map<Tree, Integer> running) {
    int height = stackHeight++;
    running.put(node, height);
    if (provisionalByHeight.size() <= height) {
      provisionalByHeight.add(new ArrayList<>());
    }
    shallowestReentry = NO_REENTRY;
    return height;
  }

  /**
   * Pops the node and keeps its result (when there is one). When its evaluation re-entered nothing outside itself, the
   * node is the first of its cycle (or in none), and it gathered everything reachable from it: the result is cached.
   * Every node whose provisional result depended on it can reach it and is reached from it, so may carry exactly the
   * same origins: a result that does is cached too, the others are dropped (evaluated again when asked). When the
   * budget ran out, nothing is kept. Otherwise the result is provisional, like those that depended on this node, and
   * they now depend on the shallowest node it re-entered. Then the caller's re-entries ({@code outer}) and this node's
   * ones outside itself are what remains.
   */
  @SuppressWarnings("unchecked")
  private <K extends Tree> void leave(K node, Map<Tree, Integer> running, int height, int outer, Map<K, Taint> cache,
    @javax.annotation.Nullable Taint result) {
    stackHeight--;
    running.remove(node);
    List<Kept> dependents = provisionalByHeight.get(height);
    int reentry = shallowestReentry;
    if (reentry >= height || reentry == EXHAUSTED || result == null) {
      boolean complete = reentry != EXHAUSTED && result != null;
      for (Kept kept : dependents) {
        kept.results().remove(kept.node());
        provisionalCount--;
        if (complete && sameOrigins(kept.result().taint, result)) {
          kept.cache().put(kept.node(), kept.result().taint);
        }
      }
      if (complete) {
        cache.put(node, result);
        reentry = NO_REENTRY;
      }
    } else {
      List<Kept> outerDependents = provisionalByHeight.get(reentry);
      for (Kept kept : dependents) {
        kept.result().height = reentry;
        outerDependents.add(kept);
      }
      Map<Tree, Provisional> results = provisionalResults.computeIfAbsent(cache, c -> new IdentityHashMap<>());
      Provisional provisional = new Provisional(result, reentry);
      results.put(node, provisional);
      provisionalCount++;
      outerDependents.add(new Kept((Map<Tree, Taint>) cache, results, node, provisional));
    }
    dependents.clear();
    shallowestReentry = Math.min(outer, reentry);
  }

  /** True when both carry request data or neither does, and they depend on the same parameters. */
  private static boolean sameOrigins(Taint a, Taint b) {
    return a.hasSource() == b.hasSource() && a.parameters().keySet().equals(b.parameters().keySet());
  }

  private Taint compute(Expression expr, Kind kind) {
    if (!expr.is(Tree.Kind.STRING_LITERAL) && RequestSources.hasSafeValueType(expr)) {
      return Taint.CLEAN;
    }
    if (expr instanceof CallExpression call && InjectionSanitizers.sanitizes(call, kind)) {
      return Taint.CLEAN;
    }
    if (expr.is(Tree.Kind.SUBSCRIPTION, Tree.Kind.CALL_EXPR) && RequestSources.isServerFact(expr, e -> isRequest(e, 0))) {
      return Taint.CLEAN;
    }
    Optional<Source> read = readOf(expr);
    if (read.isPresent()) {
      if (kind == Kind.REDIRECT && RequestSources.isReferer(read.get())) {
        return Taint.CLEAN;
      }
      if ((kind == Kind.REDIRECT || kind == Kind.XSS) && RequestSources.isCsrfProtectedFormRead(expr, Trees.nearestFunctionDef(expr), ctx)) {
        // request.POST.get("next", request.GET.get("next")): the default may still come from the query string
        return expr instanceof CallExpression get ? Arguments.value(get, 1, "default").map(d -> eval(d, kind)).orElse(Taint.CLEAN) : Taint.CLEAN;
      }
      return Taint.of(Trace.ofSource(read.get()));
    }
    if ((kind == Kind.SSRF || kind == Kind.REDIRECT) && isStringBuilding(expr)) {
      return urlTaint(expr, kind);
    }
    if (kind == Kind.CODE && isStringBuilding(expr)) {
      Taint code = codeTaint(expr, kind);
      if (code != null) {
        return code;
      }
    }
    switch (expr.getKind()) {
      case STRING_LITERAL:
        return stringLiteral((StringLiteral) expr, kind);
      case NAME:
        return name((Name) expr, kind);
      case QUALIFIED_EXPR:
        return isRequest(expr, 0) ? Taint.CLEAN : eval(((QualifiedExpression) expr).qualifier(), kind);
      case SUBSCRIPTION:
        SubscriptionExpression subscription = (SubscriptionExpression) expr;
        return ContainerKeys.literalKey(subscription.subscripts().expressions())
          .map(key -> keyedValue(subscription.object(), key, kind))
          .orElseGet(() -> eval(subscription.object(), kind));
      case SLICE_EXPR:
        return eval(((org.sonar.plugins.python.api.tree.SliceExpression) expr).object(), kind);
      case CALL_EXPR:
        return call((CallExpression) expr, kind);
      case PLUS, MODULO, DIVISION, BITWISE_OR, AND, OR:
        BinaryExpression binary = (BinaryExpression) expr;
        return eval(binary.leftOperand(), kind).union(eval(binary.rightOperand(), kind));
      case CONDITIONAL_EXPR:
        ConditionalExpression conditional = (ConditionalExpression) expr;
        Optional<Expression> taken = DeadBranches.takenBranch(conditional);
        if (taken.isPresent()) {
          return eval(taken.get(), kind);
        }
        return eval(conditional.trueExpression(), kind).union(eval(conditional.falseExpression(), kind));
      case LIST_LITERAL:
        return all(((ListLiteral) expr).elements().expressions(), kind);
      case TUPLE:
        return all(((Tuple) expr).elements(), kind);
      case SET_LITERAL:
        return all(((SetLiteral) expr).elements(), kind);
      case DICTIONARY_LITERAL:
        return dictionary((DictionaryLiteral) expr, kind, false);
      case LIST_COMPREHENSION, SET_COMPREHENSION, GENERATOR_EXPR:
        ComprehensionExpression comprehension = (ComprehensionExpression) expr;
        return filtersValid(comprehension, kind) ? Taint.CLEAN : eval(comprehension.resultExpression(), kind);
      case DICT_COMPREHENSION:
        DictCompExpression dict = (DictCompExpression) expr;
        return eval(dict.keyExpression(), kind).union(eval(dict.valueExpression(), kind));
      case UNPACKING_EXPR:
        return eval(((UnpackingExpression) expr).expression(), kind);
      case AWAIT:
        return eval(((AwaitExpression) expr).expression(), kind);
      case ASSIGNMENT_EXPRESSION:
        return eval(((AssignmentExpression) expr).expression(), kind);
      default:
        return Taint.CLEAN;
    }
  }

  /** {@code [u for u in candidates if url_has_allowed_host_and_scheme(u, ...)]}: an allow-list filter keeps only valid elements. */
  private boolean filtersValid(ComprehensionExpression comprehension, Kind kind) {
    if (!(Trees.skipParentheses(comprehension.resultExpression()) instanceof Name element)) {
      return false;
    }
    for (Tree clause = comprehension.comprehensionFor(); clause != null; ) {
      if (clause instanceof org.sonar.plugins.python.api.tree.ComprehensionIf filter
        && Guards.validatesWhenTrue(filter.condition(), element, kind, e -> eval(e, kind).isClean())) {
        return true;
      }
      clause = clause instanceof ComprehensionFor loop ? loop.nestedClause()
        : clause instanceof org.sonar.plugins.python.api.tree.ComprehensionIf filter ? filter.nestedClause() : null;
    }
    return false;
  }

  private static boolean isStringBuilding(Expression expr) {
    return expr.is(Tree.Kind.PLUS, Tree.Kind.MODULO) || org.backendreview.tree.Literals.isFString(expr)
      || expr instanceof CallExpression call && call.callee() instanceof QualifiedExpression method && "format".equals(method.name().name());
  }

  /**
   * For URLs (outgoing requests, redirects): only request data that chooses the scheme or the host counts. The text
   * before each value tells: {@code "https://api.example.com/items/" + x} and {@code "/orders/" + x} fix the target;
   * {@code "https://" + x} and {@code "https://api.example.com" + x} ({@code x = "@evil.com"}) do not. A URL that
   * starts with a value from the program (a setting, {@code reverse()}) has a fixed origin.
   */
  private Taint urlTaint(Expression expr, Kind kind) {
    StringBuilder prefix = new StringBuilder();
    for (StringParts.Part part : StringParts.of(expr)) {
      if (part.isText()) {
        prefix.append(part.text());
        continue;
      }
      if (fixesTarget(prefix)) {
        return Taint.CLEAN;
      }
      Taint value = eval(part.value(), kind);
      if (!value.isClean()) {
        return value;
      }
      if (prefix.isEmpty()) {
        return Taint.CLEAN;
      }
      prefix.append('x');
    }
    return Taint.CLEAN;
  }

  /**
   * For code to evaluate: a value written between quotes ({@code "'" + word + "'"}) after a guard that rejects that
   * quote ({@code if "'" in word: abort(400)}) can only be the content of a string literal.
   */
  private Taint codeTaint(Expression expr, Kind kind) {
    List<StringParts.Part> parts = StringParts.of(expr);
    Taint result = Taint.CLEAN;
    boolean quoted = false;
    for (int i = 0; i < parts.size(); i++) {
      StringParts.Part part = parts.get(i);
      if (part.isText()) {
        continue;
      }
      if (isQuotedLiteral(part.value(), i == 0 ? null : parts.get(i - 1), i + 1 < parts.size() ? parts.get(i + 1) : null)) {
        quoted = true;
      } else {
        result = result.union(eval(part.value(), kind));
      }
    }
    // null: no quoted value, evaluate the expression as usual
    return quoted ? result : null;
  }

  private boolean isQuotedLiteral(Expression value, StringParts.Part before, StringParts.Part after) {
    if (before == null || after == null || !before.isText() || !after.isText() || before.text().isEmpty() || after.text().isEmpty()
      || !(Trees.skipParentheses(value) instanceof Name name)) {
      return false;
    }
    char quote = before.text().charAt(before.text().length() - 1);
    FunctionDef function = Trees.nearestFunctionDef(name);
    return (quote == '\'' || quote == '"') && after.text().charAt(0) == quote && function != null
      && guardsOf(function).rejects(name, String.valueOf(quote));
  }

  /** True when the text fixes the scheme and the host ({@code https://host/}), or makes the URL relative ({@code /path}, {@code ?q=}). */
  static boolean fixesTarget(CharSequence prefix) {
    String text = prefix.toString();
    int scheme = text.indexOf("://");
    if (scheme >= 0) {
      String rest = text.substring(scheme + 3);
      for (int i = 1; i < rest.length(); i++) {
        char c = rest.charAt(i);
        if (c == '/' || c == '?' || c == '#') {
          return rest.charAt(0) != '/' && !rest.substring(0, i).contains("\\");
        }
      }
      return false;
    }
    if (text.startsWith("?") || text.startsWith("#")) {
      return true;
    }
    return text.length() > 1 && text.charAt(0) == '/' && text.charAt(1) != '/' && text.charAt(1) != '\\';
  }

  private Optional<Source> readOf(Expression expr) {
    if (!expr.is(Tree.Kind.QUALIFIED_EXPR, Tree.Kind.SUBSCRIPTION, Tree.Kind.CALL_EXPR, Tree.Kind.AWAIT)) {
      return Optional.empty();
    }
    FunctionDef function = Trees.nearestFunctionDef(expr);
    boolean viewClassMethod = function != null && sourcesOf(function).viewClassMethod();
    return RequestSources.read(expr, e -> isRequest(e, 0), viewClassMethod);
  }

  private Taint all(List<Expression> expressions, Kind kind) {
    Taint result = Taint.CLEAN;
    for (Expression element : expressions) {
      result = result.union(eval(element, kind));
    }
    return result;
  }

  private Taint stringLiteral(StringLiteral literal, Kind kind) {
    Taint result = Taint.CLEAN;
    for (StringElement element : literal.stringElements()) {
      for (var formatted : element.formattedExpressions()) {
        result = result.union(eval(formatted.expression(), kind));
      }
    }
    return result;
  }

  private Taint dictionary(DictionaryLiteral dict, Kind kind, boolean keysOnly) {
    Taint result = Taint.CLEAN;
    for (DictionaryLiteralElement element : dict.elements()) {
      if (element instanceof KeyValuePair pair) {
        result = result.union(eval(pair.key(), kind));
        if (!keysOnly) {
          result = result.union(eval(pair.value(), kind));
        }
      } else if (element instanceof UnpackingExpression unpacking) {
        result = result.union(keysOnly ? keys(unpacking.expression(), kind) : eval(unpacking.expression(), kind));
      }
    }
    return result;
  }

  // ------------------------------------------------------------------ calls

  private Taint call(CallExpression call, Kind kind) {
    if (InjectionSanitizers.sanitizes(call, kind)) {
      return Taint.CLEAN;
    }
    FunctionDef callee = ModuleFunctions.callee(call);
    if (callee != null) {
      return summaryAt(call, callee, kind);
    }
    Taint project = projectCall(call, kind);
    if (!project.isClean()) {
      return project;
    }
    Optional<String> fqn = Fqns.ofCallee(call);
    if (fqn.isPresent() && (PROPAGATING_FUNCTIONS.contains(fqn.get())
      || (kind == Kind.REDIRECT || kind == Kind.SSRF) && HTML_ESCAPES.contains(fqn.get()))) {
      return arguments(call, kind);
    }
    if (RequestSources.isValidatingForm(call.callee())) {
      // a Django form or DRF serializer bound to request data: its cleaned/validated values are still client text
      return arguments(call, kind).then(call, "Bound to a form.");
    }
    Expression callee2 = Trees.skipParentheses(call.callee());
    if (callee2 instanceof QualifiedExpression method && PROPAGATING_METHODS.contains(method.name().name())) {
      String name = method.name().name();
      Taint receiver = eval(method.qualifier(), kind);
      if ("replace".equals(name)) {
        // x.replace(old, new): the text removed does not flow into the result, the replacement does
        return receiver.union(Arguments.value(call, 1, "new").map(d -> eval(d, kind)).orElse(Taint.CLEAN));
      }
      if ("get".equals(name) && ContainerKeys.isConfigParser(method.qualifier())) {
        return configValue(call, (Name) Trees.skipParentheses(method.qualifier()), kind);
      }
      if ("get".equals(name) && call.arguments().size() <= 2) {
        Optional<Taint> keyed = Arguments.value(call, 0, "key").flatMap(k -> ContainerKeys.literalKey(List.of(k)))
          .map(key -> keyedValue(method.qualifier(), key, kind));
        if (keyed.isPresent()) {
          return keyed.get().union(Arguments.value(call, 1, "default").map(d -> eval(d, kind)).orElse(Taint.CLEAN));
        }
      }
      if ("get".equals(name) || "pop".equals(name) || "setdefault".equals(name)) {
        // a lookup in a clean mapping is clean, whatever the key; the default value may carry data
        return receiver.union(Arguments.value(call, 1, "default").map(d -> eval(d, kind)).orElse(Taint.CLEAN));
      }
      return ARGUMENT_METHODS.contains(name) ? receiver.union(arguments(call, kind)) : receiver;
    }
    return Taint.CLEAN;
  }

  /**
   * A call of a project function or method of another module ({@link ProjectCallees}) that returns request data: a read
   * of Flask's global {@code request}, of a request passed as an argument, or of a request the instance's
   * {@code __init__} kept ({@code self.source.args.get(key)}). The source is the call, named after what the helper reads.
   * A helper that tests, asserts or raises anything may validate what it returns: it is not followed (precision first).
   */
  private Taint projectCall(CallExpression call, Kind kind) {
    if (ctx == null || ctx.pythonFile() == null) {
      return Taint.CLEAN;
    }
    Optional<ProjectCallees.Callee> callee = ProjectCallees.of(call, ctx);
    if (callee.isEmpty()) {
      return Taint.CLEAN;
    }
    for (ModuleSummary.Returned returned : callee.get().returns()) {
      if (returned.guarded()) {
        // the helper may validate what it returns (if not is_safe(x): raise ...): not followed across modules
        return Taint.CLEAN;
      }
      Optional<String> read = requestRead(callee.get(), returned.chain(), kind);
      if (read.isPresent()) {
        return Taint.of(Trace.ofSource(new Source(call, read.get() + " returned by \"" + callee.get().name() + "\"")));
      }
    }
    return Taint.CLEAN;
  }

  /** What request data a returned access chain reads, given what the call binds to the callee's parameters. */
  private Optional<String> requestRead(ProjectCallees.Callee callee, List<String> chain, Kind kind) {
    if (chain.isEmpty() || chain.get(0).endsWith("()")) {
      return Optional.empty();
    }
    String root = chain.get(0);
    int parameter = callee.parameters().indexOf(root);
    List<String> read;
    if (parameter < 0) {
      read = FlaskApi.REQUEST.test(callee.module().resolve(root)) ? chain.subList(1, chain.size()) : null;
    } else if (parameter == 0 && callee.receiver() != null) {
      ProjectCallees.Bound kept = chain.size() < 2 ? null : callee.receiver().attributes().get(chain.get(1));
      read = kept != null && isRequest(kept) ? chain.subList(2, chain.size()) : null;
    } else {
      ProjectCallees.Bound argument = callee.arguments().get(root);
      read = argument != null && isRequest(argument) ? chain.subList(1, chain.size()) : null;
    }
    if (read == null || read.isEmpty() || (kind == Kind.REDIRECT || kind == Kind.XSS) && UNCHOSEN_FOR_NAVIGATION.contains(read.get(0))) {
      return Optional.empty();
    }
    return RequestSources.readOfChain(read);
  }

  /** Form posts (CSRF-protected) and headers (the Referer) that the engine does not count as sources of redirects and XSS. */
  private static final Set<String> UNCHOSEN_FOR_NAVIGATION = Set.of("POST", "FILES", "form", "headers", "META");

  private boolean isRequest(ProjectCallees.Bound bound) {
    if (bound.here() != null) {
      return isRequest(bound.here(), 0);
    }
    return bound.there() instanceof ModuleSummary.Dotted dotted && FlaskApi.REQUEST.test(bound.module().resolve(dotted.text()));
  }

  /**
   * {@code values["site"]}, {@code items[0]}, {@code values.get("site")}: when the container is a local dict or list
   * literal that is only read and written under constant keys, only the values under that key count; otherwise the
   * whole container.
   */
  private Taint keyedValue(Expression container, Object key, Kind kind) {
    Optional<List<Expression>> values = ContainerKeys.valuesUnder(container, key);
    if (values.isEmpty()) {
      return eval(container, kind);
    }
    Taint result = Taint.CLEAN;
    for (Expression value : values.get()) {
      result = result.union(eval(value, kind).then(value, "Stored in \"" + ((Name) Trees.skipParentheses(container)).name() + "\"."));
    }
    return result;
  }

  /** {@code parser.get(section, option)} of a local {@code ConfigParser}: the values set under that option, and what it read from text. */
  private Taint configValue(CallExpression call, Name parser, Kind kind) {
    Taint result = Taint.CLEAN;
    for (Expression value : ContainerKeys.configValues(parser, call)) {
      result = result.union(eval(value, kind).then(value, "Set in \"" + parser.name() + "\"."));
    }
    return result.union(Arguments.keyword(call, "fallback").map(f -> eval(f.expression(), kind)).orElse(Taint.CLEAN));
  }

  private Taint arguments(CallExpression call, Kind kind) {
    Taint result = Taint.CLEAN;
    for (Argument argument : call.arguments()) {
      if (argument instanceof RegularArgument regular) {
        result = result.union(eval(regular.expression(), kind));
      } else if (argument instanceof UnpackingExpression unpacking) {
        result = result.union(eval(unpacking.expression(), kind));
      }
    }
    return result;
  }

  /** The result of calling a function of this module: its return summary, with the arguments of this call. */
  private Taint summaryAt(CallExpression call, FunctionDef callee, Kind kind) {
    Taint summary = returnSummary(callee, kind);
    if (summary.isClean()) {
      return Taint.CLEAN;
    }
    String step = "Returned by \"" + callee.name().name() + "()\".";
    Taint result = summary.hasSource() ? Taint.of(summary.source().then(call, step)) : Taint.CLEAN;
    for (Map.Entry<Name, Trace> parameter : summary.parameters().entrySet()) {
      Optional<Expression> argument = ModuleFunctions.argumentFor(call, callee, parameter.getKey());
      if (argument.isPresent()) {
        Taint passed = eval(argument.get(), kind).then(argument.get(), passedMessage(callee, parameter.getKey()));
        Trace inside = parameter.getValue();
        result = result.union(passed.map(t -> t.thenAll(inside).then(call, step)));
      }
    }
    return result;
  }

  private static String passedMessage(FunctionDef callee, Name parameter) {
    return "Passed to \"" + callee.name().name() + "()\" as \"" + parameter.name() + "\".";
  }

  /** What the function returns, in terms of request data and of its own parameters (computed once per kind). */
  private Taint returnSummary(FunctionDef function, Kind kind) {
    Map<FunctionDef, Taint> summaries = returnSummaries.computeIfAbsent(kind, k -> new IdentityHashMap<>());
    Taint cached = cached(summaries, function);
    if (cached != null) {
      return cached;
    }
    if (reentered(function, inProgress)) {
      return Taint.CLEAN;
    }
    int outer = shallowestReentry;
    int height = enter(function, inProgress);
    Taint result = Taint.CLEAN;
    boolean done = false;
    try {
      for (ReturnStatement statement : Trees.descendantsInSameScope(function.body(), Tree.Kind.RETURN_STMT, ReturnStatement.class)) {
        for (Expression value : statement.expressions()) {
          result = result.union(eval(value, kind));
        }
      }
      done = true;
    } finally {
      if (exhausted()) {
        shallowestReentry = EXHAUSTED;
      }
      leave(function, inProgress, height, outer, summaries, done ? result : null);
    }
    return result;
  }

  /**
   * A path from request data into the parameter, through the call sites of its function in this module (and theirs,
   * up to {@value #MAX_CALL_DEPTH} levels); computed once per parameter and kind.
   */
  private Optional<Trace> sourceOfParameter(Name parameter, Kind kind, int depth) {
    Map<Name, Optional<Trace>> cache = parameterSources.computeIfAbsent(kind, k -> new IdentityHashMap<>());
    Optional<Trace> cached = cache.get(parameter);
    if (cached != null) {
      return cached;
    }
    if (depth > MAX_CALL_DEPTH || !parametersInProgress.add(parameter)) {
      return Optional.empty();
    }
    Optional<Trace> result = Optional.empty();
    try {
      Tree owner = Trees.firstAncestor(parameter, Tree.Kind.FUNCDEF, Tree.Kind.LAMBDA);
      if (owner instanceof FunctionDef function) {
        result = sourceThroughCallSites(function, parameter, kind, depth);
      }
    } finally {
      parametersInProgress.remove(parameter);
    }
    if (!exhausted()) {
      cache.put(parameter, result);
    }
    return result;
  }

  private Optional<Trace> sourceThroughCallSites(FunctionDef function, Name parameter, Kind kind, int depth) {
    for (CallExpression call : functions.callSites(function)) {
      Optional<Expression> argument = ModuleFunctions.argumentFor(call, function, parameter);
      if (argument.isEmpty() || exhausted()) {
        continue;
      }
      questionSteps = 0;
      Taint passed = eval(argument.get(), kind);
      String step = passedMessage(function, parameter);
      if (passed.hasSource()) {
        return Optional.of(passed.source().then(argument.get(), step));
      }
      for (Map.Entry<Name, Trace> outer : passed.parameters().entrySet()) {
        Optional<Trace> source = sourceOfParameter(outer.getKey(), kind, depth + 1);
        if (source.isPresent()) {
          return Optional.of(source.get().thenAll(outer.getValue()).then(argument.get(), step));
        }
      }
    }
    return Optional.empty();
  }

  // ------------------------------------------------------------------ names

  private Taint name(Name name, Kind kind) {
    SymbolV2 symbol = name.symbolV2();
    if (symbol == null || isRequest(name, 0)) {
      return Taint.CLEAN;
    }
    List<UsageV2> definitions = resolver.definitionsOf(symbol);
    if (definitions.isEmpty()) {
      return Taint.CLEAN;
    }
    FunctionDef function = Trees.nearestFunctionDef(name);
    Predicate<Expression> isClean = e -> eval(e, kind).isClean();
    Guards functionGuards = function == null ? null : guardsOf(function);
    Token guard = functionGuards == null ? null : functionGuards.guardPoint(name, kind, isClean);
    Predicate<Tree> validated = d -> validatedBefore(d, guard) || DeadBranches.isDead(d)
      || functionGuards != null && Trees.nearestFunctionDef(d) == function && functionGuards.validatesDefinition(d, name, kind, isClean);
    Taint result = Taint.CLEAN;
    boolean reaching = false;
    Set<Expression> assigned = resolver.valuesAtLocation(name, ctx);
    if (assigned.stream().anyMatch(value -> Trees.isAncestorOrSelf(value, name))) {
      // x = x.replace(...): the frontend may give the new value for the x read on the right; use the reaching definitions
      assigned = Set.of();
    }
    if (!assigned.isEmpty()) {
      // the frontend's set has no stable order: document order keeps the reported source the same from run to run
      List<Expression> ordered = assigned.stream().sorted(Trees.DOCUMENT_ORDER).toList();
      for (Expression value : ordered) {
        Tree target = ValueResolver.assignmentTarget(value, symbol.name());
        if (!validated.test(target == null ? value : target)) {
          result = result.union(eval(value, kind).then(target == null ? value : target, "Assigned to \"" + symbol.name() + "\"."));
        }
      }
      reaching = true;
    }
    for (UsageV2 definition : ValueResolver.reachingDefinitions(definitions, name, reaching)) {
      if (!validated.test(definition.tree())) {
        result = result.union(definitionTaint(definition, symbol.name(), kind, false));
      }
    }
    return result;
  }

  /** True when the definition comes before the guard point (or is a parameter and a guard exists). */
  private static boolean validatedBefore(Tree definition, Token guard) {
    return guard != null && (Guards.before(definition.firstToken(), guard) || definition.parent() instanceof Parameter);
  }

  /** The taint a definition gives the variable (keys only: what it puts into a mapping's keys). */
  private Taint definitionTaint(UsageV2 definition, String variable, Kind kind, boolean keysOnly) {
    Tree tree = definition.tree();
    switch (definition.kind()) {
      case PARAMETER:
        return parameter((Name) tree);
      case ASSIGNMENT_LHS: {
        Expression value = ValueResolver.assignedValue(tree);
        return value == null ? Taint.CLEAN : valueOf(value, kind, keysOnly).then(tree, "Assigned to \"" + variable + "\".");
      }
      case COMPOUND_ASSIGNMENT_LHS: {
        CompoundAssignmentStatement compound = (CompoundAssignmentStatement) Trees.firstAncestor(tree, Tree.Kind.COMPOUND_ASSIGNMENT);
        return compound == null ? Taint.CLEAN : valueOf(compound.rhsExpression(), kind, keysOnly).then(compound, "Appended to \"" + variable + "\".");
      }
      case LOOP_DECLARATION: {
        ForStatement loop = (ForStatement) Trees.firstAncestor(tree, Tree.Kind.FOR_STMT);
        return loop == null ? Taint.CLEAN : all(loop.testExpressions(), kind).then(tree, "Iterated into \"" + variable + "\".");
      }
      case COMP_DECLARATION: {
        Tree clause = Trees.firstAncestor(tree, Tree.Kind.COMP_FOR);
        return clause == null ? Taint.CLEAN : eval(((ComprehensionFor) clause).iterable(), kind);
      }
      case WITH_INSTANCE: {
        WithItem item = (WithItem) Trees.firstAncestor(tree, Tree.Kind.WITH_ITEM);
        return item == null ? Taint.CLEAN : eval(item.test(), kind).then(tree, "Bound to \"" + variable + "\".");
      }
      case OTHER:
        return mutationTaint(tree, variable, kind, keysOnly);
      default:
        return Taint.CLEAN;
    }
  }

  private Taint valueOf(Expression value, Kind kind, boolean keysOnly) {
    return keysOnly ? keys(value, kind) : eval(value, kind);
  }

  private Taint parameter(Name parameter) {
    Tree owner = Trees.firstAncestor(parameter, Tree.Kind.FUNCDEF, Tree.Kind.LAMBDA);
    if (!(owner instanceof FunctionDef function)) {
      return Taint.CLEAN;
    }
    Source source = sourcesOf(function).parameterSources().get(parameter);
    if (source != null) {
      return Taint.of(Trace.ofSource(source));
    }
    Parameter declaration = (Parameter) parameter.parent();
    if (declaration.typeAnnotation() != null && RequestSources.isSafeType(declaration.typeAnnotation().expression(), 0)) {
      return Taint.CLEAN;
    }
    return Taint.of(Trace.ofParameter(parameter));
  }

  private Taint mutationTaint(Tree use, String variable, Kind kind, boolean keysOnly) {
    Tree mutation = ValueResolver.mutation(use);
    if (mutation instanceof CallExpression call) {
      String method = ((QualifiedExpression) call.callee()).name().name();
      Taint added;
      if ("update".equals(method) && keysOnly) {
        added = Arguments.value(call, 0, "other").map(e -> keys(e, kind)).orElse(Taint.CLEAN);
      } else if ("setdefault".equals(method) && keysOnly) {
        added = Arguments.value(call, 0, "key").map(e -> eval(e, kind)).orElse(Taint.CLEAN);
      } else {
        added = arguments(call, kind);
      }
      return added.then(call, "Added to \"" + variable + "\".");
    }
    if (mutation instanceof AssignmentStatement assignment) {
      SubscriptionExpression target = (SubscriptionExpression) use.parent();
      Taint key = all(target.subscripts().expressions(), kind);
      Taint added = keysOnly ? key : key.union(eval(assignment.assignedValue(), kind));
      return added.then(assignment, "Stored in \"" + variable + "\".");
    }
    return Taint.CLEAN;
  }

  // ------------------------------------------------------------------ mapping keys

  /** What the keys of a mapping may carry: like {@link #eval} except for values stored under constant keys. */
  private Taint keys(Expression expression, Kind kind) {
    return memoized(expression, keyValues.computeIfAbsent(kind, k -> new IdentityHashMap<>()), keysInProgress, expr -> computeKeys(expr, kind));
  }

  private Taint computeKeys(Expression expr, Kind kind) {
    if (expr instanceof QualifiedExpression validated && RequestSources.VALIDATED_DATA.contains(validated.name().name())) {
      // form.cleaned_data, serializer.validated_data: the keys are the declared fields
      return Taint.CLEAN;
    }
    if (expr instanceof DictionaryLiteral dict) {
      return dictionary(dict, kind, true);
    }
    if (expr instanceof DictCompExpression comprehension) {
      return eval(comprehension.keyExpression(), kind);
    }
    if (expr instanceof CallExpression call && readOf(call).isEmpty()) {
      if (Fqns.isCallTo(call, "dict")) {
        Taint result = Taint.CLEAN;
        for (Argument argument : call.arguments()) {
          if (argument instanceof RegularArgument regular && regular.keywordArgument() == null) {
            result = result.union(keys(regular.expression(), kind));
          } else if (argument instanceof UnpackingExpression unpacking) {
            result = result.union(keys(unpacking.expression(), kind));
          }
        }
        return result;
      }
      if (Trees.skipParentheses(call.callee()) instanceof QualifiedExpression method && "copy".equals(method.name().name())) {
        return keys(method.qualifier(), kind);
      }
    }
    if (expr instanceof Name name && name.symbolV2() != null && !isRequest(name, 0)) {
      SymbolV2 symbol = name.symbolV2();
      FunctionDef function = Trees.nearestFunctionDef(name);
      Token guard = function == null ? null : guardsOf(function).guardPoint(name, kind, e -> eval(e, kind).isClean());
      Taint result = Taint.CLEAN;
      for (UsageV2 definition : ValueResolver.reachingDefinitions(resolver.definitionsOf(symbol), name, false)) {
        if (!validatedBefore(definition.tree(), guard)) {
          result = result.union(definitionTaint(definition, symbol.name(), kind, true));
        }
      }
      return result;
    }
    return eval(expr, kind);
  }

  // ------------------------------------------------------------------ request objects and function facts

  private FunctionSources sourcesOf(FunctionDef function) {
    return functionSources.computeIfAbsent(function, f -> RequestSources.of(f, ctx, webModule, functions::isFastApiDependency));
  }

  private Guards guardsOf(FunctionDef function) {
    return guards.computeIfAbsent(function, Guards::new);
  }

  private boolean isRequest(Expression expression, int depth) {
    Expression expr = Trees.skipParentheses(expression);
    if (!expr.is(Tree.Kind.NAME, Tree.Kind.QUALIFIED_EXPR) || depth > 3) {
      return false;
    }
    Boolean cached = requestObjects.get(expr);
    if (cached != null) {
      return cached;
    }
    boolean result = computeIsRequest(expr, depth);
    requestObjects.put(expr, result);
    return result;
  }

  private boolean computeIsRequest(Expression expr, int depth) {
    if (RequestSources.isFlaskRequest(expr)) {
      return true;
    }
    if (expr instanceof QualifiedExpression) {
      return webModule && RequestSources.isSelfRequest(expr);
    }
    Name name = (Name) expr;
    SymbolV2 symbol = name.symbolV2();
    if (symbol == null) {
      return false;
    }
    boolean found = false;
    for (UsageV2 usage : symbol.usages()) {
      if (!usage.isBindingUsage()) {
        continue;
      }
      if (usage.kind() == UsageV2.Kind.PARAMETER) {
        Tree owner = Trees.firstAncestor(usage.tree(), Tree.Kind.FUNCDEF, Tree.Kind.LAMBDA);
        if (!(owner instanceof FunctionDef function) || !sourcesOf(function).requestObjects().contains(usage.tree())) {
          return false;
        }
        found = true;
      } else if (usage.kind() == UsageV2.Kind.ASSIGNMENT_LHS && ValueResolver.plainAssignment(usage) != null) {
        if (!isRequest(ValueResolver.plainAssignment(usage).assignedValue(), depth + 1)) {
          return false;
        }
        found = true;
      } else {
        return false;
      }
    }
    return found;
  }

  /** Nodes per file the engine evaluated so far (for tests of the bounds). */
  int fileSteps() {
    useBudget(budget);
    int total = 0;
    for (int steps : fileStepsByKind) {
      total += steps;
    }
    return total;
  }

  FileInput file() {
    return file;
  }
}
