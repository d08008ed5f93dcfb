/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.docs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code docs/rules/} must be what {@link RuleDocs} generates from the metadata. To regenerate after changing rules:
 * {@code mvn -pl sonar-backend-review-plugin test -Dtest=RuleDocsTest -Ddocs.update=true}.
 */
class RuleDocsTest {

  static final Path DOCS = Path.of("../docs/rules");
  private static final String REGENERATE = "docs/rules is stale; regenerate it with: "
    + "mvn -pl sonar-backend-review-plugin test -Dtest=RuleDocsTest -Ddocs.update=true";

  @Test
  void docs_are_up_to_date() throws IOException {
    Map<String, String> pages = RuleDocs.generate();
    if (Boolean.getBoolean("docs.update")) {
      write(pages);
    }
    Set<String> existing;
    try (Stream<Path> files = Files.list(DOCS)) {
      existing = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".md")).collect(Collectors.toCollection(TreeSet::new));
    }
    assertThat(existing).as(REGENERATE).containsExactlyInAnyOrderElementsOf(pages.keySet());
    for (Map.Entry<String, String> page : pages.entrySet()) {
      assertThat(Files.readString(DOCS.resolve(page.getKey()), StandardCharsets.UTF_8)).as(REGENERATE + " (" + page.getKey() + ")").isEqualTo(page.getValue());
    }
  }

  @Test
  void index_lists_every_rule_with_its_classification() {
    String index = RuleDocs.generate().get("README.md");
    assertThat(index).contains("| [AllowedHostsWildcard](AllowedHostsWildcard.md) |", "VULNERABILITY", "A5", "CWE-20", "Django", "CFG-03");
  }

  @Test
  void html_is_converted_to_markdown() {
    String md = RuleDocs.HtmlToMarkdown.convert("<p>Intro <code>x</code>\nmore</p>\n<h2>Why is this an issue?</h2>\n"
      + "<pre data-diff-id=\"1\" data-diff-type=\"noncompliant\">\nif a &lt; b:\n    pass\n</pre>\n<ul>\n  <li><a href=\"https://x.org\">X</a></li>\n</ul>\n");
    assertThat(md).isEqualTo("Intro `x` more\n\n## Why is this an issue?\n\n```python\nif a < b:\n    pass\n```\n\n- [X](https://x.org)\n\n");
  }

  private static void write(Map<String, String> pages) throws IOException {
    Files.createDirectories(DOCS);
    try (Stream<Path> files = Files.list(DOCS)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".md")).toList()) {
        if (!pages.containsKey(file.getFileName().toString())) {
          Files.delete(file);
        }
      }
    }
    for (Map.Entry<String, String> page : pages.entrySet()) {
      Files.writeString(DOCS.resolve(page.getKey()), page.getValue(), StandardCharsets.UTF_8);
    }
  }
}
