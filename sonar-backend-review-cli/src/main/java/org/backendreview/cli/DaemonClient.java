/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.cli;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.annotation.Nullable;

/**
 * The client of the resident scanner ({@link Daemon}), started by the launcher for {@code scan --daemon}: sends the
 * working directory, the arguments and the environment variables the command reads, relays standard error as it comes
 * and standard output at the end (so that a scan run again without the daemon never prints a report twice), and exits
 * with the scan's exit code. It starts the daemon when none answers. When the daemon cannot be reached or fails, it
 * says so in one line and exits with {@link #FALLBACK}: the launcher then runs the scan in a fresh JVM.
 *
 * <p>Usage (the launcher's): {@code DaemonClient --java JAVA [--opt JVM_OPTION]... -- scan ARGS...} or
 * {@code -- daemon status|stop}. Loads only this class and {@link DaemonProtocol}.
 */
public final class DaemonClient {

  /** The exit code that tells the launcher to run the scan without the daemon (sysexits' EX_TEMPFAIL). */
  static final int FALLBACK = 75;
  private static final long START_TIMEOUT_MILLIS = 60_000;

  /** How a conversation with the daemon ended: an exit code, or why there is none. */
  record Outcome(int code, @Nullable String failure, boolean connected) {
    boolean ok() {
      return failure == null;
    }
  }

  private DaemonClient() {
  }

  public static void main(String[] args) {
    OutputStream out = new FileOutputStream(FileDescriptor.out);
    OutputStream err = new FileOutputStream(FileDescriptor.err);
    int code;
    try {
      code = run(args, Map.copyOf(System.getenv()), out, err);
    } catch (IOException | RuntimeException e) {
      line(err, "the daemon failed (" + e + "): scanning without it");
      code = FALLBACK;
    }
    System.exit(code);
  }

  static int run(String[] args, Map<String, String> env, OutputStream out, OutputStream err) throws IOException {
    String java = null;
    List<String> jvmOptions = new ArrayList<>();
    int i = 0;
    for (; i < args.length && !args[i].equals("--"); i++) {
      switch (args[i]) {
        case "--java" -> java = args[++i];
        case "--opt" -> jvmOptions.add(args[++i]);
        default -> throw new IllegalArgumentException("unknown client option " + args[i]);
      }
    }
    List<String> command = List.of(args).subList(Math.min(i + 1, args.length), args.length);
    Path dir = DaemonProtocol.directory(env);
    if (!command.isEmpty() && command.get(0).equals("daemon")) {
      return control(dir, command.size() > 1 ? command.get(1) : "status", out, err);
    }
    Path jar = DaemonProtocol.ownJar();
    if (jar == null || java == null) {
      line(err, "the daemon needs the scanner's jar and a java command: scanning without it");
      return FALLBACK;
    }
    Path socket = DaemonProtocol.socket(dir, jar, java, jvmOptions);
    var request = new DaemonProtocol.Request(DaemonProtocol.SCAN, Path.of("").toAbsolutePath().toString(), command,
      DaemonProtocol.relevantEnvironment(env));
    Outcome outcome = send(socket, request, out, err);
    if (!outcome.connected()) {
      String failure = start(socket, jar, java, jvmOptions);
      if (failure != null) {
        line(err, failure + ": scanning without it");
        return FALLBACK;
      }
      outcome = send(socket, request, out, err);
    }
    if (!outcome.ok()) {
      line(err, outcome.failure() + ": scanning without it");
      return FALLBACK;
    }
    return outcome.code();
  }

  /**
   * Sends the request and relays the answer: standard error as it comes, standard output once the exit code arrived.
   * Not connected: nobody listens on the socket.
   */
  static Outcome send(Path socket, DaemonProtocol.Request request, OutputStream out, OutputStream err) {
    SocketChannel channel;
    try {
      channel = SocketChannel.open(StandardProtocolFamily.UNIX);
    } catch (IOException | UnsupportedOperationException e) {
      return new Outcome(0, "Unix domain sockets are not available (" + e.getMessage() + ")", true);
    }
    try (channel) {
      try {
        channel.connect(UnixDomainSocketAddress.of(socket));
      } catch (IOException e) {
        return new Outcome(0, "no daemon answers", false);
      }
      DataOutputStream requestStream = new DataOutputStream(new java.io.BufferedOutputStream(Channels.newOutputStream(channel)));
      request.write(requestStream);
      DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(Channels.newInputStream(channel)));
      ByteArrayOutputStream stdout = new ByteArrayOutputStream();
      while (true) {
        byte type = in.readByte();
        byte[] bytes = DaemonProtocol.readBytes(in);
        switch (type) {
          case DaemonProtocol.OUT -> stdout.write(bytes);
          case DaemonProtocol.ERR -> {
            err.write(bytes);
            err.flush();
          }
          case DaemonProtocol.EXIT -> {
            stdout.writeTo(out);
            out.flush();
            String text = new String(bytes, StandardCharsets.UTF_8);
            return new Outcome(Integer.parseInt(text.substring(0, text.indexOf(' '))), null, true);
          }
          case DaemonProtocol.FAIL -> {
            String text = new String(bytes, StandardCharsets.UTF_8);
            return new Outcome(0, "the daemon " + text.substring(text.indexOf(' ') + 1), true);
          }
          default -> throw new IOException("unknown frame " + type);
        }
      }
    } catch (EOFException e) {
      return new Outcome(0, "the daemon stopped before the end of the scan", true);
    } catch (IOException | RuntimeException e) {
      return new Outcome(0, "the daemon failed (" + e.getMessage() + ")", true);
    }
  }

  /** Starts a daemon on the socket (detached: its own session, output to a log beside the socket); null when it answers. */
  @Nullable
  private static String start(Path socket, Path jar, String java, List<String> jvmOptions) {
    String name = socket.getFileName().toString();
    Path log = socket.resolveSibling(name.substring(0, name.length() - ".sock".length()) + ".log");
    List<String> command = new ArrayList<>();
    for (String setsid : List.of("/usr/bin/setsid", "/bin/setsid")) {
      if (Files.isExecutable(Path.of(setsid))) {
        command.add(setsid);
        break;
      }
    }
    command.add(java);
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", jar.toString(), "org.backendreview.cli.Daemon", socket.toString(), jar.toString()));
    Process process;
    try {
      process = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    } catch (IOException e) {
      return "the daemon could not be started (" + e.getMessage() + ")";
    }
    long deadline = System.currentTimeMillis() + START_TIMEOUT_MILLIS;
    while (System.currentTimeMillis() < deadline) {
      if (answers(socket)) {
        return null;
      }
      if (!process.isAlive() && process.exitValue() != 0) {
        return "the daemon did not start (see " + log + ")";
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return "interrupted";
      }
    }
    return "the daemon did not answer within " + START_TIMEOUT_MILLIS / 1000 + " s (see " + log + ")";
  }

  private static boolean answers(Path socket) {
    if (!Files.exists(socket)) {
      return false;
    }
    try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
      channel.connect(UnixDomainSocketAddress.of(socket));
      new DaemonProtocol.Request(DaemonProtocol.STATUS, "", List.of(), Map.of())
        .write(new DataOutputStream(Channels.newOutputStream(channel)));
      DataInputStream in = new DataInputStream(Channels.newInputStream(channel));
      while (in.readByte() != DaemonProtocol.EXIT) {
        DaemonProtocol.readBytes(in);
      }
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** {@code daemon status} and {@code daemon stop}: every daemon of this user. */
  private static int control(Path dir, String what, OutputStream out, OutputStream err) throws IOException {
    int kind = switch (what) {
      case "status" -> DaemonProtocol.STATUS;
      case "stop" -> DaemonProtocol.STOP;
      default -> {
        line(err, "unknown daemon command \"" + what + "\": use status or stop");
        yield -1;
      }
    };
    if (kind < 0) {
      return 2;
    }
    int found = 0;
    try (DirectoryStream<Path> sockets = Files.newDirectoryStream(dir, "d-*.sock")) {
      for (Path socket : sockets) {
        Outcome outcome = send(socket, new DaemonProtocol.Request(kind, "", List.of(), Map.of()), out, err);
        if (outcome.connected() && outcome.ok()) {
          found++;
        }
      }
    }
    if (found == 0) {
      out.write(("No backend-review daemon runs (" + dir + ").\n").getBytes(StandardCharsets.UTF_8));
      out.flush();
    }
    return 0;
  }

  private static void line(OutputStream err, String message) {
    try {
      err.write(("backend-review: " + message + "\n").getBytes(StandardCharsets.UTF_8));
      err.flush();
    } catch (IOException e) {
      // nowhere to say it
    }
  }
}
