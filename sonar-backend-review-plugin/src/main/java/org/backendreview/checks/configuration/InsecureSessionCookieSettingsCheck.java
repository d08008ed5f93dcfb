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
import org.backendreview.semantics.django.DjangoSettingsApi;
import org.backendreview.semantics.django.DjangoSettingsModel.Config;
import org.backendreview.semantics.django.DjangoSettingsModel.Known;
import org.backendreview.semantics.project.ModuleSummary.Str;
import org.sonar.check.Rule;

/**
 * Session and CSRF cookie settings of a deployed Django configuration ({@code check --deploy} W010–W016):
 * <ul>
 *   <li>{@code SESSION_COOKIE_HTTPONLY = False} (scripts can read the session id), a {@code SameSite=None} cookie
 *   that is not {@code Secure} (browsers reject it), the pickle session serializer: in every deployable configuration,
 *   at the assignment;</li>
 *   <li>{@code SESSION_COOKIE_SECURE} / {@code CSRF_COOKIE_SECURE} not {@code True} in a configuration that is certainly
 *   deployed (named production/staging, or by {@code wsgi.py}/{@code asgi.py}), uses sessions (the sessions app or
 *   middleware) or the CSRF middleware, and whose settings are all statically known: one issue per configuration.</li>
 * </ul>
 * Values read from the environment are unknown: silent. A warning named in {@code SILENCED_SYSTEM_CHECKS} is not reported.
 */
@Rule(key = "InsecureSessionCookieSettings")
public class InsecureSessionCookieSettingsCheck extends DeployableSettingsCheck {

  @Override
  protected void checkConfiguration(Scope scope) {
    Config config = scope.config();
    String module = config.moduleName();
    config.known("SESSION_COOKIE_HTTPONLY").filter(k -> isBool(k.value(), false) && !silenced(config, "security.W013", "security.W014", "security.W015")).ifPresent(k -> scope.reportAt(k, k.statement(),
      "Remove SESSION_COOKIE_HTTPONLY = False from \"" + module + "\": any script injected into a page can then read the session id."));
    config.known("SESSION_SERIALIZER").filter(k -> k.value() instanceof Str s && DjangoSettingsApi.PICKLE_SESSION_SERIALIZERS.contains(s.value()))
      .ifPresent(k -> scope.reportAt(k, k.statement(), "Use \"" + DjangoSettingsApi.JSON_SESSION_SERIALIZER + "\" in \"" + module
        + "\": unpickling session data runs code of whoever can sign a session (a leaked SECRET_KEY, a writable cache)."));
    sameSiteNone(scope, config, "SESSION_COOKIE");
    sameSiteNone(scope, config, "CSRF_COOKIE");
    if (config.certainlyDeployed() && !config.open() && scope.isLeaf()) {
      secureFlags(scope, config);
    }
  }

  private static void sameSiteNone(Scope scope, Config config, String cookie) {
    Optional<Known> sameSite = config.known(cookie + "_SAMESITE").filter(k -> k.value() instanceof Str s && "none".equals(s.value().toLowerCase(Locale.ROOT)));
    String secure = cookie + "_SECURE";
    if (sameSite.isPresent() && (config.isAbsent(secure) || config.known(secure).filter(k -> isBool(k.value(), false)).isPresent())) {
      scope.reportAt(sameSite.get(), sameSite.get().statement(), "Set " + secure + " = True in \"" + config.moduleName() + "\": browsers "
        + "reject a SameSite=None cookie that is not Secure, and over HTTP it would travel in clear text.");
    }
  }

  private static void secureFlags(Scope scope, Config config) {
    List<String> missing = new ArrayList<>();
    List<Known> explicit = new ArrayList<>();
    boolean sessions = uses(config, "INSTALLED_APPS", DjangoSettingsApi.SESSIONS_APP) || uses(config, "MIDDLEWARE", DjangoSettingsApi.SESSION_MIDDLEWARE);
    boolean csrf = uses(config, "MIDDLEWARE", DjangoSettingsApi.CSRF_MIDDLEWARE) && config.isAbsent("CSRF_USE_SESSIONS");
    if (sessions && !silenced(config, "security.W010", "security.W011", "security.W012") && notSecure(config, "SESSION_COOKIE_SECURE", explicit)) {
      missing.add("SESSION_COOKIE_SECURE");
    }
    if (csrf && !silenced(config, "security.W016") && notSecure(config, "CSRF_COOKIE_SECURE", explicit)) {
      missing.add("CSRF_COOKIE_SECURE");
    }
    if (missing.isEmpty()) {
      return;
    }
    String message = "Set " + String.join(" and ", missing.stream().map(m -> m + " = True").toList()) + " in \"" + config.moduleName()
      + (missing.size() == 2 ? "\": without them the browser also sends the session and CSRF cookies over plain HTTP, where anyone on the network can read them."
        : "\": without it the browser also sends the " + cookieName(missing.get(0)) + " over plain HTTP, where anyone on the network can read it.");
    scope.reportOnce(explicit, "MIDDLEWARE", message, "set to False here");
  }

  private static String cookieName(String setting) {
    return setting.startsWith("SESSION") ? "session cookie" : "CSRF cookie";
  }

  /** True when the flag is absent or a literal False (then added to {@code explicit}); false when on or unknown. */
  private static boolean notSecure(Config config, String name, List<Known> explicit) {
    if (config.isAbsent(name)) {
      return true;
    }
    Optional<Known> known = config.known(name).filter(k -> isBool(k.value(), false));
    known.ifPresent(explicit::add);
    return known.isPresent();
  }

  private static boolean uses(Config config, String list, String entry) {
    return strings(config, list).filter(l -> l.contains(entry) || l.stream().anyMatch(e -> e.startsWith(entry + ".apps."))).isPresent();
  }
}
