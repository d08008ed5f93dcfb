/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.flow;

import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TaintEngineTest {

  private static final String DJANGO = "from django.http import HttpResponse\n";

  @Test
  void django_request_sources() {
    Map<Integer, String> result = FlowProbe.sources(DJANGO + """
      def view(request):
          sink(request.GET["q"])
          sink(request.GET.get("q", ""))
          sink(request.POST.getlist("ids"))
          sink(request.COOKIES["c"])
          sink(request.headers.get("X-Name"))
          sink(request.META["HTTP_HOST"])
          sink(request.META["REMOTE_ADDR"])
          sink(request.body)
          sink(request.FILES["f"].name)
          sink(request.GET)
          sink(request.user.username)
          sink(request.session["x"])
          sink(request.method)
      """);
    assertThat(result).containsEntry(3, "the request parameter \"q\" (line 3)")
      .containsEntry(4, "the request parameter \"q\" (line 4)")
      .containsEntry(5, "the request parameter \"ids\" (line 5)")
      .containsEntry(6, "the cookie \"c\" (line 6)")
      .containsEntry(7, "the request header \"X-Name\" (line 7)")
      .containsEntry(8, "the request header \"HTTP_HOST\" (line 8)")
      .containsEntry(9, "-")
      .containsEntry(10, "the request body (line 10)")
      .containsEntry(11, "the uploaded file \"f\" (line 11)")
      .containsEntry(12, "the query string (line 12)")
      .containsEntry(13, "-")
      .containsEntry(14, "-")
      .containsEntry(15, "-");
  }

  @Test
  void drf_and_class_based_views() {
    Map<Integer, String> result = FlowProbe.sources("""
      from rest_framework.views import APIView
      from rest_framework.decorators import api_view
      from django.views.generic import ListView

      @api_view(["POST"])
      def create(req):
          sink(req.data["name"])
          sink(req.query_params.get("sort"))

      class Search(ListView):
          def get_queryset(self):
              sink(self.request.GET["q"])
              sink(self.kwargs["slug"])
              request = self.request
              sink(request.GET.get("page"))

      class NotAView:
          def run(self):
              sink(self.kwargs["slug"])
      """);
    assertThat(result).containsEntry(7, "the request parameter \"name\" (line 7)")
      .containsEntry(8, "the request parameter \"sort\" (line 8)")
      .containsEntry(12, "the request parameter \"q\" (line 12)")
      .containsEntry(13, "the URL parameter \"slug\" (line 13)")
      .containsEntry(15, "the request parameter \"page\" (line 15)")
      .containsEntry(19, "-");
  }

  @Test
  void fastapi_parameters() {
    Map<Integer, String> result = FlowProbe.sources("""
      import enum, uuid
      from typing import Annotated, Optional, Literal
      from fastapi import FastAPI, Query, Depends, Header, Request, BackgroundTasks
      from pydantic import BaseModel

      app = FastAPI()

      class Color(enum.Enum):
          RED = "red"

      class Item(BaseModel):
          name: str
          qty: int

      def get_db():
          pass

      @app.get("/items/{item_id}")
      async def read(item_id: str, n: int, c: Color, u: uuid.UUID, q: Optional[str] = None,
                     p: Annotated[str, Query(pattern="^[a-z]+$")] = "a", l: Literal["a", "b"] = "a",
                     agent: str = Header(None), db=Depends(get_db), tasks: BackgroundTasks = None, raw=None):
          sink(item_id)
          sink(n)
          sink(c)
          sink(u)
          sink(q)
          sink(p)
          sink(l)
          sink(agent)
          sink(db)
          sink(tasks)
          sink(raw)

      @app.post("/items")
      async def create(item: Item, request: Request):
          sink(item.name)
          sink(item.qty)
          sink(item)
          body = await request.json()
          sink(body["x"])
          sink(request.query_params["y"])
          sink(request.url.path)

      def not_a_route(q: str):
          sink(q)
      """);
    assertThat(result).containsEntry(22, "the URL parameter \"item_id\" (line 19)")
      .containsEntry(23, "-").containsEntry(24, "-").containsEntry(25, "-")
      .containsEntry(26, "the request parameter \"q\" (line 19)")
      .containsEntry(27, "-").containsEntry(28, "-")
      .containsEntry(29, "the request header \"agent\" (line 21)")
      .containsEntry(30, "-").containsEntry(31, "-")
      .containsEntry(32, "the request parameter \"raw\" (line 21)")
      .containsEntry(36, "the request body \"item\" (line 35)")
      .containsEntry(37, "-")
      .containsEntry(38, "the request body \"item\" (line 35)")
      .containsEntry(40, "the request body (line 39)")
      .containsEntry(41, "the request parameter \"y\" (line 41)")
      .containsEntry(42, "-")
      .containsEntry(45, "-");
  }

  @Test
  void fastapi_dependencies() {
    Map<Integer, String> result = FlowProbe.sources(Map.of("deps.py", """
      from typing import Optional
      from fastapi import Depends, FastAPI

      app = FastAPI()

      def common(q: Optional[str] = None, limit: int = 10):
          sink(q)
          sink(limit)
          return {"q": q}

      def helper(q):
          sink(q)

      @app.get("/items")
      def items(params: dict = Depends(common)):
          return params
      """), "deps.py");
    assertThat(result).containsEntry(7, "the request parameter \"q\" (line 6)").containsEntry(8, "-").containsEntry(12, "-");
  }

  @Test
  void flask_sources() {
    Map<Integer, String> result = FlowProbe.sources("""
      from flask import Flask, request
      app = Flask(__name__)

      @app.route("/files/<path:name>/<int:n>")
      def show(name, n):
          sink(name)
          sink(n)
          sink(request.args.get("q"))
          sink(request.get_json())
      """);
    assertThat(result).containsEntry(6, "the URL parameter \"name\" (line 5)")
      .containsEntry(7, "-")
      .containsEntry(8, "the request parameter \"q\" (line 8)")
      .containsEntry(9, "the request body (line 9)");
  }

  @Test
  void django_url_parameters_by_converter() {
    Map<Integer, String> result = FlowProbe.sources(Map.of(
      "app/__init__.py", "",
      "app/urls.py", """
        from django.urls import path, re_path
        from app import views
        urlpatterns = [
            path("items/<int:pk>/", views.detail),
            path("search/<str:q>/<slug:s>/<path:p>", views.search),
            re_path(r"^x/(?P<code>\\d+)/(?P<name>[^/]+)/$", views.rx),
        ]
        """,
      "app/views.py", """
        from django.http import HttpResponse
        def detail(request, pk):
            sink(pk)
        def search(request, q, s, p):
            sink(q)
            sink(s)
            sink(p)
        def rx(request, code, name):
            sink(code)
            sink(name)
        def unrouted(request, x):
            sink(x)
        """), "app/views.py");
    assertThat(result).containsEntry(3, "-")
      .containsEntry(5, "the URL parameter \"q\" (line 4)")
      .containsEntry(6, "-")
      .containsEntry(7, "the URL parameter \"p\" (line 4)")
      .containsEntry(9, "-")
      .containsEntry(10, "the URL parameter \"name\" (line 8)")
      .containsEntry(12, "-");
  }

  @Test
  void propagation_forms() {
    Map<Integer, String> result = FlowProbe.sources(DJANGO + """
      def view(request):
          q = request.GET["q"]
          sink(q)
          sink(f"SELECT {q}")
          sink("SELECT '%s'" % q)
          sink("SELECT {}".format(q))
          sink("SELECT " + q)
          sink(" ".join([q, "x"]))
          sink(q[1:5])
          sink(q.strip().lower())
          sink({"a": q})
          sink((q, 1))
          data = request.POST.dict()
          sink(data.get("x"))
          a, b = q, "1"
          sink(a)
          sink(b)
          c, d = request.GET["c"].split(",")
          sink(d)
          sql = "SELECT "
          sql += q
          sink(sql)
          parts = []
          parts.append(q)
          sink(",".join(parts))
          names = [n.upper() for n in request.GET.getlist("n")]
          sink(names)
          for k, v in request.GET.items():
              sink(v)
          with open(q) as f:
              sink(f)
          if (w := request.GET.get("w")):
              sink(w)
          filters = {}
          filters["x"] = q
          sink(filters)
          sink(q if q else "x")
          sink(len(q))
          sink(q == "a")
          sink(q.startswith("a"))
      """);
    for (int line = 4; line <= 13; line++) {
      assertThat(result.get(line)).as("line %s", line).isEqualTo("the request parameter \"q\" (line 3)");
    }
    assertThat(result).containsEntry(15, "the form data (line 14)")
      .containsEntry(17, "the request parameter \"q\" (line 3)")
      .containsEntry(18, "-")
      .containsEntry(20, "the request parameter \"c\" (line 19)")
      .containsEntry(23, "the request parameter \"q\" (line 3)")
      .containsEntry(26, "the request parameter \"q\" (line 3)")
      .containsEntry(28, "the request parameter \"n\" (line 27)")
      .containsEntry(30, "the query string (line 29)")
      // a file opened from a request path holds file content, not request data
      .containsEntry(32, "-")
      .containsEntry(34, "the request parameter \"w\" (line 33)")
      .containsEntry(37, "the request parameter \"q\" (line 3)")
      .containsEntry(38, "the request parameter \"q\" (line 3)")
      .containsEntry(39, "-").containsEntry(40, "-").containsEntry(41, "-");
  }

  @Test
  void try_statements_and_reassignments() {
    Map<Integer, String> result = FlowProbe.sources(DJANGO + """
      def view(request):
          try:
              page = request.GET["page"]
          except KeyError:
              page = "1"
          sink(page)
          page = "2"
          sink(page)
          try:
              n = int(request.GET["n"])
          except ValueError:
              n = 1
          sink(n)
          x = request.GET["x"]
          x = int(x)
          sink(x)
          y = "a"
          for item in request.GET.getlist("i"):
              sink(y)
              y = item
      """);
    assertThat(result).containsEntry(7, "the request parameter \"page\" (line 4)")
      .containsEntry(9, "-")
      .containsEntry(14, "-")
      .containsEntry(17, "-")
      .containsEntry(20, "the request parameter \"i\" (line 19)");
  }

  @Test
  void reassignment_from_the_same_variable() {
    Map<Integer, String> result = FlowProbe.sources(DJANGO + """
      def view(request):
          if request.method == "POST":
              domain = request.POST.get("domain")
              domain = domain.replace("https://www.", "")
              if request.POST.get("os") == "win":
                  command = "nslookup {}".format(domain)
              else:
                  command = "dig {}".format(domain)
              sink(command)
              sink(domain)
              domain = int(domain)
              sink(domain)
      """);
    assertThat(result).containsEntry(10, "the request parameter \"domain\" (line 4)")
      .containsEntry(11, "the request parameter \"domain\" (line 4)")
      .containsEntry(13, "-");
  }

  @Test
  void sanitizers_by_kind() {
    Map<Integer, String> result = FlowProbe.sources(DJANGO + """
      import os, uuid
      from django.utils.html import escape
      from werkzeug.utils import secure_filename
      def view(request):
          name = request.GET["name"]
          sink(int(name))
          sink(uuid.UUID(name))
          sink_path(os.path.basename(name))
          sink(os.path.basename(name))
          sink_path(secure_filename(name))
          sink_xss(escape(name))
          sink_xss(os.path.basename(name))
          sink_path(os.path.join("/srv", name))
          sink(SORTS.get(name))
          sink(SORTS[name])
          sink(SORTS.get(name, name))
      SORTS = {"a": "name", "b": "-created"}
      """);
    assertThat(result).containsEntry(7, "-").containsEntry(8, "-").containsEntry(9, "-")
      .containsEntry(10, "the request parameter \"name\" (line 6)")
      .containsEntry(11, "-").containsEntry(12, "-")
      .containsEntry(13, "the request parameter \"name\" (line 6)")
      .containsEntry(14, "the request parameter \"name\" (line 6)")
      .containsEntry(15, "-").containsEntry(16, "-")
      .containsEntry(17, "the request parameter \"name\" (line 6)");
  }

  @Test
  void allow_list_guards() {
    Map<Integer, String> result = FlowProbe.sources(DJANGO + """
      from django.utils.http import url_has_allowed_host_and_scheme
      ALLOWED = {"name", "created"}
      def view(request):
          sort = request.GET.get("sort")
          if sort in ALLOWED:
              sink(sort)
          else:
              sink(sort)
          if sort not in ALLOWED:
              return None
          sink(sort)

      def view2(request):
          sort = request.GET.get("sort")
          if sort not in ("a", "b"):
              sort = "a"
          sink(sort)
          col = request.GET["col"]
          if not col.isidentifier():
              raise ValueError(col)
          sink(col)
          other = request.GET["other"]
          if other in request.GET.getlist("allowed"):
              sink(other)
          nxt = request.GET.get("next")
          if url_has_allowed_host_and_scheme(nxt, allowed_hosts=None):
              sink_redirect(nxt)
              sink(nxt)
          assert col in ALLOWED
      """);
    assertThat(result).containsEntry(7, "-")
      .containsEntry(9, "the request parameter \"sort\" (line 5)")
      .containsEntry(12, "-")
      .containsEntry(18, "-")
      .containsEntry(22, "-")
      .containsEntry(25, "the request parameter \"other\" (line 23)")
      .containsEntry(28, "-")
      .containsEntry(29, "the request parameter \"next\" (line 26)");
  }

  @Test
  void validations_stored_in_variables_and_expressions() {
    Map<Integer, String> result = FlowProbe.sources(DJANGO + """
      from django.utils.http import url_has_allowed_host_and_scheme
      def login(request):
          redirect_to = request.POST.get("next", request.GET.get("next", ""))
          url_is_safe = url_has_allowed_host_and_scheme(url=redirect_to, allowed_hosts=None)
          sink_redirect(redirect_to if url_is_safe else "")
          sink_redirect(url_is_safe and redirect_to)
          sink_redirect(redirect_to if not url_is_safe else "/")
          if not url_is_safe:
              redirect_to = request.path
          sink_redirect(redirect_to)

      def set_language(request):
          next_url = request.POST.get("next", request.GET.get("next"))
          if (next_url or request.accepts("text/html")) and not url_has_allowed_host_and_scheme(url=next_url, allowed_hosts=None):
              next_url = request.META.get("HTTP_REFERER")
              if not url_has_allowed_host_and_scheme(url=next_url, allowed_hosts=None):
                  next_url = "/"
          sink_redirect(next_url)

      def unsafe_fallback(request):
          target = request.GET.get("next")
          if not url_has_allowed_host_and_scheme(url=target, allowed_hosts=None):
              target = request.GET.get("fallback")
          sink_redirect(target)
      """);
    assertThat(result).containsEntry(6, "-").containsEntry(7, "-")
      .containsEntry(8, "the request parameter \"next\" (line 4)")
      .containsEntry(11, "-")
      .containsEntry(19, "-")
      .containsEntry(25, "the request parameter \"fallback\" (line 24)");
  }

  @Test
  void url_targets_fixed_by_a_prefix() {
    Map<Integer, String> result = FlowProbe.sources(DJANGO + """
      from django.conf import settings
      def view(request):
          x = request.GET["x"]
          sink_redirect(x)
          sink_redirect("/orders/" + x)
          sink_redirect("/" + x)
          sink_redirect(f"https://example.com/{x}")
          sink_redirect(f"https://{x}/path")
          sink_redirect("https://example.com" + x)
          sink_redirect("%s?next=%s" % (settings.LOGIN_URL, x))
          sink_redirect("?page={}".format(x))
          url = f"{settings.BASE_URL}/items/{x}"
          sink_redirect(url)
          sink_redirect(build(x))
          sink_redirect(build_path(x))
          sink(f"https://example.com/{x}")

      def build(host):
          return "https://" + host + "/api"

      def build_path(path):
          return "https://api.example.com/" + path
      """);
    assertThat(result).containsEntry(5, "the request parameter \"x\" (line 4)")
      .containsEntry(6, "-")
      .containsEntry(7, "the request parameter \"x\" (line 4)")
      .containsEntry(8, "-")
      .containsEntry(9, "the request parameter \"x\" (line 4)")
      .containsEntry(10, "the request parameter \"x\" (line 4)")
      .containsEntry(11, "-").containsEntry(12, "-").containsEntry(14, "-")
      .containsEntry(15, "the request parameter \"x\" (line 4)")
      .containsEntry(16, "-")
      .containsEntry(17, "the request parameter \"x\" (line 4)");
  }

  @Test
  void forms_serializers_and_aiohttp() {
    Map<Integer, String> result = FlowProbe.sources(DJANGO + """
      from django import forms
      from rest_framework import serializers

      class SearchForm(forms.Form):
          q = forms.CharField()

      class ItemSerializer(serializers.Serializer):
          name = serializers.CharField()

      def view(request):
          form = SearchForm(request.GET)
          if form.is_valid():
              sink(form.cleaned_data["q"])
              sink_keys(form.cleaned_data)
          serializer = ItemSerializer(data=request.data)
          serializer.is_valid(raise_exception=True)
          sink(serializer.validated_data["name"])
          sink_redirect(request.META.get("HTTP_REFERER", "/"))
          sink(request.META.get("HTTP_REFERER"))
      """);
    assertThat(result).containsEntry(14, "the query string (line 12)")
      .containsEntry(15, "-")
      .containsEntry(18, "the request data (line 16)")
      .containsEntry(19, "-")
      .containsEntry(20, "the request header \"HTTP_REFERER\" (line 20)");

    Map<Integer, String> aiohttp = FlowProbe.sources("""
      from aiohttp import web

      async def handler(request):
          sink(request.match_info["id"])
          data = await request.post()
          sink(data["name"])
          sink(request.query.get("q"))

      async def typed(req: web.Request):
          sink(await req.text())
      """);
    assertThat(aiohttp).containsEntry(4, "the URL parameter \"id\" (line 4)")
      .containsEntry(6, "the form data (line 5)")
      .containsEntry(7, "the request parameter \"q\" (line 7)")
      .containsEntry(10, "the request body (line 10)");

    Map<Integer, String> client = FlowProbe.sources(Map.of("client.py", """
      import aiohttp

      async def fetch(request):
          sink(request.query.get("q"))
      """), "client.py");
    assertThat(client).as("the aiohttp client is not a web framework").containsEntry(4, "-");
  }

  @Test
  void summaries_of_module_functions() {
    Map<Integer, String> result = FlowProbe.sources(DJANGO + """
      ALLOWED = {"a", "b"}

      def get_sort(request):
          return request.GET.get("sort", "id")

      def clean_sort(value):
          if value in ALLOWED:
              return value
          return "a"

      def quote(value):
          return "'" + value + "'"

      def view(request):
          sink(get_sort(request))
          sink(clean_sort(request.GET["s"]))
          sink(quote(request.GET["s"]))
          sink(quote("constant"))
          run_query(request.GET["id"])
          run_query("1")
          Repo().find(request.GET["name"])

      def run_query(user_id):
          sql = f"SELECT * FROM users WHERE id = '{user_id}'"
          sink(sql)

      def outer(value):
          inner(value + "x")

      def inner(value):
          sink(value)

      def entry(request):
          outer(request.POST["deep"])

      class Repo:
          def find(self, name):
              return self._query("SELECT " + name)

          def _query(self, sql):
              sink(sql)
      """);
    assertThat(result).containsEntry(16, "the request parameter \"sort\" (line 5)")
      .containsEntry(17, "-")
      .containsEntry(18, "the request parameter \"s\" (line 18)")
      .containsEntry(19, "-")
      .containsEntry(26, "the request parameter \"id\" (line 20)")
      .containsEntry(32, "the request parameter \"deep\" (line 35)")
      .containsEntry(42, "the request parameter \"name\" (line 22)");
  }

  @Test
  void flow_steps_name_each_hop() {
    String steps = FlowProbe.steps(DJANGO + """
      def view(request):
          user_id = request.GET["id"]
          run_query(user_id)

      def run_query(uid):
          sql = "SELECT * FROM t WHERE id = " + uid
          sink(sql)
      """, 8);
    assertThat(steps).isEqualTo("3:The request parameter \"id\" is read here. | 3:Assigned to \"user_id\". | "
      + "4:Passed to \"run_query()\" as \"uid\". | 7:Assigned to \"sql\".");
  }

  @Test
  void recursion_and_loops() {
    Map<Integer, String> result = FlowProbe.sources(DJANGO + """
      def rec(a):
          return rec(a) + a

      def loop(request):
          s = request.GET["s"]
          while True:
              s = s + s
              sink(rec(s))
      """);
    assertThat(result).containsEntry(9, "the request parameter \"s\" (line 6)");
  }

  @Test
  void bounds_keep_huge_and_recursive_code_cheap() {
    StringBuilder code = new StringBuilder(DJANGO + "def view(request):\n    x0 = request.GET['q']\n");
    for (int i = 1; i < 500; i++) {
      code.append("    x").append(i).append(" = x").append(i - 1).append(" + 'a'\n");
    }
    code.append("    sink(x499)\n");
    code.append("""
      def rec(a):
          return rec(a) + a

      def loop(request):
          s = request.GET["s"]
          while True:
              s = s + s
              sink(rec(s))
      """);
    Map<Integer, String> result = FlowProbe.sources(code.toString());
    // the chain is longer than the per-question budget: no flow is claimed (silence, not a wrong answer)
    assertThat(result).containsEntry(503, "-");
    assertThat(result.get(511)).isEqualTo("the request parameter \"s\" (line 508)");
  }

  @Test
  void a_mapping_that_reads_itself_is_evaluated_once_per_read() {
    // the shape of horizon's make_web_conf: a module-level template context whose entries are computed from its other
    // entries, then updated from a command's options; each read of "context" reaches every write, and every write
    // reads "context" again
    StringBuilder code = new StringBuilder(DJANGO + "from django import template\ncontext = template.Context({'v0': 'a'})\n");
    for (int i = 1; i < 30; i++) {
      code.append("context['v").append(i).append("'] = context['v").append(i - 1).append("'] + context['v")
        .append(Math.max(0, i - 2)).append("']\n");
    }
    code.append("def view(request):\n");
    for (int i = 0; i < 30; i += 3) {
      code.append("    if request.GET.get('o").append(i).append("'):\n        context['v").append(i).append("'] = context['v")
        .append(i + 1).append("']\n");
    }
    code.append("    context['v29'] = request.GET['q'] + context['v28']\n    sink(context['v1'])\n");
    Map.Entry<Map<Integer, String>, Integer> result = FlowProbe.sourcesAndEvaluations(code.toString());
    assertThat(result.getKey()).containsEntry(55, "the request parameter \"q\" (line 54)");
    // about once per expression (212 of them are evaluated): walking the cycles again from every read of "context"
    // exhausted the per-question budget (20,000 evaluations)
    assertThat(result.getValue()).isLessThan(500);
  }
}
