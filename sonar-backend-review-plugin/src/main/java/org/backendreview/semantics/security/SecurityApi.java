/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.semantics.security;

import org.backendreview.tree.Api;

/**
 * The API names of the cryptography and token libraries the authentication rules look for (the standard library's
 * {@code hmac}/{@code secrets}, PyJWT, python-jose, authlib, passlib and Django's password hashers), declared once with
 * their aliases.
 */
public final class SecurityApi {

  /** Keyed-hash constructors whose {@code digest()}/{@code hexdigest()} is a MAC. */
  public static final Api HMAC_NEW = Api.of("hmac.new", "hmac.HMAC");
  /** One-shot MAC functions. */
  public static final Api HMAC_DIGEST = Api.of("hmac.digest");
  /** Constant-time comparisons. */
  public static final Api CONSTANT_TIME_COMPARE = Api.of("hmac.compare_digest", "secrets.compare_digest",
    "django.utils.crypto.constant_time_compare");

  /** JWT encoders: PyJWT and python-jose ({@code jwt.encode(payload, key, algorithm)}). */
  public static final Api JWT_ENCODE = Api.of("jwt.encode", "jwt.api_jwt.encode", "jwt.api_jwt.PyJWT.encode", "jose.jwt.encode");
  /** JWT decoders: PyJWT and python-jose ({@code jwt.decode(token, key, algorithms, options, audience)}). */
  public static final Api JWT_DECODE = Api.of("jwt.decode", "jwt.api_jwt.decode", "jwt.api_jwt.PyJWT.decode", "jose.jwt.decode");

  private SecurityApi() {
  }
}
