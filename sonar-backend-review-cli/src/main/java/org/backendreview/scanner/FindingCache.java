/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.scanner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.backendreview.scanner.cache.CacheStore;
import org.backendreview.semantics.project.DeclaredDependencies;
import org.backendreview.semantics.project.FileReads;

/**
 * The findings of each file from an earlier scan, reused when nothing they were computed from changed (docs/cli.md,
 * "Cache"). An entry's key hashes:
 * <ul>
 *   <li>the scan's {@link #scanKey}: the code of the scanner, the checks and the frontend (the classpath's jars), the
 *   active rules and their parameters (by key, whatever repository they come from), the options that change findings,
 *   the <b>whole project symbol table</b> (every module's descriptors and Django views: what a file's types can see of
 *   other modules), the set of files scanned, and the non-Python files (names, sizes, times) of every directory of the
 *   project and its parents (configuration such as {@code pyproject.toml} or requirements files);</li>
 *   <li>the file: its path, module name and content.</li>
 * </ul>
 * The entry also lists the other files the checks read from disk while analysing the file ({@link FileReads}: another
 * module's source, the sibling migrations...) with the hash of their content; it is reused only while each of them
 * still has that content. A file whose analysis warned, or whose reads could not all be known, is not cached.
 */
final class FindingCache {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final CacheStore store;
  private final String scanKey;
  private final Map<String, RuleInfo> rules;
  private final Map<Path, String> contentHashes = new ConcurrentHashMap<>();
  final AtomicInteger hits = new AtomicInteger();
  final AtomicInteger misses = new AtomicInteger();

  /** A cached analysis of one file. */
  record Entry(boolean test, long lines, List<Finding> findings) {
  }

  FindingCache(CacheStore store, String scanKey, List<RuleInfo> rules) {
    this.store = store;
    this.scanKey = scanKey;
    this.rules = new TreeMap<>();
    rules.forEach(rule -> this.rules.put(rule.qualifiedKey(), rule));
  }

  /**
   * The key of a scan; see the class comment. {@code symbolTable} is the frontend's digest of the project table,
   * {@code files} the scanned files with their module names.
   */
  static String scanKey(ScanConfig config, List<RuleInfo> rules, Map<String, String> params, byte[] symbolTable, List<String> files,
    Set<Path> directories) {
    List<String> parts = new ArrayList<>();
    parts.add("scanner " + codeVersion());
    rules.forEach(rule -> parts.add("rule " + rule.qualifiedKey()));
    new TreeMap<>(params).forEach((key, value) -> parts.add("param " + key + "=" + value));
    parts.add("python " + config.pythonVersions());
    parts.add("tests " + config.testPatterns());
    parts.add("base " + config.baseDir().toAbsolutePath().normalize());
    parts.add("symbols " + HexFormat.of().formatHex(symbolTable));
    parts.addAll(files);
    parts.add("directories");
    for (Path directory : directories) {
      parts.add(directory.toString());
      parts.add(listing(directory));
    }
    return CacheStore.sha256Hex(parts);
  }

  /** Every directory holding a scanned file, and all their parents (configuration files are looked up there). */
  static Set<Path> directoriesOf(List<SourceFile> files) {
    Set<Path> directories = new TreeSet<>();
    for (SourceFile file : files) {
      for (Path dir = file.path().toAbsolutePath().normalize().getParent(); dir != null && directories.add(dir); dir = dir.getParent()) {
        // every parent once
      }
    }
    return directories;
  }

  /**
   * The project files of a directory that checks look up by name (project markers, dependency declarations, Django's
   * {@code manage.py}, a repository root), with their sizes and modification times. Other {@code .py} files are covered
   * by the file list, the symbol table and the recorded reads.
   */
  private static String listing(Path directory) {
    Map<String, String> entries = new TreeMap<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory, entry -> isProjectFile(entry.getFileName().toString()))) {
      for (Path entry : stream) {
        entries.put(entry.getFileName().toString(), facts(entry));
        if (Files.isDirectory(entry) && entry.getFileName().toString().equals("requirements")) {
          try (DirectoryStream<Path> requirements = Files.newDirectoryStream(entry, "*.txt")) {
            requirements.forEach(file -> entries.put("requirements/" + file.getFileName(), facts(file)));
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      return "unreadable";
    }
    return entries.toString();
  }

  private static boolean isProjectFile(String name) {
    return PROJECT_FILES.contains(name) || (name.startsWith("requirements") && name.endsWith(".txt"));
  }

  /** The project files the checks look up by name: the declared dependencies' (lock files included), Django's, git's. */
  private static final Set<String> PROJECT_FILES = projectFiles();

  private static Set<String> projectFiles() {
    Set<String> names = new java.util.HashSet<>(DeclaredDependencies.fileNames());
    names.addAll(List.of("manage.py", ".git", "requirements"));
    return Set.copyOf(names);
  }

  private static String facts(Path entry) {
    try {
      BasicFileAttributes attributes = Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      return attributes.isDirectory() ? "/" : attributes.size() + "@" + attributes.lastModifiedTime().toMillis();
    } catch (IOException | RuntimeException e) {
      return "?";
    }
  }

  /** The jars (or class directories) the scanner runs from: a rebuilt scanner, new checks or a new frontend change it. */
  static String codeVersion() {
    String known = codeVersion;
    if (known == null) {
      known = computeCodeVersion();
      codeVersion = known;
    }
    return known;
  }

  private static volatile String codeVersion;

  private static String computeCodeVersion() {
    List<String> parts = new ArrayList<>();
    for (String element : System.getProperty("java.class.path", "").split(java.io.File.pathSeparator)) {
      // absolute: `java -jar` from another directory runs the same code
      Path path = Path.of(element).toAbsolutePath().normalize();
      String entry = path.toString();
      try {
        if (Files.isDirectory(path)) {
          try (var files = Files.walk(path)) {
            parts.add(entry + " " + files.filter(Files::isRegularFile).mapToLong(FindingCache::modified).max().orElse(0));
          }
        } else {
          parts.add(entry + " " + Files.size(path) + "@" + modified(path));
          // java -jar: the dependencies (the checks' plugin jar, the frontend) are the manifest's Class-Path
          try (java.util.jar.JarFile jar = new java.util.jar.JarFile(path.toFile())) {
            java.util.jar.Manifest manifest = jar.getManifest();
            String classPath = manifest == null ? null : manifest.getMainAttributes().getValue(java.util.jar.Attributes.Name.CLASS_PATH);
            if (classPath != null) {
              for (String dependency : classPath.trim().split("\\s+")) {
                Path file = path.toAbsolutePath().getParent().resolve(dependency);
                parts.add(dependency + " " + (Files.exists(file) ? Files.size(file) + "@" + modified(file) : "?"));
              }
            }
          }
        }
      } catch (IOException | RuntimeException e) {
        parts.add(entry + " ?");
      }
    }
    parts.add(System.getProperty("java.version", ""));
    return CacheStore.sha256Hex(parts);
  }

  private static long modified(Path path) {
    try {
      return Files.getLastModifiedTime(path).toMillis();
    } catch (IOException e) {
      return -1;
    }
  }

  private String keyOf(ProjectIndex.IndexedFile item) {
    return CacheStore.sha256Hex(List.of(scanKey, item.file.relativePath(), item.packageName, item.contentDigest()));
  }

  /** The cached analysis of the file, when there is one and none of the files it read changed. */
  Optional<Entry> lookup(ProjectIndex.IndexedFile item) {
    String key = keyOf(item);
    Optional<byte[]> bytes = store.read(key);
    if (bytes.isEmpty()) {
      misses.incrementAndGet();
      return Optional.empty();
    }
    try {
      JsonNode root = JSON.readTree(bytes.get());
      for (Iterator<Map.Entry<String, JsonNode>> reads = root.get("reads").fields(); reads.hasNext();) {
        Map.Entry<String, JsonNode> read = reads.next();
        if (!hash(Path.of(read.getKey())).equals(read.getValue().asText())) {
          misses.incrementAndGet();
          return Optional.empty();
        }
      }
      List<Finding> findings = new ArrayList<>();
      for (JsonNode node : root.get("findings")) {
        RuleInfo rule = rules.get(node.get("rule").asText());
        if (rule == null) {
          throw new IOException("unknown rule");
        }
        List<Location> secondaries = new ArrayList<>();
        node.get("secondaries").forEach(s -> secondaries.add(location(s)));
        Double gap = node.get("gap").isNull() ? null : node.get("gap").asDouble();
        List<QuickFix> quickFixes = new ArrayList<>();
        JsonNode fixes = node.get("quickFixes");
        if (fixes != null) {
          fixes.forEach(f -> quickFixes.add(quickFix(f)));
        }
        findings.add(new Finding(rule, location(node.get("primary")), List.copyOf(secondaries), gap, node.get("fingerprint").asText(),
          List.copyOf(quickFixes)));
      }
      hits.incrementAndGet();
      return Optional.of(new Entry(root.get("test").asBoolean(), root.get("lines").asLong(), List.copyOf(findings)));
    } catch (IOException | RuntimeException e) {
      store.damaged(key);
      misses.incrementAndGet();
      return Optional.empty();
    }
  }

  /** Caches the analysis of a file, unless some of the files it read are not known. */
  void store(ProjectIndex.IndexedFile item, Entry entry, FileReads.Recording reads) {
    if (!reads.complete()) {
      return;
    }
    ObjectNode root = JSON.createObjectNode();
    root.put("test", entry.test());
    root.put("lines", entry.lines());
    ObjectNode readNode = root.putObject("reads");
    new TreeSet<>(reads.paths()).forEach(path -> readNode.put(path.toString(), hash(path)));
    ArrayNode findings = root.putArray("findings");
    for (Finding finding : entry.findings()) {
      ObjectNode node = findings.addObject();
      node.put("rule", finding.qualifiedRuleKey());
      node.set("primary", json(finding.primary()));
      ArrayNode secondaries = node.putArray("secondaries");
      finding.secondaries().forEach(s -> secondaries.add(json(s)));
      if (finding.gap() == null) {
        node.putNull("gap");
      } else {
        node.put("gap", finding.gap());
      }
      node.put("fingerprint", finding.fingerprint());
      ArrayNode fixes = node.putArray("quickFixes");
      finding.quickFixes().forEach(f -> fixes.add(json(f)));
    }
    try {
      store.write(keyOf(item), JSON.writeValueAsBytes(root));
    } catch (IOException e) {
      // not cached
    }
  }

  private static ObjectNode json(Location location) {
    ObjectNode node = JSON.createObjectNode();
    node.put("file", location.file());
    node.put("line", location.line());
    node.put("column", location.column());
    node.put("endLine", location.endLine());
    node.put("endColumn", location.endColumn());
    node.put("message", location.message());
    return node;
  }

  private static ObjectNode json(QuickFix fix) {
    ObjectNode node = JSON.createObjectNode();
    node.put("description", fix.description());
    ArrayNode edits = node.putArray("edits");
    for (QuickFix.Edit edit : fix.edits()) {
      ObjectNode e = edits.addObject();
      e.put("line", edit.line());
      e.put("column", edit.column());
      e.put("endLine", edit.endLine());
      e.put("endColumn", edit.endColumn());
      e.put("replacement", edit.replacement());
    }
    return node;
  }

  private static QuickFix quickFix(JsonNode node) {
    List<QuickFix.Edit> edits = new ArrayList<>();
    node.get("edits").forEach(e -> edits.add(new QuickFix.Edit(e.get("line").asInt(), e.get("column").asInt(), e.get("endLine").asInt(),
      e.get("endColumn").asInt(), e.get("replacement").asText())));
    return new QuickFix(node.get("description").asText(), List.copyOf(edits));
  }

  private static Location location(JsonNode node) {
    return new Location(node.get("file").asText(), node.get("line").asInt(), node.get("column").asInt(), node.get("endLine").asInt(),
      node.get("endColumn").asInt(), node.get("message").isNull() ? null : node.get("message").asText());
  }

  /** The content hash of a file read by a check, or of a directory's {@code .py} files (names and contents). */
  private String hash(Path path) {
    String known = contentHashes.get(path);
    if (known == null) {
      known = computeHash(path);
      contentHashes.putIfAbsent(path, known);
    }
    return known;
  }

  private String computeHash(Path p) {
    {
      try {
        if (Files.isDirectory(p)) {
          List<String> parts = new ArrayList<>();
          try (DirectoryStream<Path> files = Files.newDirectoryStream(p, "*.py")) {
            for (Path file : files) {
              parts.add(file.getFileName().toString());
            }
          }
          parts.sort(null);
          List<String> withContent = new ArrayList<>();
          for (String name : parts) {
            withContent.add(name);
            withContent.add(hash(p.resolve(name)));
          }
          return "dir " + CacheStore.sha256Hex(withContent);
        }
        return CacheStore.sha256Hex(Files.readAllBytes(p));
      } catch (NoSuchFileException e) {
        return "absent";
      } catch (IOException | RuntimeException e) {
        return "unreadable " + e.getClass().getSimpleName();
      }
    }
  }

  /** Trims the cache directory to its bound (after a scan). */
  void close() {
    store.trim();
  }
}
