/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.plugin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The house rules of the main code, read from its sources: the layers {@code tree → semantics → flow → checks → plugin}
 * (a lower layer never refers to a higher one), no dependency cycle between the classes of {@code semantics}, and no
 * library FQN spelled in {@code checks} (library names are declared once in the names class of a semantics room).
 */
class ArchitectureTest {

  private static final Path MAIN = Path.of("src/main/java/org/backendreview");
  private static final String ROOT_PACKAGE = "org.backendreview.";
  private static final List<String> LAYERS = List.of("tree", "semantics", "flow", "checks", "plugin");
  private static final Pattern IMPORT = Pattern.compile("^import\\s+(?:static\\s+)?([\\w.]+)\\s*;", Pattern.MULTILINE);
  /** A string literal that looks like a dotted Python name ({@code "django.db.models.Model"}). */
  private static final Pattern FQN_LITERAL = Pattern.compile("\"[a-z_]+(\\.[A-Za-z_]+)+\"");
  /** FQN-like literals allowed in checks, with the reason. Keep it short: a library name belongs in its room. */
  private static final Map<String, String> CHECKS_LITERAL_ALLOW_LIST = Map.of();

  /** Class FQN to its source without comments. */
  private static final Map<String, String> SOURCES = new TreeMap<>();

  @BeforeAll
  static void readSources() throws IOException {
    try (Stream<Path> files = Files.walk(MAIN)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        String relative = MAIN.relativize(file).toString().replace(file.getFileSystem().getSeparator(), ".");
        SOURCES.put(ROOT_PACKAGE + relative.substring(0, relative.length() - ".java".length()),
          withoutComments(Files.readString(file, StandardCharsets.UTF_8)));
      }
    }
  }

  @Test
  void sources_are_found() {
    assertThat(SOURCES).containsKeys("org.backendreview.tree.Api", "org.backendreview.semantics.http.HttpLibraries",
      "org.backendreview.plugin.BackendReviewPlugin");
  }

  @Test
  void dependencies_are_seen_by_import_and_within_a_package() {
    assertThat(dependencies("org.backendreview.checks.orm.RelationWithoutIntegrityCheck")).contains("org.backendreview.semantics.django.DjangoApi");
    assertThat(dependencies("org.backendreview.semantics.django.DjangoModels")).contains("org.backendreview.semantics.django.DjangoQuerySets");
    assertThat(withoutComments("a /* \"x.y\" */ \"b.c\" // \"d.e\"\n'\"' \"f//g\"")).isEqualTo("a  \"b.c\" \n'\"' \"f//g\"");
  }

  @Test
  void lower_layers_never_refer_to_higher_ones() {
    List<String> violations = new ArrayList<>();
    for (Map.Entry<String, String> source : SOURCES.entrySet()) {
      int layer = layerOf(source.getKey());
      for (String dependency : dependencies(source.getKey())) {
        if (layerOf(dependency) > layer) {
          violations.add(source.getKey() + " -> " + dependency);
        }
      }
    }
    assertThat(violations).isEmpty();
  }

  @Test
  void semantics_classes_have_no_dependency_cycle() {
    Map<String, Set<String>> graph = new HashMap<>();
    SOURCES.keySet().stream().filter(c -> c.startsWith(ROOT_PACKAGE + "semantics.")).forEach(c -> graph.put(c,
      dependencies(c).stream().filter(d -> d.startsWith(ROOT_PACKAGE + "semantics.")).collect(java.util.stream.Collectors.toSet())));
    assertThat(cycles(graph)).isEmpty();
  }

  @Test
  void the_cycle_detector_sees_a_cycle() {
    assertThat(cycles(Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a"), "d", Set.of("a")))).containsExactly(List.of("a", "b", "c"));
  }

  @Test
  void checks_spell_no_library_fqn() {
    List<String> found = new ArrayList<>();
    SOURCES.forEach((className, source) -> {
      if (className.startsWith(ROOT_PACKAGE + "checks.")) {
        Matcher matcher = FQN_LITERAL.matcher(source);
        while (matcher.find()) {
          if (!CHECKS_LITERAL_ALLOW_LIST.containsKey(matcher.group())) {
            found.add(className + ": " + matcher.group());
          }
        }
      }
    });
    assertThat(found).as("declare library names in the names class of their semantics room (HttpLibraries, DjangoApi...)").isEmpty();
  }

  private static int layerOf(String className) {
    String rest = className.substring(ROOT_PACKAGE.length());
    int layer = LAYERS.indexOf(rest.substring(0, rest.indexOf('.')));
    assertThat(layer).as("layer of " + className).isNotNegative();
    return layer;
  }

  /** The project classes a class refers to: by import, and by simple name for classes of its own package. */
  private static Set<String> dependencies(String className) {
    String source = SOURCES.get(className);
    Set<String> result = new LinkedHashSet<>();
    Matcher imports = IMPORT.matcher(source);
    while (imports.find()) {
      String name = imports.group(1);
      while (!SOURCES.containsKey(name) && name.lastIndexOf('.') > 0) {
        name = name.substring(0, name.lastIndexOf('.'));
      }
      if (SOURCES.containsKey(name) && !name.equals(className)) {
        result.add(name);
      }
    }
    String body = IMPORT.matcher(source).replaceAll("");
    String packageName = className.substring(0, className.lastIndexOf('.'));
    for (String other : SOURCES.keySet()) {
      if (!other.equals(className) && other.substring(0, other.lastIndexOf('.')).equals(packageName)
        && Pattern.compile("\\b" + other.substring(packageName.length() + 1) + "\\b").matcher(body).find()) {
        result.add(other);
      }
    }
    return result;
  }

  /** The strongly connected components with more than one class (Tarjan), each sorted. */
  private static List<List<String>> cycles(Map<String, Set<String>> graph) {
    Map<String, Integer> index = new HashMap<>();
    Map<String, Integer> low = new HashMap<>();
    Deque<String> stack = new ArrayDeque<>();
    Set<String> onStack = new LinkedHashSet<>();
    List<List<String>> result = new ArrayList<>();
    for (String start : new java.util.TreeSet<>(graph.keySet())) {
      if (!index.containsKey(start)) {
        connect(start, graph, index, low, stack, onStack, result);
      }
    }
    return result;
  }

  private static void connect(String node, Map<String, Set<String>> graph, Map<String, Integer> index, Map<String, Integer> low,
    Deque<String> stack, Set<String> onStack, List<List<String>> result) {
    index.put(node, index.size());
    low.put(node, index.get(node));
    stack.push(node);
    onStack.add(node);
    for (String next : graph.getOrDefault(node, Set.of())) {
      if (!index.containsKey(next)) {
        connect(next, graph, index, low, stack, onStack, result);
        low.put(node, Math.min(low.get(node), low.get(next)));
      } else if (onStack.contains(next)) {
        low.put(node, Math.min(low.get(node), index.get(next)));
      }
    }
    if (low.get(node).equals(index.get(node))) {
      List<String> component = new ArrayList<>();
      String member;
      do {
        member = stack.pop();
        onStack.remove(member);
        component.add(member);
      } while (!member.equals(node));
      if (component.size() > 1) {
        component.sort(null);
        result.add(component);
      }
    }
  }

  /** The source without comments; string literals are kept. */
  private static String withoutComments(String source) {
    StringBuilder result = new StringBuilder(source.length());
    int i = 0;
    while (i < source.length()) {
      char c = source.charAt(i);
      if (source.startsWith("/*", i)) {
        int end = source.indexOf("*/", i + 2);
        i = end < 0 ? source.length() : end + 2;
      } else if (source.startsWith("//", i)) {
        int end = source.indexOf('\n', i);
        i = end < 0 ? source.length() : end;
      } else if (c == '"' || c == '\'') {
        int end = i + 1;
        while (end < source.length() && source.charAt(end) != c) {
          end += source.charAt(end) == '\\' ? 2 : 1;
        }
        end = Math.min(end + 1, source.length());
        result.append(source, i, end);
        i = end;
      } else {
        result.append(c);
        i++;
      }
    }
    return result.toString();
  }
}
