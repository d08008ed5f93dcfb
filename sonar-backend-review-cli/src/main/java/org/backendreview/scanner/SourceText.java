/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.scanner;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import javax.annotation.Nullable;

/**
 * A file's text as SonarQube reads it: UTF-8 (SonarQube's default source encoding), byte order mark removed, malformed
 * bytes replaced. Binary and oversized files are not read.
 *
 * @param content the text, null when the file is skipped
 * @param problem why the file is skipped, or what went wrong while decoding it; null when all is well
 */
record SourceText(@Nullable String content, @Nullable String problem) {

  private static final Pattern LINE_BREAK = Pattern.compile("\r\n|\r|\n");
  private static final int BINARY_PROBE = 8000;

  static SourceText read(Path path, long maxSize) throws IOException {
    long size = Files.size(path);
    if (size > maxSize) {
      return new SourceText(null, "file of " + (size / 1024) + " KiB is larger than the limit of " + (maxSize / 1024) + " KiB, skipped");
    }
    byte[] bytes = Files.readAllBytes(path);
    for (int i = 0; i < Math.min(bytes.length, BINARY_PROBE); i++) {
      if (bytes[i] == 0) {
        return new SourceText(null, "binary file (it contains NUL bytes), skipped");
      }
    }
    int offset = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
    try {
      String text = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset))
        .toString();
      return new SourceText(text, null);
    } catch (CharacterCodingException e) {
      String text = new String(bytes, offset, bytes.length - offset, StandardCharsets.UTF_8);
      return new SourceText(text, "is not valid UTF-8: analysed with the invalid bytes replaced");
    }
  }

  /** Physical lines, as SonarQube counts them. */
  static String[] lines(String content) {
    return LINE_BREAK.split(content, -1);
  }
}
