/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.scanner.cache;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A directory of cache entries, one file per key: safe when several scans share it and when a scan is interrupted.
 * <ul>
 *   <li>An entry is written to a temporary file of the same directory, then renamed over its name (an atomic move): a
 *   reader sees a whole entry or none, and two writers of one key both write the same value.</li>
 *   <li>Each entry starts with a header and the SHA-256 of its payload: a truncated or damaged entry is reported once
 *   (through the warning callback), deleted and read as a miss, never as data.</li>
 *   <li>The directory is bounded: after a scan, when its entries exceed the limit, the least recently used ones (a hit
 *   refreshes an entry's modification time) are deleted down to 80 % of it. Temporary files an interrupted scan left
 *   are deleted after an hour.</li>
 * </ul>
 * Keys are hex digests (callers hash whatever identifies an entry); I/O errors make the cache a no-op, never a failure.
 */
public final class CacheStore {

  /** The default bound of a cache directory. */
  public static final long DEFAULT_MAX_BYTES = 256L * 1024 * 1024;

  private static final String MAGIC = "backend-review-cache 1\n";
  private static final String TEMP_SUFFIX = ".tmp";
  private static final long STALE_TEMP_MILLIS = 3_600_000L;

  private final Path directory;
  private final long maxBytes;
  private final Consumer<String> warnings;

  private CacheStore(Path directory, long maxBytes, Consumer<String> warnings) {
    this.directory = directory;
    this.maxBytes = maxBytes;
    this.warnings = warnings;
  }

  /** Opens (creating it) a cache directory; empty, with a warning, when it cannot be created or written. */
  public static Optional<CacheStore> open(Path directory, long maxBytes, Consumer<String> warnings) {
    try {
      Files.createDirectories(directory);
      Path tag = directory.resolve("CACHEDIR.TAG");
      if (!Files.exists(tag)) {
        writeAtomically(directory, tag, ("Signature: 8a477f597d28d172789f06886806bc55\n"
          + "# This directory is a cache of backend-review (docs/cli.md): it can be deleted at any time.\n").getBytes(StandardCharsets.UTF_8));
        writeAtomically(directory, directory.resolve(".gitignore"), "*\n".getBytes(StandardCharsets.UTF_8));
      }
      return Optional.of(new CacheStore(directory, maxBytes, warnings));
    } catch (IOException | RuntimeException e) {
      warnings.accept("cannot use the cache directory " + directory + " (" + e.getMessage() + "): scanning without a cache");
      return Optional.empty();
    }
  }

  public Path directory() {
    return directory;
  }

  /** The payload of an entry, or empty when there is none (or it was damaged: then it is deleted, with a warning). */
  public Optional<byte[]> read(String key) {
    Path file = fileOf(key);
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
    byte[] magic = MAGIC.getBytes(StandardCharsets.UTF_8);
    int header = magic.length + 65;
    if (bytes.length < header || !Arrays.equals(bytes, 0, magic.length, magic, 0, magic.length) || bytes[header - 1] != '\n') {
      return damaged(file);
    }
    String checksum = new String(bytes, magic.length, 64, StandardCharsets.US_ASCII);
    byte[] payload = Arrays.copyOfRange(bytes, header, bytes.length);
    if (!checksum.equals(sha256Hex(payload))) {
      return damaged(file);
    }
    try {
      Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis()));
    } catch (IOException | RuntimeException e) {
      // read-only cache: still usable
    }
    return Optional.of(payload);
  }

  /** Reports and forgets an entry whose content does not match its checksum (or could not be decoded by the caller). */
  public Optional<byte[]> damaged(String key) {
    return damaged(fileOf(key));
  }

  private Optional<byte[]> damaged(Path file) {
    warnings.accept("damaged cache entry " + file + " ignored and deleted");
    try {
      Files.deleteIfExists(file);
    } catch (IOException | RuntimeException e) {
      // another scan may have replaced it
    }
    return Optional.empty();
  }

  /** Writes an entry (atomically); an I/O error leaves the entry out. */
  public void write(String key, byte[] payload) {
    Path file = fileOf(key);
    byte[] magic = MAGIC.getBytes(StandardCharsets.UTF_8);
    byte[] checksum = (sha256Hex(payload) + "\n").getBytes(StandardCharsets.US_ASCII);
    byte[] bytes = new byte[magic.length + checksum.length + payload.length];
    System.arraycopy(magic, 0, bytes, 0, magic.length);
    System.arraycopy(checksum, 0, bytes, magic.length, checksum.length);
    System.arraycopy(payload, 0, bytes, magic.length + checksum.length, payload.length);
    try {
      Files.createDirectories(file.getParent());
      writeAtomically(file.getParent(), file, bytes);
    } catch (IOException | RuntimeException e) {
      // a full disk or a read-only directory: this entry is not cached
    }
  }

  private static void writeAtomically(Path directory, Path file, byte[] bytes) throws IOException {
    Path temp = Files.createTempFile(directory, file.getFileName().toString() + ".", TEMP_SUFFIX);
    try {
      Files.write(temp, bytes);
      try {
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /** Deletes the least recently used entries while the directory is over its bound, and stale temporary files. */
  public void trim() {
    record Entry(Path path, long size, long used) {
    }
    List<Entry> entries = new ArrayList<>();
    long total = 0;
    long now = System.currentTimeMillis();
    try (DirectoryStream<Path> shards = Files.newDirectoryStream(directory, Files::isDirectory)) {
      for (Path shard : shards) {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(shard)) {
          for (Path file : files) {
            try {
              long size = Files.size(file);
              long used = Files.getLastModifiedTime(file).toMillis();
              if (file.getFileName().toString().endsWith(TEMP_SUFFIX)) {
                if (now - used > STALE_TEMP_MILLIS) {
                  Files.deleteIfExists(file);
                }
                continue;
              }
              entries.add(new Entry(file, size, used));
              total += size;
            } catch (IOException | RuntimeException e) {
              // deleted meanwhile by another scan
            }
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      return;
    }
    if (total <= maxBytes) {
      return;
    }
    entries.sort((a, b) -> Long.compare(a.used(), b.used()));
    long target = maxBytes / 10 * 8;
    for (Entry entry : entries) {
      if (total <= target) {
        break;
      }
      try {
        Files.deleteIfExists(entry.path());
      } catch (IOException | RuntimeException e) {
        // in use elsewhere: next one
      }
      total -= entry.size();
    }
  }

  private Path fileOf(String key) {
    if (key.length() < 8 || !key.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
      throw new IllegalArgumentException("cache keys are lower-case hex digests: " + key);
    }
    return directory.resolve(key.substring(0, 2)).resolve(key.substring(2));
  }

  /** The SHA-256 of some bytes, in lower-case hex. */
  public static String sha256Hex(byte[] bytes) {
    return HexFormat.of().formatHex(sha256().digest(bytes));
  }

  /** A SHA-256 of several parts (each length-prefixed, so no two lists of parts collide), in lower-case hex. */
  public static String sha256Hex(List<String> parts) {
    MessageDigest digest = sha256();
    for (String part : parts) {
      byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
      digest.update((bytes.length + ":").getBytes(StandardCharsets.UTF_8));
      digest.update(bytes);
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
