/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.semantics.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.backendreview.semantics.web.RequestHandlers.Handler;
import org.backendreview.testing.Analysis;
import org.junit.jupiter.api.Test;
import org.sonar.plugins.python.api.tree.FunctionDef;
import org.sonar.plugins.python.api.tree.Tree;

import static org.assertj.core.api.Assertions.assertThat;

class RequestHandlersTest {

  /** function name to "FRAMEWORK METHODS request-param", or "-" when not a handler. */
  private static Map<String, String> handlers(String fileName, String code) {
    Map<String, String> result = new LinkedHashMap<>();
    Analysis.onEach(fileName, code, Tree.Kind.FUNCDEF, (tree, ctx) -> {
      FunctionDef function = (FunctionDef) tree;
      Optional<Handler> handler = RequestHandlers.of(function, ctx);
      var owner = org.backendreview.tree.Trees.methodOwner(function);
      String name = (owner == null ? "" : owner.name().name() + ".") + function.name().name();
      result.put(name, handler.map(h -> h.framework() + " " + new java.util.TreeSet<>(h.httpMethods())
        + " " + (h.requestParameter() == null ? "none" : h.requestParameter().name())).orElse("-"));
    });
    return result;
  }

  @Test
  void fastapi_path_operations() {
    Map<String, String> result = handlers("main.py", """
      from fastapi import APIRouter, FastAPI, Request
      from fastapi import FastAPI as App

      app = FastAPI()
      router = APIRouter(prefix="/items")
      other = App()

      @app.get("/items/{item_id}")
      async def read_item(item_id: int):
          return {}

      @router.post("/")
      def create_item(request: Request, payload: dict):
          return {}

      @other.api_route("/x", methods=["PUT", "PATCH"])
      async def update(x: int):
          pass

      @app.middleware("http")
      async def middleware(request: Request, call_next):
          return await call_next(request)

      def helper(request):
          pass
      """);
    assertThat(result).containsEntry("read_item", "FASTAPI [GET] none")
      .containsEntry("create_item", "FASTAPI [POST] request")
      .containsEntry("update", "FASTAPI [PATCH, PUT] none")
      .containsEntry("middleware", "-")
      .containsEntry("helper", "-");
  }

  @Test
  void drf_views_and_viewsets() {
    Map<String, String> result = handlers("api.py", """
      from rest_framework import generics, viewsets
      from rest_framework.decorators import action, api_view
      from rest_framework.views import APIView

      @api_view(["GET", "POST"])
      def orders(request):
          pass

      class OrderView(APIView):
          def get(self, request, pk):
              pass
          def helper(self):
              pass

      class Base(viewsets.ModelViewSet):
          pass

      class OrderViewSet(Base):
          def list(self, request):
              pass
          @action(detail=True, methods=["post"])
          def cancel(self, request, pk=None):
              pass
          def get_queryset(self):
              pass

      class NotAView:
          def get(self, request):
              pass
      """);
    assertThat(result).containsEntry("orders", "DRF [GET, POST] request")
      .containsEntry("OrderView.get", "DRF [GET] request")
      .containsEntry("OrderView.helper", "-")
      .containsEntry("OrderViewSet.list", "DRF [] request")
      .containsEntry("OrderViewSet.cancel", "DRF [] request")
      .containsEntry("OrderViewSet.get_queryset", "-")
      .containsEntry("NotAView.get", "-");
  }

  @Test
  void django_class_based_and_function_views() {
    Map<String, String> result = handlers("views.py", """
      from django.contrib.auth.decorators import login_required
      from django.views import View
      from django.views.decorators.http import require_POST, require_http_methods
      from django.views.generic import ListView

      class Dashboard(View):
          def post(self, request):
              pass

      class Orders(ListView):
          def dispatch(self, request, *args, **kwargs):
              pass

      @require_POST
      def delete_order(request, pk):
          pass

      @require_http_methods(["GET", "HEAD"])
      def show(request):
          pass

      def index(request):
          pass

      def not_a_view(user):
          pass
      """);
    assertThat(result).containsEntry("Dashboard.post", "DJANGO [POST] request")
      .containsEntry("Orders.dispatch", "DJANGO [] request")
      .containsEntry("delete_order", "DJANGO [POST] request")
      .containsEntry("show", "DJANGO [GET, HEAD] request")
      .containsEntry("index", "DJANGO [] request")
      .containsEntry("not_a_view", "-");
  }

  @Test
  void request_functions_outside_views_modules_need_a_decorator_or_a_route() {
    Map<String, String> result = handlers("utils.py", """
      from django.contrib.auth.decorators import login_required

      def client_ip(request):
          return request.META.get("REMOTE_ADDR")

      @login_required
      def profile(request):
          pass
      """);
    assertThat(result).containsEntry("client_ip", "-").containsEntry("profile", "DJANGO [] request");
  }

  @Test
  void flask_routes() {
    Map<String, String> result = handlers("app.py", """
      from flask import Flask
      app = Flask(__name__)

      @app.route("/a", methods=["POST"])
      def a():
          pass

      @app.get("/b")
      def b():
          pass
      """);
    assertThat(result).containsEntry("a", "FLASK [POST] none").containsEntry("b", "FLASK [GET] none");
  }

  @Test
  void safe_methods() {
    assertThat(new Handler(null, RequestHandlers.Framework.DJANGO, java.util.Set.of("GET", "HEAD"), null).servesOnlySafeMethods()).isTrue();
    assertThat(new Handler(null, RequestHandlers.Framework.DJANGO, java.util.Set.of("GET", "POST"), null).servesOnlySafeMethods()).isFalse();
    assertThat(new Handler(null, RequestHandlers.Framework.DJANGO, java.util.Set.of(), null).servesOnlySafeMethods()).isFalse();
  }
}
