/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.docs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.backendreview.checks.RuleFamily;
import org.backendreview.plugin.BackendReviewProfile;
import org.backendreview.plugin.BackendReviewRulesDefinition;
import org.backendreview.plugin.RulesList;
import org.backendreview.plugin.TestRuntime;
import org.sonar.api.server.rule.RulesDefinition;
import org.sonarsource.analyzer.commons.BuiltInQualityProfileJsonLoader;
import org.sonarsource.analyzer.commons.internal.json.simple.JSONArray;
import org.sonarsource.analyzer.commons.internal.json.simple.JSONObject;
import org.sonarsource.analyzer.commons.internal.json.simple.parser.JSONParser;
import org.sonarsource.analyzer.commons.internal.json.simple.parser.ParseException;

/**
 * Generates {@code docs/rules/}: one Markdown page per rule and an index table, from the same metadata SonarQube
 * loads. {@link RuleDocsTest} fails when the committed pages differ from what this generates.
 */
public final class RuleDocs {

  private RuleDocs() {
  }

  /** File name to Markdown content, for every page of {@code docs/rules/}. */
  public static Map<String, String> generate() {
    RulesDefinition.Repository repository = TestRuntime.repository();
    Set<String> profile = BuiltInQualityProfileJsonLoader.loadActiveKeysFromJsonProfile(BackendReviewRulesDefinition.PROFILE_PATH);
    List<RulesDefinition.Rule> rules = new ArrayList<>(repository.rules());
    rules.sort(Comparator.comparing((RulesDefinition.Rule r) -> family(r.key())).thenComparing(RulesDefinition.Rule::key));
    Map<String, String> pages = new LinkedHashMap<>();
    pages.put("README.md", index(rules, profile));
    for (RulesDefinition.Rule rule : rules) {
      pages.put(rule.key() + ".md", page(rule, profile.contains(rule.key())));
    }
    return pages;
  }

  private static String index(List<RulesDefinition.Rule> rules, Set<String> profile) {
    StringBuilder md = new StringBuilder();
    md.append("# Backend Review rules\n\n");
    md.append("<!-- Generated from the rule metadata by RuleDocs; do not edit. Regenerate: see docs/README.md. -->\n\n");
    md.append(rules.size()).append(" rules in the `backendreview` repository (language `py`); ")
      .append(profile.size()).append(" of them are active in the built-in profile \"").append(BackendReviewProfile.NAME).append("\" (✔).\n\n");
    RuleFamily current = null;
    for (RulesDefinition.Rule rule : rules) {
      if (family(rule.key()) != current) {
        md.append(current == null ? "" : "\n");
        current = family(rule.key());
        md.append("## ").append(current.displayName()).append("\n\n");
        md.append("| Key | Title | Type | Severity | Impacts | OWASP 2021 | CWE | Tags | Framework | Matrix | Profile |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|---|\n");
      }
      JSONObject json = json(rule.key());
      md.append("| [").append(rule.key()).append("](").append(rule.key()).append(".md)")
        .append(" | ").append(escape(rule.name()))
        .append(" | ").append(rule.type())
        .append(" | ").append(rule.severity())
        .append(" | ").append(impacts(json))
        .append(" | ").append(String.join(", ", owasp2021(json)))
        .append(" | ").append(cwes(json).stream().map(c -> "CWE-" + c).collect(Collectors.joining(", ")))
        .append(" | ").append(String.join(", ", new TreeSet<>(rule.tags())))
        .append(" | ").append(String.join(", ", strings(json, "frameworks")))
        .append(" | ").append(json.get("ruleSpecification"))
        .append(" | ").append(profile.contains(rule.key()) ? "✔" : "")
        .append(" |\n");
    }
    return md.toString();
  }

  private static String page(RulesDefinition.Rule rule, boolean inProfile) {
    JSONObject json = json(rule.key());
    StringBuilder md = new StringBuilder();
    md.append("# ").append(rule.key()).append(": ").append(escape(rule.name())).append("\n\n");
    md.append("<!-- Generated from the rule metadata by RuleDocs; do not edit. -->\n\n");
    md.append("| | |\n|---|---|\n");
    md.append("| Key | `backendreview:").append(rule.key()).append("` |\n");
    md.append("| Type | ").append(rule.type()).append(" |\n");
    md.append("| Severity | ").append(rule.severity()).append(" |\n");
    md.append("| Impacts | ").append(impacts(json)).append(" |\n");
    md.append("| Clean Code attribute | ").append(((JSONObject) json.get("code")).get("attribute")).append(" |\n");
    md.append("| Tags | ").append(String.join(", ", new TreeSet<>(rule.tags()))).append(" |\n");
    md.append("| Frameworks | ").append(String.join(", ", strings(json, "frameworks"))).append(" |\n");
    JSONObject standards = (JSONObject) json.get("securityStandards");
    if (standards != null) {
      for (Object name : new TreeSet<>(standards.keySet())) {
        List<String> values = new ArrayList<>();
        ((JSONArray) standards.get(name)).forEach(v -> values.add(String.valueOf(v)));
        md.append("| ").append(name).append(" | ").append(String.join(", ", values)).append(" |\n");
      }
    }
    md.append("| Remediation | ").append(remediation(json)).append(" |\n");
    md.append("| Quick fix | ").append(json.getOrDefault("quickfix", "unknown")).append(" |\n");
    md.append("| Feature-matrix row | ").append(json.get("ruleSpecification")).append(" |\n");
    md.append("| In \"").append(BackendReviewProfile.NAME).append("\" | ").append(inProfile ? "yes" : "no").append(" |\n\n");
    if (!rule.params().isEmpty()) {
      md.append("## Parameters\n\n| Key | Default | Description |\n|---|---|---|\n");
      for (RulesDefinition.Param param : rule.params()) {
        md.append("| `").append(param.key()).append("` | `").append(escape(param.defaultValue() == null ? "" : param.defaultValue()))
          .append("` | ").append(escape(param.description())).append(" |\n");
      }
      md.append('\n');
    }
    md.append(HtmlToMarkdown.convert(html(rule.key())).strip()).append('\n');
    return md.toString();
  }

  /** The family of a rule, as {@link RuleFamily} declares it (families sort in declaration order). */
  private static RuleFamily family(String key) {
    return RulesList.checks().stream().filter(c -> c.getAnnotation(org.sonar.check.Rule.class).key().equals(key)).findFirst()
      .map(RuleFamily::of).orElseThrow();
  }

  private static String impacts(JSONObject json) {
    JSONObject impacts = (JSONObject) ((JSONObject) json.get("code")).get("impacts");
    return new TreeSet<String>(impacts.keySet()).stream().map(k -> k + ": " + impacts.get(k)).collect(Collectors.joining(", "));
  }

  private static String remediation(JSONObject json) {
    JSONObject remediation = (JSONObject) json.get("remediation");
    Object cost = remediation.getOrDefault("constantCost", remediation.get("linearFactor"));
    return remediation.get("func") + (cost == null ? "" : " " + cost);
  }

  private static List<String> owasp2021(JSONObject json) {
    JSONObject standards = (JSONObject) json.get("securityStandards");
    return standards == null ? List.of() : strings(standards, "OWASP Top 10 2021");
  }

  private static List<String> cwes(JSONObject json) {
    JSONObject standards = (JSONObject) json.get("securityStandards");
    return standards == null ? List.of() : strings(standards, "CWE");
  }

  private static List<String> strings(JSONObject json, String key) {
    List<String> result = new ArrayList<>();
    JSONArray array = (JSONArray) json.get(key);
    if (array != null) {
      array.forEach(v -> result.add(String.valueOf(v)));
    }
    return result;
  }

  private static String escape(String text) {
    return text.replace("|", "\\|");
  }

  static JSONObject json(String key) {
    try {
      return (JSONObject) new JSONParser().parse(resource(key + ".json"));
    } catch (ParseException e) {
      throw new IllegalStateException(e);
    }
  }

  static String html(String key) {
    return resource(key + ".html");
  }

  private static String resource(String name) {
    try (InputStream in = RuleDocs.class.getClassLoader().getResourceAsStream(BackendReviewRulesDefinition.RESOURCE_FOLDER + "/" + name)) {
      if (in == null) {
        throw new IllegalStateException("Missing " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Converts the small HTML subset of rule descriptions to Markdown. */
  static final class HtmlToMarkdown {

    private static final Pattern PRE = Pattern.compile("<pre[^>]*>\\n?(.*?)</pre>", Pattern.DOTALL);

    private HtmlToMarkdown() {
    }

    static String convert(String html) {
      List<String> blocks = new ArrayList<>();
      Matcher pre = PRE.matcher(html);
      StringBuilder withPlaceholders = new StringBuilder();
      while (pre.find()) {
        blocks.add("```python\n" + unescape(pre.group(1)).stripTrailing() + "\n```");
        pre.appendReplacement(withPlaceholders, Matcher.quoteReplacement("\n@@BLOCK" + (blocks.size() - 1) + "@@\n"));
      }
      pre.appendTail(withPlaceholders);
      String text = withPlaceholders.toString()
        .replaceAll("(?s)<h2>(.*?)</h2>", "\n## $1\n")
        .replaceAll("(?s)<h3>(.*?)</h3>", "\n### $1\n")
        .replaceAll("(?s)<h4>(.*?)</h4>", "\n#### $1\n")
        .replaceAll("(?s)<li>\\s*(.*?)\\s*</li>", "- $1\n")
        .replaceAll("</?ul>", "\n")
        .replaceAll("(?s)<a href=\"([^\"]*)\">(.*?)</a>", "[$2]($1)")
        .replaceAll("(?s)<code>(.*?)</code>", "`$1`")
        .replaceAll("(?s)</?(em|i)>", "*")
        .replaceAll("(?s)</?(strong|b)>", "**")
        .replaceAll("(?s)<p>\\s*(.*?)\\s*</p>", "\n$1\n");
      text = unescape(text);
      StringBuilder md = new StringBuilder();
      for (String paragraph : text.split("\\n\\s*\\n")) {
        String joined = paragraph.lines().map(String::strip).filter(l -> !l.isEmpty()).collect(Collectors.joining(paragraph.contains("- ") ? "\n" : " "));
        if (!joined.isEmpty()) {
          md.append(joined).append("\n\n");
        }
      }
      String result = md.toString();
      for (int i = 0; i < blocks.size(); i++) {
        result = result.replace("@@BLOCK" + i + "@@", blocks.get(i));
      }
      return result.replaceAll("\\n{3,}", "\n\n");
    }

    private static String unescape(String text) {
      return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&");
    }
  }

}
