/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.scanner;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.annotation.Nullable;

/** Plain text out of the rule descriptions' small, regular HTML. */
final class Html {

  private static final Pattern PARAGRAPH = Pattern.compile("<p>(.*?)</p>", Pattern.DOTALL);
  private static final Pattern TAG = Pattern.compile("<[^>]+>");
  private static final Pattern SPACES = Pattern.compile("\\s+");

  private Html() {
  }

  /** The first {@code <p>} after the first {@code <h2>} whose text starts with {@code heading} (the first of all when null). */
  static String firstParagraph(String html, @Nullable String heading) {
    int from = 0;
    if (heading != null) {
      Matcher h2 = Pattern.compile("<h2>\\s*" + Pattern.quote(heading)).matcher(html);
      if (!h2.find()) {
        return "";
      }
      from = h2.end();
    }
    Matcher p = PARAGRAPH.matcher(html);
    return p.find(from) ? text(p.group(1)) : "";
  }

  /** Tags removed, entities decoded, white space collapsed. */
  static String text(String html) {
    String text = TAG.matcher(html).replaceAll("");
    text = text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&nbsp;", " ")
      .replace("&amp;", "&");
    return SPACES.matcher(text).replaceAll(" ").strip();
  }
}
