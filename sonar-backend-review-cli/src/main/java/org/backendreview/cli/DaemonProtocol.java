/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.cli;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.annotation.Nullable;

/**
 * What the {@link DaemonClient} and the {@link Daemon} say to each other over a Unix domain socket, and where the
 * sockets live. Kept to {@code java.base} so that the client loads almost nothing.
 *
 * <p>A request: the magic number, the kind ({@link #SCAN}, {@link #STATUS}, {@link #STOP}), the working directory, the
 * arguments and the environment variables the command reads. The answer: frames (a type byte, a length, the bytes) of
 * standard output and standard error, then one {@link #EXIT} frame with the exit code, or one {@link #FAIL} frame
 * (the daemon could not do the scan: the client runs it without the daemon).
 */
final class DaemonProtocol {

  static final int MAGIC = 0x42524431; // "BRD1"
  static final int SCAN = 1;
  static final int STATUS = 2;
  static final int STOP = 3;

  static final byte OUT = 1;
  static final byte ERR = 2;
  static final byte EXIT = 3;
  static final byte FAIL = 4;

  /** The environment variables the command reads (the daemon's own environment is not the user's). */
  static final List<String> ENVIRONMENT_PREFIXES = List.of("BACKEND_REVIEW_");
  static final List<String> ENVIRONMENT_NAMES = List.of("NO_COLOR");

  private DaemonProtocol() {
  }

  /** A request to the daemon. */
  record Request(int kind, String cwd, List<String> args, Map<String, String> env) {

    void write(DataOutputStream out) throws IOException {
      out.writeInt(MAGIC);
      out.writeInt(kind);
      writeString(out, cwd);
      out.writeInt(args.size());
      for (String arg : args) {
        writeString(out, arg);
      }
      out.writeInt(env.size());
      for (Map.Entry<String, String> e : env.entrySet()) {
        writeString(out, e.getKey());
        writeString(out, e.getValue());
      }
      out.flush();
    }

    static Request read(DataInputStream in) throws IOException {
      if (in.readInt() != MAGIC) {
        throw new IOException("not a backend-review request");
      }
      int kind = in.readInt();
      String cwd = readString(in);
      int count = count(in);
      List<String> args = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        args.add(readString(in));
      }
      count = count(in);
      Map<String, String> env = new LinkedHashMap<>();
      for (int i = 0; i < count; i++) {
        env.put(readString(in), readString(in));
      }
      return new Request(kind, cwd, args, env);
    }
  }

  /** The variables of {@code environment} that the command reads. */
  static Map<String, String> relevantEnvironment(Map<String, String> environment) {
    Map<String, String> result = new LinkedHashMap<>();
    environment.forEach((name, value) -> {
      if (ENVIRONMENT_NAMES.contains(name) || ENVIRONMENT_PREFIXES.stream().anyMatch(name::startsWith)) {
        result.put(name, value);
      }
    });
    return result;
  }

  static void writeFrame(DataOutputStream out, byte type, byte[] bytes, int offset, int length) throws IOException {
    synchronized (out) {
      out.writeByte(type);
      out.writeInt(length);
      out.write(bytes, offset, length);
      out.flush();
    }
  }

  static void writeExit(DataOutputStream out, byte type, int code, String message) throws IOException {
    byte[] bytes = (code + " " + message).getBytes(StandardCharsets.UTF_8);
    writeFrame(out, type, bytes, 0, bytes.length);
  }

  /** An output stream that sends what is written as frames of one type. */
  static OutputStream frames(DataOutputStream out, byte type) {
    return new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        if (len > 0) {
          writeFrame(out, type, b, off, len);
        }
      }
    };
  }

  private static void writeString(DataOutputStream out, String value) throws IOException {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  static String readString(DataInputStream in) throws IOException {
    return new String(readBytes(in), StandardCharsets.UTF_8);
  }

  static byte[] readBytes(DataInputStream in) throws IOException {
    int length = count(in);
    byte[] bytes = new byte[length];
    in.readFully(bytes);
    return bytes;
  }

  private static int count(DataInputStream in) throws IOException {
    int count = in.readInt();
    if (count < 0 || count > 64 << 20) {
      throw new EOFException("bad length " + count);
    }
    return count;
  }

  /**
   * The per-user directory of the daemons' sockets, created with mode 0700: {@code $XDG_RUNTIME_DIR/backend-review},
   * else {@code ~/.cache/backend-review/daemons}; {@code BACKEND_REVIEW_DAEMON_DIR} overrides both (tests).
   */
  static Path directory(Map<String, String> env) throws IOException {
    String override = env.get("BACKEND_REVIEW_DAEMON_DIR");
    String runtime = env.get("XDG_RUNTIME_DIR");
    Path dir;
    if (override != null && !override.isEmpty()) {
      dir = Path.of(override);
    } else if (runtime != null && !runtime.isEmpty() && Files.isDirectory(Path.of(runtime))) {
      dir = Path.of(runtime, "backend-review");
    } else {
      dir = Path.of(System.getProperty("user.home"), ".cache", "backend-review", "daemons");
    }
    return privateDirectory(dir);
  }

  /** Creates the directory (mode 0700) or checks that an existing one is the user's and private. */
  static Path privateDirectory(Path dir) throws IOException {
    Path absolute = dir.toAbsolutePath().normalize();
    if (!Files.isDirectory(absolute)) {
      Path parent = absolute.getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      try {
        Files.createDirectory(absolute, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      } catch (java.nio.file.FileAlreadyExistsException e) {
        // created meanwhile by another client: checked below
      }
    }
    try {
      if (!Files.getOwner(absolute).equals(currentUser())) {
        throw new IOException(absolute + " belongs to another user");
      }
      var permissions = Files.getPosixFilePermissions(absolute);
      if (!permissions.equals(PosixFilePermissions.fromString("rwx------"))) {
        Files.setPosixFilePermissions(absolute, PosixFilePermissions.fromString("rwx------"));
      }
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: nothing to check
    }
    return absolute;
  }

  /** This process's user, as the file system names owners. */
  static java.nio.file.attribute.UserPrincipal currentUser() throws IOException {
    return java.nio.file.FileSystems.getDefault().getUserPrincipalLookupService().lookupPrincipalByName(System.getProperty("user.name"));
  }

  /**
   * The daemon's socket for this jar, Java and JVM options: a rebuilt jar (size, modification time) or other options get
   * another daemon.
   */
  static Path socket(Path dir, Path jar, String java, List<String> jvmOptions) {
    List<String> parts = new ArrayList<>();
    parts.add(jar.toAbsolutePath().normalize().toString());
    try {
      parts.add(Files.size(jar) + "@" + Files.getLastModifiedTime(jar).toMillis());
    } catch (IOException e) {
      parts.add("?");
    }
    parts.add(java);
    parts.addAll(jvmOptions);
    return dir.resolve("d-" + sha256(String.join("\n", parts)).substring(0, 24) + ".sock");
  }

  static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The jar this class was loaded from, null when run from class directories (tests). */
  @Nullable
  static Path ownJar() {
    try {
      var source = DaemonProtocol.class.getProtectionDomain().getCodeSource();
      if (source == null) {
        return null;
      }
      Path path = Path.of(source.getLocation().toURI());
      return Files.isRegularFile(path) ? path : null;
    } catch (java.net.URISyntaxException | RuntimeException e) {
      return null;
    }
  }

  static boolean isTrue(@Nullable String value) {
    return value != null && !value.isEmpty() && !value.equals("0") && !value.equalsIgnoreCase("false") && !value.equalsIgnoreCase("no");
  }
}
