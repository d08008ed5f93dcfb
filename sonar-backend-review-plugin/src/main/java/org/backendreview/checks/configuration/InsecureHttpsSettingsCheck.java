/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.configuration;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.backendreview.semantics.django.DjangoSettingsModel.Config;
import org.backendreview.semantics.django.DjangoSettingsModel.Known;
import org.backendreview.semantics.project.ModuleSummary.Num;
import org.backendreview.semantics.project.ModuleSummary.Seq;
import org.backendreview.semantics.project.ModuleSummary.Str;
import org.backendreview.semantics.project.ModuleSummary.Value;
import org.sonar.check.Rule;

/**
 * HTTPS transport in a deployed Django configuration ({@code check --deploy} W004, W008, and what W005/W021 advise):
 * <ul>
 *   <li>a configuration that is certainly deployed (named production/staging, or by {@code wsgi.py}/{@code asgi.py})
 *   whose settings are all statically known and that neither redirects HTTP to HTTPS ({@code SECURE_SSL_REDIRECT}) nor
 *   sends HSTS ({@code SECURE_HSTS_SECONDS}): one issue per configuration, on its own module;</li>
 *   <li>a {@code SECURE_PROXY_SSL_HEADER} Django can never match: a header name written as the HTTP header
 *   ({@code X-Forwarded-Proto}) instead of its {@code request.META} key ({@code HTTP_X_FORWARDED_PROTO}).</li>
 * </ul>
 * Values read from the environment, set in a conditional block, or a configuration with an unresolved star import are
 * unknown: silent; so is a configuration whose {@code SILENCED_SYSTEM_CHECKS} names W004 or W008. One of the two protections is enough (TLS terminated at a proxy that redirects still needs HSTS, or
 * Django redirects).
 */
@Rule(key = "InsecureHttpsSettings")
public class InsecureHttpsSettingsCheck extends DeployableSettingsCheck {

  static final String SSL_REDIRECT = "SECURE_SSL_REDIRECT";
  static final String HSTS_SECONDS = "SECURE_HSTS_SECONDS";
  static final String PROXY_SSL_HEADER = "SECURE_PROXY_SSL_HEADER";

  @Override
  protected void checkConfiguration(Scope scope) {
    Config config = scope.config();
    proxyHeader(scope, config);
    if (!config.certainlyDeployed() || config.open() || !scope.isLeaf() || silenced(config, "security.W004", "security.W008")) {
      return;
    }
    Optional<Boolean> redirect = offOrAbsent(config, SSL_REDIRECT, v -> isBool(v, false));
    Optional<Boolean> hsts = offOrAbsent(config, HSTS_SECONDS, InsecureHttpsSettingsCheck::isZero);
    if (redirect.isEmpty() || hsts.isEmpty()) {
      // one of them is on, or unknown
      return;
    }
    List<Known> explicit = new ArrayList<>();
    config.known(SSL_REDIRECT).ifPresent(explicit::add);
    config.known(HSTS_SECONDS).ifPresent(explicit::add);
    String message = "\"" + config.moduleName() + "\" serves HTTP: set SECURE_SSL_REDIRECT = True and SECURE_HSTS_SECONDS "
      + "(e.g. 31536000, with SECURE_HSTS_INCLUDE_SUBDOMAINS once every subdomain serves HTTPS) so that browsers never send "
      + "cookies and credentials in clear text.";
    scope.reportOnce(explicit, "SECURE_PROXY_SSL_HEADER", message, "set here");
  }

  /** Present (true) when the setting is off, or absent (false, Django's default is off); empty when on or unknown. */
  private static Optional<Boolean> offOrAbsent(Config config, String name, java.util.function.Predicate<Value> off) {
    if (config.isAbsent(name)) {
      return Optional.of(false);
    }
    Optional<Known> known = config.known(name);
    return known.isPresent() && off.test(known.get().value()) ? Optional.of(true) : Optional.empty();
  }

  private static boolean isZero(Value value) {
    return value instanceof Num n && n.text().matches("0+") || value instanceof org.backendreview.semantics.project.ModuleSummary.NoneValue;
  }

  private static void proxyHeader(Scope scope, Config config) {
    Optional<Known> known = config.known(PROXY_SSL_HEADER);
    if (known.isEmpty() || !(known.get().value() instanceof Seq seq) || seq.elements().size() != 2
      || !(seq.elements().get(0) instanceof Str header)) {
      return;
    }
    String name = header.value();
    String upper = name.toUpperCase(Locale.ROOT).replace('-', '_');
    boolean headerForm = name.contains("-") || !name.startsWith("HTTP_") && (upper.startsWith("X_") || upper.startsWith("HTTP_"));
    if (headerForm) {
      String meta = upper.startsWith("HTTP_") ? upper : "HTTP_" + upper;
      scope.reportAt(known.get(), header.range(), "Write \"" + meta + "\" in SECURE_PROXY_SSL_HEADER of \"" + config.moduleName()
        + "\": Django looks the header up in request.META, so \"" + name + "\" never matches and every request looks like HTTP.");
    }
  }
}
