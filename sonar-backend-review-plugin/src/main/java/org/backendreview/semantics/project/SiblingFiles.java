/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.semantics.project;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Facts extracted from the text of the {@code .py} files of one directory (the sibling migrations of a file), read from
 * disk. Each file's facts are cached by path and extractor, validated by size and modification time, so a long-lived
 * SonarLint process sees edits and new files; the directory listing itself is read on every call. Bounded; files above
 * 1 MB and unreadable files are skipped.
 */
public final class SiblingFiles {

  private static final long MAX_FILE_BYTES = 1_000_000;
  private static final int MAX_ENTRIES = 20_000;
  private static final int MAX_FILES = 5_000;
  private static final Map<Key, Entry> CACHE = new ConcurrentHashMap<>();

  static {
    AnalysisCache.registerProjectCache(CACHE::clear);
  }

  private record Key(Path path, String kind) {
  }

  private record Entry(long size, long modified, Optional<Object> facts) {
  }

  private SiblingFiles() {
  }

  /**
   * The facts of every {@code .py} file of the directory, by file name, in name order. {@code kind} names the extractor
   * (the cache key: one kind, one extractor); an extractor returning null skips the file.
   */
  public static <T> Map<String, T> facts(Path directory, String kind, Function<String, T> extractor) {
    Map<String, T> result = new TreeMap<>();
    FileReads.note(directory);
    try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*.py")) {
      int count = 0;
      for (Path file : files) {
        if (++count > MAX_FILES) {
          break;
        }
        read(file, kind, extractor).ifPresent(facts -> result.put(file.getFileName().toString(), facts));
      }
    } catch (IOException | RuntimeException e) {
      // unreadable directory: what was read so far
    }
    return result;
  }

  @SuppressWarnings("unchecked")
  private static <T> Optional<T> read(Path file, String kind, Function<String, T> extractor) {
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(file, BasicFileAttributes.class);
    } catch (IOException | SecurityException e) {
      return Optional.empty();
    }
    if (!attributes.isRegularFile() || attributes.size() > MAX_FILE_BYTES) {
      return Optional.empty();
    }
    long size = attributes.size();
    long modified = attributes.lastModifiedTime().toMillis();
    Key key = new Key(file, kind);
    Entry cached = CACHE.get(key);
    if (cached == null || cached.size() != size || cached.modified() != modified) {
      if (CACHE.size() >= MAX_ENTRIES) {
        CACHE.clear();
      }
      cached = new Entry(size, modified, text(file).map(t -> (Object) extractor.apply(t)));
      CACHE.put(key, cached);
    }
    return (Optional<T>) cached.facts();
  }

  /** The text of a file (UTF-8, else Latin-1), or empty when unreadable. */
  public static Optional<String> text(Path file) {
    FileReads.note(file);
    try {
      byte[] bytes = Files.readAllBytes(file);
      try {
        return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString());
      } catch (CharacterCodingException e) {
        return Optional.of(new String(bytes, StandardCharsets.ISO_8859_1));
      }
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
