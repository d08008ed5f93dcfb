/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.semantics.fastapi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.backendreview.testing.Analysis;
import org.junit.jupiter.api.Test;
import org.sonar.plugins.python.api.tree.ClassDef;
import org.sonar.plugins.python.api.tree.FunctionDef;
import org.sonar.plugins.python.api.tree.Tree;

import static org.assertj.core.api.Assertions.assertThat;

class FastApiPydanticTest {

  private static final String CODE = """
    from typing import Annotated, Any
    from fastapi import APIRouter, Body, Depends, FastAPI, Header, Query, Request, UploadFile
    from pydantic import BaseModel, Field
    from pydantic_settings import BaseSettings

    app = FastAPI()
    router = APIRouter()

    class ItemIn(BaseModel):
        name: str = Field(max_length=3)
        tags: list[str] = []
        _private: int = 0

    class Settings(BaseSettings):
        secret_key: str

    class Plain:
        x: int

    @router.post("/items/{item_id}")
    async def create(item_id: int, item: ItemIn, q: str | None = None, raw: dict = Body(),
                     token: Annotated[str, Header()] = "", dep=Depends(lambda: 1), request: Request = None, f: UploadFile = None,
                     limit: int = Query(10, le=100)):
        pass

    @app.api_route("/x", methods=["PUT", "PATCH"])
    def x():
        pass

    @app.websocket("/ws")
    async def ws(websocket):
        pass

    def not_a_route():
        pass
    """;

  @Test
  void routes_and_parameter_kinds() {
    Map<String, String> routes = new LinkedHashMap<>();
    Analysis.onEach("main.py", CODE, Tree.Kind.FUNCDEF, (tree, ctx) -> {
      FunctionDef function = (FunctionDef) tree;
      routes.put(function.name().name(), FastApi.route(function).map(r -> {
        List<String> params = new ArrayList<>();
        FastApi.params(r).forEach(p -> params.add(p.parameter().name().name() + ":" + p.kind()));
        return new java.util.TreeSet<>(r.methods()) + (r.websocket() ? " ws" : "") + " " + params;
      }).orElse("-"));
    });
    assertThat(routes).containsEntry("create", "[POST] [item_id:PATH, item:BODY, q:QUERY, raw:BODY, token:HEADER, dep:DEPENDENCY, "
      + "request:FRAMEWORK, f:FILE, limit:QUERY]")
      .containsEntry("x", "[PATCH, PUT] []")
      .containsEntry("ws", "[] ws [websocket:QUERY]")
      .containsEntry("not_a_route", "-");
  }

  @Test
  void pydantic_models_settings_and_fields() {
    Map<String, String> classes = new LinkedHashMap<>();
    Analysis.onEach("main.py", CODE, Tree.Kind.CLASSDEF, (tree, ctx) -> {
      ClassDef classDef = (ClassDef) tree;
      classes.put(classDef.name().name(), Pydantic.isModelClassDef(classDef) + " " + Pydantic.isSettingsClassDef(classDef) + " "
        + Pydantic.fields(classDef).stream().map(f -> f.name().name() + (f.defaultValue() != null && Pydantic.isFieldCall(f.defaultValue()) ? "=Field" : "")).toList());
    });
    assertThat(classes).containsEntry("ItemIn", "true false [name=Field, tags]")
      .containsEntry("Settings", "true true [secret_key]")
      .containsEntry("Plain", "false false [x]");
  }
}
