/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.semantics.fastapi;

import org.backendreview.tree.Api;

/** The API names of FastAPI and of the Starlette classes it re-exports, declared once with their aliases. */
public final class FastApiApi {

  public static final Api HTTP_EXCEPTION = Api.of("fastapi.HTTPException", "fastapi.exceptions.HTTPException",
    "starlette.exceptions.HTTPException");
  public static final Api WEBSOCKET_EXCEPTION = Api.of("starlette.exceptions.WebSocketException", "fastapi.exceptions.WebSocketException");
  /** The validation errors FastAPI raises and answers itself (422 for requests, 500 for responses). */
  public static final Api VALIDATION_ERRORS = Api.of("fastapi.exceptions.RequestValidationError",
    "fastapi.exceptions.WebSocketRequestValidationError", "fastapi.exceptions.ResponseValidationError");
  /** The base response class. */
  /** The objects that take a {@code lifespan=} handler and offer the older {@code on_event} hooks. */
  public static final Api LIFESPAN_OWNERS = Api.of("fastapi.FastAPI", "fastapi.applications.FastAPI", "fastapi.APIRouter",
    "fastapi.routing.APIRouter", "starlette.applications.Starlette", "starlette.routing.Router");
  public static final Api RESPONSE = Api.of("starlette.responses.Response");
  /** JSON responses, including the orjson and ujson variants. */
  public static final Api JSON_RESPONSE = Api.of("starlette.responses.JSONResponse", "fastapi.responses.JSONResponse",
    "fastapi.responses.ORJSONResponse", "fastapi.responses.UJSONResponse");
  /** Text and HTML responses, and the base response class under its re-exported names. */
  public static final Api TEXT_RESPONSES = Api.of("starlette.responses.PlainTextResponse", "fastapi.responses.PlainTextResponse",
    "starlette.responses.HTMLResponse", "fastapi.responses.HTMLResponse", "fastapi.responses.Response", "fastapi.Response");

  /** The application classes, which take {@code debug=}. */
  public static final Api APPLICATIONS = Api.of("fastapi.FastAPI", "fastapi.applications.FastAPI", "starlette.applications.Starlette");
  /** Starlette's CORS middleware under its re-exported names. */
  public static final Api CORS_MIDDLEWARE = Api.of("starlette.middleware.cors.CORSMiddleware", "fastapi.middleware.cors.CORSMiddleware");
  /** The middleware declaration passed to {@code middleware=[...]}. */
  public static final Api MIDDLEWARE = Api.of("starlette.middleware.Middleware", "fastapi.middleware.Middleware");
  /** uvicorn's programmatic server start, which takes {@code reload=}. */
  public static final Api UVICORN_RUN = Api.of("uvicorn.run", "uvicorn.main.run");

  private FastApiApi() {
  }
}
