/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.semantics.flask;

import org.backendreview.tree.Api;

/**
 * The API names of Flask, and of the Werkzeug and MarkupSafe objects it re-exports, declared once with their aliases:
 * the request proxy (source of request data), the responses and helpers that are sinks or sanitizers of the taint rules.
 */
public final class FlaskApi {

  /** The global request proxy: {@code request.args/form/values/json/cookies/headers/files/get_json()/get_data()}. */
  public static final Api REQUEST = Api.of("flask.request", "flask.globals.request");
  /** The request classes (a parameter typed with one holds the request). */
  public static final Api REQUEST_CLASSES = Api.of("flask.Request", "flask.wrappers.Request", "werkzeug.wrappers.Request",
    "werkzeug.wrappers.request.Request");
  /** Redirect responses. */
  public static final Api REDIRECT = Api.of("flask.redirect", "flask.helpers.redirect", "werkzeug.utils.redirect");
  /** Responses whose body is HTML unless a mimetype says otherwise. */
  public static final Api RESPONSES = Api.of("flask.make_response", "flask.helpers.make_response", "flask.Response",
    "flask.wrappers.Response", "werkzeug.wrappers.Response");
  /** Templates compiled from a string. */
  public static final Api RENDER_TEMPLATE_STRING = Api.of("flask.render_template_string", "flask.templating.render_template_string");
  /** Markup marked safe. */
  public static final Api MARKUP = Api.of("flask.Markup", "markupsafe.Markup", "jinja2.Markup");
  /** HTML escaping. */
  public static final Api ESCAPE = Api.of("flask.escape", "markupsafe.escape", "jinja2.escape");
  /** File responses: a path ({@code send_file}) or a directory ({@code send_from_directory}). */
  public static final Api SEND_FILE = Api.of("flask.send_file", "flask.helpers.send_file", "werkzeug.utils.send_file");
  public static final Api SEND_FROM_DIRECTORY = Api.of("flask.send_from_directory", "flask.helpers.send_from_directory");
  /** Path helpers that keep a file name inside a directory. */
  public static final Api SAFE_JOIN = Api.of("flask.safe_join", "flask.helpers.safe_join", "werkzeug.security.safe_join",
    "werkzeug.utils.safe_join");
  public static final Api SECURE_FILENAME = Api.of("werkzeug.utils.secure_filename", "werkzeug.secure_filename");

  private FlaskApi() {
  }
}
