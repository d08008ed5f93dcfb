/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.semantics.fastapi;

import org.backendreview.tree.Api;

/** The API names of Pydantic (v1 and v2), declared once with their aliases. */
public final class PydanticApi {

  /** The v1 field validator decorator (deprecated in v2). */
  public static final Api VALIDATOR = Api.of("pydantic.validator", "pydantic.class_validators.validator");
  /** The v1 model validator decorator (deprecated in v2). */
  public static final Api ROOT_VALIDATOR = Api.of("pydantic.root_validator", "pydantic.class_validators.root_validator");
  /** The v2 field validator decorator. */
  public static final Api FIELD_VALIDATOR = Api.of("pydantic.field_validator", "pydantic.functional_validators.field_validator");
  /** The v1 compatibility namespace of Pydantic v2. */
  public static final String V1_MODULE = "pydantic.v1";
  /** The top-level module. */
  public static final String MODULE = "pydantic";

  /** Secret types: their value is hidden in {@code repr()} and dumps. */
  public static final Api SECRET_TYPES = Api.of("pydantic.SecretStr", "pydantic.types.SecretStr", "pydantic.SecretBytes",
    "pydantic.types.SecretBytes", "pydantic.v1.SecretStr", "pydantic.v1.types.SecretStr");

  private PydanticApi() {
  }
}
