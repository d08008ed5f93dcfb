/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.its.server;

import com.google.gson.JsonObject;
import com.sonar.orchestrator.build.BuildResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.backendreview.its.common.ExpectedIssues;
import org.backendreview.its.common.Issue;
import org.backendreview.its.common.Its;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.backendreview.its.server.WebApi.objects;

/**
 * Code our checks must survive (its/projects/robustness): files that do not parse, Python 2 (SonarPython's grammar
 * accepts print statements, backticks, {@code except X, e}: our checks run on those trees), mixed tabs and spaces,
 * Latin-1, unusual syntax, and a generated 50,000-line module (written under target/, not committed).
 */
@Tag("server")
@ExtendWith(SonarQubeExtension.class)
class RobustnessIT {

  static final String PROJECT = "robustness";
  static final int BIG_MODULE_LINES = 50_000;
  /** The files SonarPython cannot parse. */
  static final List<String> UNPARSEABLE = List.of("broken/unbalanced.py", "broken/truncated_class.py");

  /** The committed project as it is: parse errors are reported and skipped, our checks raise what they should. */
  @Test
  void files_that_do_not_parse_are_skipped_and_our_checks_run_on_the_rest(SonarQubeServer server) {
    String key = "its-" + PROJECT;
    WebApi.allRulesProfile(server);
    WebApi.provision(server, key, WebApi.ALL_RULES_PROFILE);

    BuildResult result = server.scan(Its.project(PROJECT), key, Map.of());
    String logs = result.getLogs();

    assertThat(result.isSuccess()).as("analysis failed:%n%s", logs).isTrue();
    // SonarPython logs an exception thrown while analysing a file as "Unable to analyze file", with its stack trace
    assertThat(logs).doesNotContain("Unable to analyze file").doesNotContain("org.backendreview");
    for (String file : UNPARSEABLE) {
      assertThat(logs.lines().filter(l -> l.contains("Unable to parse file") && l.contains(file))).as("parse error reported for " + file).isNotEmpty();
    }
    assertThat(logs.lines().filter(l -> l.contains("Unable to parse file"))).as("parse errors").hasSize(UNPARSEABLE.size());
    ExpectedIssues.verifyServerScan(PROJECT, WebApi.issues(server, key));
  }

  /**
   * With {@code sonar.internal.analysis.failFast=true} SonarPython rethrows any exception met while analysing a file
   * and the analysis fails. A file that does not parse fails it too (in SonarPython's indexer), so this analysis leaves
   * the two unparseable files out: everything else, the 50,000-line module included, goes through all our checks
   * without a single exception, and they report issues down to the module's last lines.
   */
  @Test
  void fail_fast_analysis_with_a_50000_line_module(SonarQubeServer server) throws IOException {
    String key = "its-" + PROJECT + "-failfast";
    Path project = copyProject(key);
    GeneratedModule big = GeneratedModule.write(project.resolve("generated/big_module.py"), BIG_MODULE_LINES);
    WebApi.allRulesProfile(server);
    WebApi.provision(server, key, WebApi.ALL_RULES_PROFILE);

    BuildResult result = server.scan(project, key, Map.of("sonar.internal.analysis.failFast", "true", "sonar.exclusions", String.join(",", UNPARSEABLE)));

    assertThat(result.isSuccess()).as("fail-fast analysis failed:%n%s", result.getLogs()).isTrue();
    assertThat(result.getLogs()).doesNotContain("Unable to parse file").doesNotContain("Unable to analyze file");
    assertThat(Files.readAllLines(server.ceLog())).as("compute engine log").noneMatch(l -> l.contains(" ERROR "));

    JsonObject measures = server.get("api/measures/component", "component", key + ":generated/big_module.py", "metricKeys", "lines")
      .getAsJsonObject("component");
    assertThat(objects(measures.getAsJsonArray("measures")))
      .singleElement().satisfies(m -> assertThat(m.get("value").getAsInt()).as("lines of the generated module").isGreaterThanOrEqualTo(BIG_MODULE_LINES));

    Set<Issue> issues = WebApi.issues(server, key);
    assertThat(issues).filteredOn(i -> i.file().equals("generated/big_module.py") && i.rule().equals("ReadModifyWriteWithoutF"))
      .extracting(Issue::line).containsExactlyInAnyOrderElementsOf(big.readModifyWriteLines());
    assertThat(issues).filteredOn(i -> i.file().equals("generated/big_module.py") && i.rule().equals("DuplicateModuleConstant"))
      .extracting(Issue::line).containsExactlyInAnyOrderElementsOf(big.duplicateConstantLines());
    // the profile also runs SonarPython's rules (python:...); of ours, exactly the generated defects are raised
    assertThat(issues).filteredOn(i -> i.file().equals("generated/big_module.py") && !i.rule().startsWith("python:"))
      .hasSize(big.readModifyWriteLines().size() + big.duplicateConstantLines().size());
    assertThat(issues).filteredOn(i -> i.file().equals("generated/big_module.py") && i.rule().startsWith("python:")).isNotEmpty();
  }

  /** A copy of the committed project under target/, to add the generated module to. */
  private static Path copyProject(String name) throws IOException {
    Path source = Its.project(PROJECT);
    Path target = Its.targetDir().resolve("robustness-projects").resolve(name);
    if (Files.exists(target)) {
      try (Stream<Path> walk = Files.walk(target)) {
        for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
    try (Stream<Path> walk = Files.walk(source)) {
      for (Path p : walk.toList()) {
        Path dest = target.resolve(source.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(dest);
        } else {
          Files.copy(p, dest, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
    return target;
  }

  /**
   * A long Django module of repeated blocks (a model, a view, module constants); every tenth block has a
   * read-modify-write and a redundant constant, so the issues are known line by line.
   */
  record GeneratedModule(List<Integer> readModifyWriteLines, List<Integer> duplicateConstantLines) {

    static GeneratedModule write(Path file, int minLines) throws IOException {
      StringBuilder out = new StringBuilder("# Generated by RobustnessIT: a 50,000-line module\nfrom django.db import models\n\n");
      int line = 3;
      List<Integer> rmw = new ArrayList<>();
      List<Integer> dup = new ArrayList<>();
      for (int n = 0; line < minLines; n++) {
        boolean marked = n % 10 == 0;
        String[] block = {
          "",
          "class Model" + n + "(models.Model):",
          "    total = models.IntegerField(default=0)",
          "    label = models.CharField(max_length=" + (n % 200 + 1) + ")",
          "",
          "",
          "def handler_" + n + "(request, pk, step=1):",
          "    obj = Model" + n + ".objects.get(pk=pk)",
          marked ? "    obj.total += step" : "    obj.total = step",
          "    obj.save()",
          "    values = [obj.total * i for i in range(" + (n % 7 + 1) + ") if i % 2 == 0]",
          "    return {\"pk\": pk, \"values\": values, \"label\": obj.label or \"block " + n + "\"}",
          "",
          "",
          "LIMIT_" + n + " = " + n,
          marked ? "LIMIT_" + n + " = " + n : "LIMIT_" + n + "_MAX = " + (n + 1),
        };
        for (int i = 0; i < block.length; i++) {
          line++;
          if (marked && i == 8) {
            rmw.add(line);
          }
          if (marked && i == 15) {
            dup.add(line);
          }
          out.append(block[i]).append('\n');
        }
      }
      Files.createDirectories(file.getParent());
      Files.writeString(file, out, StandardCharsets.UTF_8);
      return new GeneratedModule(List.copyOf(rmw), List.copyOf(dup));
    }
  }
}
