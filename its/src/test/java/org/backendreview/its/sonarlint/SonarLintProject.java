/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.its.sonarlint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.backendreview.its.common.ExpectedIssues;
import org.backendreview.its.common.Issue;
import org.backendreview.its.common.Its;
import org.backendreview.its.common.PluginMetadata;
import org.backendreview.its.common.Timings;
import org.sonarsource.sonarlint.core.rpc.protocol.backend.analysis.AnalyzeFilesAndTrackParams;
import org.sonarsource.sonarlint.core.rpc.protocol.backend.analysis.AnalyzeFilesResponse;
import org.sonarsource.sonarlint.core.rpc.protocol.backend.initialize.BackendCapability;
import org.sonarsource.sonarlint.core.rpc.protocol.client.issue.RaisedIssueDto;
import org.sonarsource.sonarlint.core.rpc.protocol.common.ClientFileDto;
import org.sonarsource.sonarlint.core.rpc.protocol.common.Language;
import org.sonarsource.sonarlint.core.test.utils.SonarLintBackendFixture.FakeSonarLintRpcClient;
import org.sonarsource.sonarlint.core.test.utils.SonarLintBackendFixture.SonarLintBackendBuilder;
import org.sonarsource.sonarlint.core.test.utils.SonarLintTestRpcServer;
import org.sonarsource.sonarlint.core.test.utils.junit5.SonarLintTestHarness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A sample project as an IDE shows it to sonarlint-core: its Python files, analysed the way the IDEs ask for it. */
final class SonarLintProject {

  /** Syncing downloads the 20 MB python plugin: far more than the harness' 5 s default. */
  static final Duration SYNC_TIMEOUT = Duration.ofMinutes(5);
  static final Duration ANALYSIS_TIMEOUT = Duration.ofMinutes(5);

  private final Path baseDir;
  private final String scope;
  private final List<Path> files;

  SonarLintProject(Path baseDir, String scope) {
    this.baseDir = baseDir;
    this.scope = scope;
    try (Stream<Path> walk = Files.walk(baseDir)) {
      this.files = walk.filter(p -> p.toString().endsWith(".py")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Path baseDir() {
    return baseDir;
  }

  String scope() {
    return scope;
  }

  /** The module's files as the IDE lists them (SonarPython indexes them all to resolve types across modules). */
  List<ClientFileDto> clientFiles() {
    return files.stream()
      .map(f -> new ClientFileDto(f.toUri(), baseDir.relativize(f), scope, false, "UTF-8", f, null, Language.PYTHON, true))
      .toList();
  }

  /** What a connected-mode test looks at: the client (logs, notifications) and the issues raised by file. */
  record Connected(FakeSonarLintRpcClient client, Map<String, List<RaisedIssueDto>> raised) {
  }

  /**
   * Connected mode as an IDE sets it up: a connection (fake or real server, given by {@code connection}), this project
   * bound to {@code projectKey}, Python enabled; waits for the synchronisation (plugins, profile), then analyses every
   * file.
   */
  Connected connectAndAnalyze(SonarLintTestHarness harness, String connectionId, String token, String projectKey,
    UnaryOperator<SonarLintBackendBuilder> connection, BackendCapability... capabilities) {
    FakeSonarLintRpcClient client = harness.newFakeClient().withInitialFs(scope, baseDir, clientFiles()).withToken(connectionId, token).build();
    SonarLintTestRpcServer backend = connection.apply(harness.newBackend())
      .withBackendCapability(capabilities)
      .withBoundConfigScope(scope, connectionId, projectKey)
      .withExtraEnabledLanguagesInConnectedMode(Language.PYTHON)
      .start(client);
    long t0 = System.nanoTime();
    await().atMost(SYNC_TIMEOUT).until(() -> client.getSynchronizedConfigScopeIds().contains(scope));
    Timings.record("SonarLint connected: synchronisation (" + scope + ")", System.nanoTime() - t0);
    return new Connected(client, analyzeAll(backend, client));
  }

  /**
   * Analyses every Python file of the project in one request, as an IDE's "analyse all files" does, and returns the raised
   * issues by project-relative path, with their full DTOs.
   */
  Map<String, List<RaisedIssueDto>> analyzeAll(SonarLintTestRpcServer backend, FakeSonarLintRpcClient client) {
    long t0 = System.nanoTime();
    List<URI> uris = files.stream().map(Path::toUri).toList();
    AnalyzeFilesResponse response = backend.getAnalysisService()
      .analyzeFilesAndTrack(new AnalyzeFilesAndTrackParams(scope, UUID.randomUUID(), uris, Map.of(), false, System.currentTimeMillis()))
      .orTimeout(ANALYSIS_TIMEOUT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS)
      .join();
    assertThat(response.getFailedAnalysisFiles()).as("files SonarLint failed to analyse").isEmpty();
    // issues come back through the client's raiseIssues notification, after tracking
    await().atMost(ANALYSIS_TIMEOUT).until(() -> client.getRaisedIssuesForScopeId(scope).keySet().containsAll(uris));
    Timings.record("SonarLint: analysis of " + uris.size() + " files (" + scope + ")", System.nanoTime() - t0);
    Map<String, List<RaisedIssueDto>> byFile = new HashMap<>();
    client.getRaisedIssuesForScopeId(scope).forEach((uri, issues) -> byFile.put(relative(uri), issues));
    return byFile;
  }

  /**
   * The expected findings SonarLint raises as issues: security hotspots of the expected-issue files are left out, since
   * SonarLint reports hotspots apart from issues (only in connected mode, through another RPC call).
   */
  static Set<Issue> withoutHotspots(Set<Issue> expected) {
    PluginMetadata plugin = PluginMetadata.of(Its.pluginJar());
    // our repository's issues only (SonarPython's, "python:S1234" in the files, are compared by the server and CLI ITs)
    return ExpectedIssues.filter(expected, i -> !i.rule().contains(":") && !"SECURITY_HOTSPOT".equals(plugin.rules().get(i.rule()).type()));
  }

  /** Our repository's issues among the raised ones, engine-neutral (comparable with the expected-issue files). */
  static Set<Issue> ours(Map<String, List<RaisedIssueDto>> byFile) {
    Set<Issue> issues = new TreeSet<>();
    byFile.forEach((file, raised) -> raised.stream()
      .filter(i -> i.getRuleKey().startsWith(PluginMetadata.REPOSITORY + ":"))
      .forEach(i -> issues.add(new Issue(file, i.getTextRange() == null ? 0 : i.getTextRange().getStartLine(),
        i.getRuleKey().substring(PluginMetadata.REPOSITORY.length() + 1), i.getPrimaryMessage()))));
    return issues;
  }

  private String relative(URI uri) {
    return baseDir.relativize(Path.of(uri)).toString().replace('\\', '/');
  }

  static String md5(Path file) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(Files.readAllBytes(file)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
