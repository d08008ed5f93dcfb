/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.plugin;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.backendreview.testing.PythonProject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Inside SonarQube and SonarLint a plugin sees only {@code org.sonar.plugins.python.api.**} of the python plugin.
 * Unit tests run with the whole python-frontend on the classpath, so a main class that uses an internal class
 * ({@code org.sonar.python.tree.TreeUtils}, the SSLR {@code TokenType} behind {@code Token.type()}, ...) passes every
 * test and fails with {@code NoClassDefFoundError} in production. This test reads the constant pool of every compiled
 * main class and fails on such references.
 */
class ApiOnlyGuardTest {

  static final List<String> FORBIDDEN = List.of("org/sonar/python/", "com/sonar/sslr/", "org/sonar/sslr/");

  @Test
  void main_classes_use_only_the_python_api() throws Exception {
    Path mainClasses = classesDirectory(BackendReviewPlugin.class);
    List<Path> classFiles = classFiles(mainClasses);
    assertThat(classFiles).as("compiled main classes").hasSizeGreaterThan(10);
    List<String> violations = new ArrayList<>();
    for (Path classFile : classFiles) {
      for (String reference : forbiddenReferences(classFile)) {
        violations.add(mainClasses.relativize(classFile) + " -> " + reference);
      }
    }
    assertThat(violations).as("references to python plugin internals (NoClassDefFoundError at runtime)").isEmpty();
  }

  @Test
  void the_guard_detects_internal_references() throws Exception {
    // test code may use internals: PythonProject does, so the guard must see it
    Path testClasses = classesDirectory(PythonProject.class);
    Path classFile = testClasses.resolve(PythonProject.class.getName().replace('.', '/') + ".class");
    assertThat(forbiddenReferences(classFile)).contains("org/sonar/python/TestPythonVisitorRunner");
  }

  static Path classesDirectory(Class<?> type) throws URISyntaxException {
    return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
  }

  static List<Path> classFiles(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(p -> p.toString().endsWith(".class")).sorted().toList();
    }
  }

  /** Internal names referenced from the class file's constant pool (class entries and type descriptors). */
  static TreeSet<String> forbiddenReferences(Path classFile) throws IOException {
    TreeSet<String> result = new TreeSet<>();
    for (String utf8 : utf8Constants(classFile)) {
      for (String prefix : FORBIDDEN) {
        int index = utf8.indexOf(prefix);
        while (index >= 0) {
          int end = index;
          while (end < utf8.length() && utf8.charAt(end) != ';' && utf8.charAt(end) != '<' && utf8.charAt(end) != ')') {
            end++;
          }
          result.add(utf8.substring(index, end));
          index = utf8.indexOf(prefix, end);
        }
      }
    }
    return result;
  }

  /** The CONSTANT_Utf8 entries of a class file (JVMS 4.4). */
  static List<String> utf8Constants(Path classFile) throws IOException {
    List<String> strings = new ArrayList<>();
    try (InputStream in = Files.newInputStream(classFile); DataInputStream data = new DataInputStream(in)) {
      if (data.readInt() != 0xCAFEBABE) {
        throw new IOException("Not a class file: " + classFile);
      }
      data.readUnsignedShort();
      data.readUnsignedShort();
      int count = data.readUnsignedShort();
      for (int i = 1; i < count; i++) {
        int tag = data.readUnsignedByte();
        switch (tag) {
          case 1 -> strings.add(data.readUTF());
          case 7, 8, 16, 19, 20 -> data.skipBytes(2);
          case 15 -> data.skipBytes(3);
          case 3, 4, 9, 10, 11, 12, 17, 18 -> data.skipBytes(4);
          case 5, 6 -> {
            data.skipBytes(8);
            i++;
          }
          default -> throw new IOException("Unknown constant pool tag " + tag + " in " + classFile);
        }
      }
    }
    return strings;
  }
}
