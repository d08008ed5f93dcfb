/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.its.ruling;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A Debian binary package fetched at test time with {@code apt-get download} and unpacked with {@code dpkg -x}: real
 * third-party code that the repository never holds. Downloads are kept under the given cache directory (its/target/),
 * so a second run in the same checkout fetches nothing.
 */
public record DebianPackage(String name, String version, Path root) {

  public static DebianPackage fetch(String name, Path cache) {
    try {
      Path debs = Files.createDirectories(cache.resolve("debs"));
      Path deb = find(debs, name);
      if (deb == null) {
        run(debs, "apt-get", "download", name);
        deb = find(debs, name);
        if (deb == null) {
          throw new IllegalStateException("apt-get download " + name + " left no " + name + "_*.deb in " + debs);
        }
      }
      String version = run(debs, "dpkg-deb", "-f", deb.toString(), "Version").strip();
      Path root = cache.resolve("src").resolve(name + "_" + version.replace(':', '_'));
      if (!Files.isDirectory(root)) {
        Path partial = Files.createDirectories(cache.resolve("src").resolve(name + ".partial"));
        run(partial, "dpkg", "-x", deb.toString(), partial.toString());
        Files.move(partial, root);
      }
      return new DebianPackage(name, version, root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path find(Path dir, String name) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.getFileName().toString().startsWith(name + "_") && p.toString().endsWith(".deb")).findFirst().orElse(null);
    }
  }

  private static String run(Path dir, String... command) {
    try {
      Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
        throw new IllegalStateException(String.join(" ", command) + " failed (the ruling needs Debian's apt-get with package lists, "
          + "run apt-get update, and dpkg):\n" + output);
      }
      return output;
    } catch (IOException e) {
      throw new IllegalStateException(String.join(" ", command) + " cannot run: the ruling needs a Debian system with apt-get and dpkg (" + e.getMessage() + ")", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
