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

  /** Fast, unsalted digests: fine for checksums, far too fast for passwords. */
  public static final Api FAST_HASHES = Api.of("hashlib.md5", "hashlib.sha1", "hashlib.sha224", "hashlib.sha256", "hashlib.sha384",
    "hashlib.sha512", "hashlib.sha3_256", "hashlib.sha3_512", "hashlib.blake2b", "hashlib.blake2s", "hashlib.new");
  /** The digest constructor that takes the algorithm's name first ({@code hashlib.new("md5", data)}). */
  public static final Api HASHLIB_NEW = Api.of("hashlib.new");
  /** The standard library's Mersenne Twister: predictable, never for secrets. */
  public static final Api WEAK_RANDOM = Api.of("random.random", "random.randint", "random.randrange", "random.choice", "random.choices",
    "random.sample", "random.getrandbits", "random.uniform", "random.randbytes");
  /** Time-and-MAC-address UUIDs: guessable. */
  public static final Api UUID1 = Api.of("uuid.uuid1");
  /** Random UUIDs: 122 random bits from {@code os.urandom}, unless cut short. */
  public static final Api UUID4 = Api.of("uuid.uuid4");
  /** passlib's weak password hash schemes ({@code passlib.hash.md5_crypt.hash(pw)}). */
  public static final Api PASSLIB_WEAK_SCHEMES = Api.of("passlib.hash.md5_crypt", "passlib.hash.apr_md5_crypt", "passlib.hash.des_crypt",
    "passlib.hash.bsdi_crypt", "passlib.hash.bigcrypt", "passlib.hash.crypt16", "passlib.hash.ldap_md5", "passlib.hash.ldap_sha1",
    "passlib.hash.ldap_salted_md5", "passlib.hash.ldap_salted_sha1", "passlib.hash.hex_md5", "passlib.hash.hex_sha1",
    "passlib.hash.hex_sha256", "passlib.hash.hex_sha512", "passlib.hash.plaintext", "passlib.hash.ldap_plaintext", "passlib.hash.mysql323",
    "passlib.hash.mysql41", "passlib.hash.postgres_md5", "passlib.hash.oracle10", "passlib.hash.lmhash", "passlib.hash.nthash");
  /** passlib's scheme names for the same weak schemes ({@code CryptContext(schemes=["md5_crypt"])}). */
  public static final java.util.Set<String> PASSLIB_WEAK_SCHEME_NAMES = PASSLIB_WEAK_SCHEMES.fqns().stream()
    .map(fqn -> fqn.substring("passlib.hash.".length())).collect(java.util.stream.Collectors.toUnmodifiableSet());
  /** passlib's policy object. */
  public static final Api PASSLIB_CRYPT_CONTEXT = Api.of("passlib.context.CryptContext", "passlib.CryptContext");
  /** Django's password hashing helpers: a value they return is a hash, not a raw password. */
  public static final Api DJANGO_MAKE_PASSWORD = Api.of("django.contrib.auth.hashers.make_password");

  /** The standard library's logging functions ({@code logging.info(...)}). */
  public static final Api LOGGING_FUNCTIONS = Api.of("logging.debug", "logging.info", "logging.warning", "logging.warn", "logging.error",
    "logging.exception", "logging.critical", "logging.fatal", "logging.log");
  /** Logger factories and ready-made loggers: stdlib logging, structlog, loguru. */
  public static final Api LOGGER_FACTORIES = Api.of("logging.getLogger", "logging.getLoggerClass", "structlog.get_logger", "structlog.getLogger",
    "structlog.stdlib.get_logger", "celery.utils.log.get_task_logger", "celery.utils.log.get_logger");
  /** Ready-made logger objects. */
  public static final Api LOGGER_OBJECTS = Api.of("loguru.logger", "loguru._logger.Logger", "logging.Logger", "logging.LoggerAdapter",
    "logging.root", "structlog.stdlib.BoundLogger");

  /** MAC functions whose first argument is the key ({@code hmac.new(key, msg, digestmod)}, {@code hmac.digest(key, msg, digest)}). */
  public static final Api HMAC_KEYED = Api.anyOf(HMAC_NEW, HMAC_DIGEST);

  private SecurityApi() {
  }
}
