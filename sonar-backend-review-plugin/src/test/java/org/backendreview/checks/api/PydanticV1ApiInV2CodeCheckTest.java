/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.api;

import org.backendreview.testing.CheckVerifier;
import org.backendreview.testing.QuickFixVerifier;
import org.backendreview.testing.Samples;
import org.junit.jupiter.api.Test;

class PydanticV1ApiInV2CodeCheckTest {

  @Test
  void v1_api_in_v2_modules() {
    CheckVerifier.verify(Samples.project("api/pydanticV1ApiInV2Code"), new PydanticV1ApiInV2CodeCheck());
  }

  private static final String V2 = """
    from pydantic import BaseModel, ConfigDict

    class Item(BaseModel):
        model_config = ConfigDict(frozen=True)
        name: str

    """;

  @Test
  void quick_fixes_rename_methods_that_take_the_same_arguments() {
    QuickFixVerifier.verify(new PydanticV1ApiInV2CodeCheck(),
      V2 + "def f(item: Item):\n    return item.dict(exclude_none=True)\n",
      V2 + "def f(item: Item):\n    return item.model_dump(exclude_none=True)\n");
    QuickFixVerifier.verify(new PydanticV1ApiInV2CodeCheck(),
      V2 + "def f(raw):\n    return Item.parse_obj(raw)\n",
      V2 + "def f(raw):\n    return Item.model_validate(raw)\n");
    QuickFixVerifier.verify(new PydanticV1ApiInV2CodeCheck(),
      V2 + "def f(row):\n    return Item.from_orm(row)\n",
      V2 + "def f(row):\n    return Item.model_validate(row, from_attributes=True)\n");
  }

  @Test
  void no_quick_fix_when_an_argument_changed_meaning() {
    QuickFixVerifier.verifyNoQuickFixes(new PydanticV1ApiInV2CodeCheck(), V2 + "def f(item: Item):\n    return item.json(encoder=str)\n");
    QuickFixVerifier.verifyNoQuickFixes(new PydanticV1ApiInV2CodeCheck(), V2 + "def f(item: Item):\n    return item.copy(include={'name'})\n");
    QuickFixVerifier.verifyNoQuickFixes(new PydanticV1ApiInV2CodeCheck(), V2 + "def f(raw):\n    return Item.parse_raw(raw, content_type='json')\n");
  }
}
