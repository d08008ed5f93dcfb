/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.scanner;

import com.sonar.sslr.api.AstNode;
import com.sonar.sslr.api.RecognitionException;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.sonar.api.SonarProduct;
import org.sonar.api.config.Configuration;
import org.sonar.plugins.python.GeneratedIPythonFile;
import org.sonar.plugins.python.IpynbNotebookParser;
import org.sonar.plugins.python.PythonInputFileImpl;
import org.sonar.plugins.python.PythonTestFileClassifier;
import org.sonar.plugins.python.api.PythonSubscriptionCheck;
import org.sonar.plugins.python.api.PythonVisitorContext;
import org.sonar.plugins.python.api.tree.FileInput;
import org.sonar.python.IPythonLocation;
import org.sonar.python.SubscriptionVisitor;
import org.sonar.python.caching.CacheContextImpl;
import org.sonar.python.index.DescriptorsToProtobuf;
import org.sonar.python.checks.OpenSourceCheckList;
import org.sonar.python.parser.PythonParser;
import org.sonar.python.semantic.ProjectLevelSymbolTable;
import org.sonar.python.semantic.SymbolUtils;
import org.sonar.python.semantic.v2.typetable.CachedTypeTable;
import org.sonar.python.semantic.v2.typetable.ProjectLevelTypeTable;
import org.sonar.python.semantic.v2.typetable.TypeTable;
import org.sonar.python.tree.IPythonTreeMaker;
import org.sonar.python.tree.PythonTreeMaker;

/**
 * The one adapter to SonarPython's internals (everything outside {@code org.sonar.plugins.python.api}, which is not
 * a public API and may change with each frontend version): parsing, notebooks, the project-level symbol and type
 * tables, the visitor context, the single tree walk of subscription checks, the test-file heuristic, package names and
 * the list of SonarPython's own checks (python-checks).
 * No other class of the scanner imports {@code org.sonar.python.*} (a test checks it).
 */
final class Frontend {

  private static final Configuration NO_CONFIGURATION = new Configuration() {
    @Override
    public Optional<String> get(String key) {
      return Optional.empty();
    }

    @Override
    public boolean hasKey(String key) {
      return false;
    }

    @Override
    public String[] getStringArray(String key) {
      return new String[0];
    }
  };

  private final ProjectLevelSymbolTable symbols = ProjectLevelSymbolTable.empty();
  private final TypeTable typeTable = new CachedTypeTable(new ProjectLevelTypeTable(symbols));
  private final PythonTestFileClassifier testClassifier = new PythonTestFileClassifier(NO_CONFIGURATION);
  private final ThreadLocal<Parsers> parsers = ThreadLocal.withInitial(Parsers::new);

  /** A notebook converted to Python code, with the map back to the cells' positions. */
  static final class Notebook {
    private final GeneratedIPythonFile file;

    private Notebook(GeneratedIPythonFile file) {
      this.file = file;
    }
  }

  /** Parsers are not thread-safe: one set per thread. */
  private static final class Parsers {
    final PythonParser python = PythonParser.create();
    private PythonParser ipython;

    PythonParser ipython() {
      if (ipython == null) {
        ipython = PythonParser.createIPythonParser();
      }
      return ipython;
    }
  }

  /** The package of a file from the configured package roots, like {@code sonar.python.packageRoots}. */
  static String packageName(File file, List<String> roots) {
    return SymbolUtils.pythonPackageName(file, roots);
  }

  /** The frontend keeps typeshed's symbols for the Python versions of its first use: reloads them (another scan's versions). */
  static void reloadTypeshedSymbols() {
    org.sonar.python.types.TypeShed.resetBuiltinSymbols();
  }

  /** SonarPython's check classes, as its sensor gets them (python-checks' list of open-source checks). */
  static List<Class<?>> pythonCheckClasses() {
    return new OpenSourceCheckList().getChecks().toList();
  }

  void addProjectPackage(String packageName) {
    symbols.addProjectPackage(packageName);
  }

  /** A syntax error of the parsed code. */
  static final class SyntaxError extends RuntimeException {
    final int line;

    SyntaxError(RecognitionException cause) {
      super(cause.getMessage(), cause);
      this.line = cause.getLine();
    }
  }

  /** Parses a file; throws {@link SyntaxError} on a syntax error. */
  FileInput parse(String content) {
    try {
      return new PythonTreeMaker().fileInput(parsers.get().python.parse(content));
    } catch (RecognitionException e) {
      throw new SyntaxError(e);
    }
  }

  /** Parses a notebook's generated code into a tree whose positions are the cells'. */
  FileInput parse(Notebook notebook) {
    Map<Integer, IPythonLocation> locations = notebook.file.locationMap();
    String source;
    try {
      source = notebook.file.contents();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    try {
      return new IPythonTreeMaker(locations).fileInput(parsers.get().ipython().parse(source));
    } catch (RecognitionException e) {
      throw new SyntaxError(e);
    }
  }

  /**
   * The index step of one file: parses it (throws {@link SyntaxError} or the parser's exception when it cannot) and adds
   * its module to the project-level symbol table. Like SonarPython, a failure after parsing only leaves the module out
   * of the table: the file is still analysed.
   */
  void addModule(String content, String packageName, LocalPythonFile file) {
    AstNode ast = parseModule(content);
    try {
      symbols.addModule(new PythonTreeMaker().fileInput(ast), packageName, file);
    } catch (RuntimeException | StackOverflowError e) {
      // other modules just do not see this one's symbols
    }
  }

  private AstNode parseModule(String content) {
    try {
      return parsers.get().python.parse(content);
    } catch (RecognitionException e) {
      throw new SyntaxError(e);
    }
  }

  /** Held while a module that may register Django views is added, and while cached views are restored. */
  private final Object viewsLock = new Object();

  /**
   * {@link #addModule} for a file that may register Django views, returning the views its module registered: view
   * fully qualified name to the URL patterns this module added to it (possibly none). The parse runs in parallel; the
   * adding is serialised with the other such files so that the views that appeared in the table are this module's.
   */
  Map<String, Set<String>> addModuleRecordingViews(String content, String packageName, LocalPythonFile file) {
    AstNode ast = parseModule(content);
    FileInput tree;
    try {
      tree = new PythonTreeMaker().fileInput(ast);
    } catch (RuntimeException | StackOverflowError e) {
      return Map.of();
    }
    synchronized (viewsLock) {
      Map<String, org.sonar.plugins.python.api.DjangoViewInfo> before = Map.copyOf(symbols.djangoViews());
      try {
        symbols.addModule(tree, packageName, file);
      } catch (RuntimeException | StackOverflowError e) {
        // as in addModule; the views registered before the failure stay, and are recorded
      }
      Map<String, Set<String>> added = new TreeMap<>();
      symbols.djangoViews().forEach((view, info) -> {
        org.sonar.plugins.python.api.DjangoViewInfo old = before.get(view);
        if (old == null || !old.urlPatterns().containsAll(info.urlPatterns())) {
          Set<String> patterns = new TreeSet<>(info.urlPatterns());
          if (old != null) {
            patterns.removeAll(old.urlPatterns());
          }
          added.put(view, patterns);
        }
      });
      return added;
    }
  }

  /** Puts back the Django views a cached module registered ({@link #addModuleRecordingViews}), merged with the table's. */
  void restoreViews(Map<String, Set<String>> views) {
    synchronized (viewsLock) {
      views.forEach((view, patterns) -> {
        Set<String> all = new TreeSet<>(patterns);
        symbols.getDjangoViewInfo(view).ifPresent(info -> all.addAll(info.urlPatterns()));
        symbols.restoreDjangoView(view, all);
      });
    }
  }

  /** Whether any module registered a Django view so far. */
  boolean hasDjangoViews() {
    return !symbols.djangoViews().isEmpty();
  }

  /**
   * What the index step learnt from one module, in the frontend's own serialised form: the descriptors' protobuf, as
   * SonarQube's incremental analysis caches them.
   */
  record ModuleEntry(String module, byte[] descriptors, byte[] digest, byte[] shape) {
  }

  /** The fully qualified name of a file's module. */
  static String moduleName(String packageName, SourceFile file) {
    return SymbolUtils.fullyQualifiedModuleName(packageName, file.path().getFileName().toString());
  }

  /**
   * The module's entry after {@link #addModule}, with its {@linkplain #symbolTableDigest digest}, which it remembers for
   * the table's digest; empty when the module is not in the table. Only for a module no other scanned file adds to (the
   * table merges those): its descriptors are final once its own file is indexed.
   */
  Optional<ModuleEntry> moduleEntry(String module) {
    Set<org.sonar.python.index.Descriptor> descriptors = symbols.descriptorsForModule(module);
    if (descriptors == null) {
      return Optional.empty();
    }
    Message message = DescriptorsToProtobuf.toProtobufModuleDescriptor(descriptors);
    byte[] digest = canonical(message, true);
    byte[] shape = canonical(message, false);
    moduleDigests.put(module, new KnownDigest(descriptors, digest, shape));
    return Optional.of(new ModuleEntry(module, message.toByteArray(), digest, shape));
  }

  /**
   * Puts a cached module into the table instead of parsing its file, with the digest its entry recorded (the digest of
   * the same descriptors: the frontend's serialised form reads back to descriptors that serialise to the same canonical
   * form, which is what lets the cache's entries match at all; {@code FindingCacheTest} compares both digests).
   */
  void restoreModule(ModuleEntry entry) throws IOException {
    Set<org.sonar.python.index.Descriptor> descriptors = DescriptorsToProtobuf.fromProtobuf(
      org.sonar.python.types.protobuf.DescriptorsProtos.ModuleDescriptor.parseFrom(entry.descriptors()));
    symbols.insertEntry(entry.module(), descriptors);
    moduleDigests.put(entry.module(), new KnownDigest(symbols.descriptorsForModule(entry.module()), entry.digest(), entry.shape()));
  }

  /**
   * A module's digests, valid while the table still holds that very set of descriptors for the module: {@code digest}
   * of everything, {@code shape} of everything but the definitions' locations.
   */
  private record KnownDigest(Set<org.sonar.python.index.Descriptor> descriptors, byte[] digest, byte[] shape) {
  }

  /** Digests of modules computed in the index step (in parallel) or read from the index cache. */
  private final Map<String, KnownDigest> moduleDigests = new java.util.concurrent.ConcurrentHashMap<>();

  /** Reads a notebook; empty when the file is not one. */
  static Optional<Notebook> notebook(LocalPythonFile file) throws IOException {
    return IpynbNotebookParser.parseNotebook(new PythonInputFileImpl(file.asInputFile())).map(Notebook::new);
  }

  /** Symbols and types of one file, against the project tables. */
  PythonVisitorContext context(FileInput tree, LocalPythonFile file, String packageName) {
    return new PythonVisitorContext.Builder(tree, file)
      .packageName(packageName)
      .projectLevelSymbolTable(symbols)
      .typeTable(typeTable)
      .cacheContext(CacheContextImpl.dummyCache())
      .sonarProduct(SonarProduct.SONARQUBE)
      .build();
  }

  /** Runs the subscription checks in one shared walk of the tree. */
  static void walk(List<PythonSubscriptionCheck> checks, PythonVisitorContext context) {
    SubscriptionVisitor.analyze(checks, context);
  }

  /** SonarPython's heuristic for test files (used when no test pattern is configured). */
  boolean looksLikeTestFile(LocalPythonFile file, FileInput tree) {
    return testClassifier.looksLikeTestFile(file.asProjectInputFile(), tree);
  }

  /** Repeated fields of the descriptors' protobuf form that the frontend fills from sets (their order is arbitrary). */
  private static final Set<String> UNORDERED_FIELDS = Set.of("members", "alternatives");

  /**
   * A digest of everything the project-level symbol table holds after the index step: every module's descriptors
   * (in the frontend's own serialised form, the one SonarQube's incremental analysis caches), the Django views and the
   * project's base packages. Two scans with the same digest give every file's analysis the same view of the other
   * modules' types. Descriptors carry their definition locations, so a change that moves a definition changes it.
   */
  byte[] symbolTableDigest() {
    return symbolTableDigest(true);
  }

  /**
   * {@link #symbolTableDigest()}; {@code reuse}: with the modules' digests known from the index step (the same value,
   * computed once per module in parallel, or read from the index cache), which a module's digest is used for only while
   * the table holds the very descriptor set it was computed from (a merged module is computed again).
   */
  byte[] symbolTableDigest(boolean reuse) {
    MessageDigest digest = sha256();
    modulesDigest(digest, reuse, true);
    new TreeMap<>(symbols.djangoViews()).forEach((view, info) -> update(digest, "view " + view + " " + new TreeSet<>(info.urlPatterns())));
    update(digest, "packages " + new TreeSet<>(symbols.projectBasePackages()));
    return digest.digest();
  }

  /**
   * A digest of the modules in the table and of the project's base packages, without the definitions' locations:
   * what the type of a name another module imports can depend on (an edit that only moves definitions keeps it).
   */
  byte[] symbolTableShape() {
    MessageDigest digest = sha256();
    modulesDigest(digest, true, false);
    update(digest, "packages " + new TreeSet<>(symbols.projectBasePackages()));
    return digest.digest();
  }

  private void modulesDigest(MessageDigest digest, boolean reuse, boolean locations) {
    for (Map.Entry<String, Set<org.sonar.python.index.Descriptor>> module : new TreeMap<>(symbols.globalDescriptorsByModuleName()).entrySet()) {
      update(digest, "module " + module.getKey());
      KnownDigest known = reuse ? moduleDigests.get(module.getKey()) : null;
      if (known != null && known.descriptors() == module.getValue()) {
        update(digest, locations ? known.digest() : known.shape());
      } else {
        update(digest, canonical(DescriptorsToProtobuf.toProtobufModuleDescriptor(module.getValue()), locations));
      }
    }
  }

  /** The protobuf message type of the descriptors' definition locations. */
  private static final String LOCATION_TYPE = "LocationInFile";

  /**
   * A protobuf message's bytes with the set-valued repeated fields in a fixed order; {@code locations}: with the
   * definitions' locations (fields of type {@value #LOCATION_TYPE}) or without.
   */
  private static byte[] canonical(Message message, boolean locations) {
    MessageDigest digest = sha256();
    for (Map.Entry<FieldDescriptor, Object> field : message.getAllFields().entrySet()) {
      if (!locations && field.getKey().getJavaType() == FieldDescriptor.JavaType.MESSAGE
        && field.getKey().getMessageType().getName().equals(LOCATION_TYPE)) {
        continue;
      }
      update(digest, "#" + field.getKey().getNumber());
      if (field.getKey().isRepeated()) {
        List<byte[]> items = new ArrayList<>();
        for (Object item : (List<?>) field.getValue()) {
          items.add(valueBytes(item, locations));
        }
        String name = field.getKey().getName().toLowerCase(java.util.Locale.ROOT);
        if (name.endsWith("descriptors") || UNORDERED_FIELDS.contains(name)) {
          items.sort(Arrays::compare);
        }
        update(digest, "[" + items.size());
        items.forEach(item -> update(digest, item));
      } else {
        update(digest, valueBytes(field.getValue(), locations));
      }
    }
    return digest.digest();
  }

  private static byte[] valueBytes(Object value, boolean locations) {
    return value instanceof Message message ? canonical(message, locations) : String.valueOf(value).getBytes(StandardCharsets.UTF_8);
  }

  private static void update(MessageDigest digest, String text) {
    update(digest, text.getBytes(StandardCharsets.UTF_8));
  }

  private static void update(MessageDigest digest, byte[] bytes) {
    digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.UTF_8));
    digest.update((byte) ':');
    digest.update(bytes);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
