/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.semantics.django;

import java.util.List;
import java.util.Set;

/** Names written in Django settings: middleware and app paths, password hashers (the settings' own vocabulary). */
public final class DjangoSettingsApi {

  public static final String SECURITY_MIDDLEWARE = "django.middleware.security.SecurityMiddleware";
  public static final String SESSION_MIDDLEWARE = "django.contrib.sessions.middleware.SessionMiddleware";
  public static final String COMMON_MIDDLEWARE = "django.middleware.common.CommonMiddleware";
  public static final String CSRF_MIDDLEWARE = "django.middleware.csrf.CsrfViewMiddleware";
  public static final String AUTHENTICATION_MIDDLEWARE = "django.contrib.auth.middleware.AuthenticationMiddleware";
  public static final String XFRAME_MIDDLEWARE = "django.middleware.clickjacking.XFrameOptionsMiddleware";
  /** django-cors-headers' middleware. */
  public static final String CORS_MIDDLEWARE = "corsheaders.middleware.CorsMiddleware";
  /** The file names SonarPython's S4507 and S4502 read as Django settings. */
  public static final Set<String> SONAR_WAY_SETTINGS_FILES = Set.of("settings.py", "global_settings.py");
  public static final String ADMIN_APP = "django.contrib.admin";
  public static final String DEBUG_TOOLBAR_APP = "debug_toolbar";
  public static final String DEBUG_TOOLBAR_MIDDLEWARE = "debug_toolbar.middleware.DebugToolbarMiddleware";
  /** Middleware that replace Django's CSRF middleware (subclasses shipped by well-known packages). */
  public static final Set<String> CSRF_REPLACEMENTS = Set.of("django_otp.middleware.OTPMiddleware");
  /** The password hashers Django documents as insecure (kept for legacy passwords only). */
  public static final List<String> WEAK_HASHERS = List.of(
    "django.contrib.auth.hashers.MD5PasswordHasher",
    "django.contrib.auth.hashers.UnsaltedMD5PasswordHasher",
    "django.contrib.auth.hashers.SHA1PasswordHasher",
    "django.contrib.auth.hashers.UnsaltedSHA1PasswordHasher",
    "django.contrib.auth.hashers.CryptPasswordHasher");
  public static final String AUTH_APP = "django.contrib.auth";
  /** Django REST framework's app and the classes its settings name. */
  public static final String DRF_APP = "rest_framework";
  public static final String DRF_BASIC_AUTHENTICATION = "rest_framework.authentication.BasicAuthentication";
  /** django-cors-headers' app. */
  public static final String CORS_APP = "corsheaders";

  /** The session serializer that unpickles the session data (removed in Django 5.0). */
  public static final Set<String> PICKLE_SESSION_SERIALIZERS = Set.of("django.contrib.sessions.serializers.PickleSerializer");
  public static final String JSON_SESSION_SERIALIZER = "django.contrib.sessions.serializers.JSONSerializer";
  public static final String SESSIONS_APP = "django.contrib.sessions";
  /** Content-Security-Policy: django-csp's app and middleware, Django 6.0's middleware, and the settings that configure them. */
  public static final Set<String> CSP_APPS_AND_MIDDLEWARE = Set.of("csp", "csp.middleware.CSPMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware");
  public static final List<String> CSP_SETTING_PREFIXES = List.of("CSP_", "CONTENT_SECURITY_POLICY", "SECURE_CSP");
  /** The PostgreSQL database backends (Django's, PostGIS, and the connection-pooling wrappers that delegate to them). */
  public static final Set<String> POSTGRES_ENGINES = Set.of("django.db.backends.postgresql", "django.db.backends.postgresql_psycopg2",
    "django.contrib.gis.db.backends.postgis");
  /** The Django URL functions that mount a prefix and the admin site's URLs. */
  public static final org.backendreview.tree.Api URL_ROUTES = org.backendreview.tree.Api.of("django.urls.path", "django.urls.re_path",
    "django.urls.conf.path", "django.urls.conf.re_path", "django.conf.urls.url");
  public static final org.backendreview.tree.Api ADMIN_SITE = org.backendreview.tree.Api.of("django.contrib.admin.site",
    "django.contrib.admin.sites.site");

  private DjangoSettingsApi() {
  }
}
