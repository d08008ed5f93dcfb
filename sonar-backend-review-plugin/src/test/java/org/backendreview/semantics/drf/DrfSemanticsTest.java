/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.semantics.drf;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.backendreview.testing.Analysis;
import org.junit.jupiter.api.Test;
import org.sonar.plugins.python.api.tree.ClassDef;
import org.sonar.plugins.python.api.tree.Tree;

import static org.assertj.core.api.Assertions.assertThat;

class DrfSemanticsTest {

  private static final String MODELS = """
    from django.db import models

    class Author(models.Model):
        name = models.CharField(max_length=10)

    class Tag(models.Model):
        label = models.CharField(max_length=10)

    class Book(models.Model):
        author = models.ForeignKey(Author, on_delete=models.CASCADE)
        tags = models.ManyToManyField(Tag)
    """;

  private static final String SERIALIZERS = """
    from rest_framework import serializers
    from shop.models import Book

    class BookSerializer(serializers.ModelSerializer):
        author_name = serializers.CharField(source="author.name")
        link = serializers.HyperlinkedRelatedField(view_name="a", lookup_field="name", source="author", read_only=True)
        plain = serializers.HyperlinkedRelatedField(view_name="a", source="author", read_only=True)
        tag_ids = serializers.PrimaryKeyRelatedField(source="tags", many=True, read_only=True)
        whole = serializers.CharField(source="*")
        chapters = serializers.SerializerMethodField()

        class Meta:
            model = Book
            fields = ["id", "author_name", "link", "plain", "tag_ids", "whole", "chapters", "tags", "url"]

        def get_chapters(self, obj):
            return obj.chapter_set.count()

    class Child(BookSerializer):
        class Meta:
            model = Book
            fields = ["tags"]
    """;

  @Test
  void serializer_reads_and_list_views_across_modules() {
    Map<String, String> facts = new LinkedHashMap<>();
    Analysis.onEach(Map.of("shop/__init__.py", "", "shop/models.py", MODELS, "api/__init__.py", "", "api/serializers.py", SERIALIZERS,
      "api/views.py", """
        from rest_framework import generics, viewsets
        from api.serializers import BookSerializer, Child
        from shop.models import Book

        class Books(generics.ListAPIView):
            queryset = Book.objects.select_related("author")
            serializer_class = BookSerializer

        class ByAction(viewsets.ModelViewSet):
            def get_queryset(self):
                return Book.objects.prefetch_related("tags")

            def get_serializer_class(self):
                if self.action == "list":
                    return Child
                return BookSerializer

        class One(generics.RetrieveAPIView):
            queryset = Book.objects.all()
            serializer_class = BookSerializer
        """), "api/views.py", Tree.Kind.CLASSDEF, (tree, ctx) -> {
        ClassDef view = (ClassDef) tree;
        String reads = DrfViews.serializerClass(view).flatMap(type -> DrfSerializers.of(type, ctx))
          .map(s -> s.name() + "/" + s.modelName() + " " + DrfSerializers.reads(s).stream()
            .map(r -> r.relation() + (r.next() == null ? "" : "." + r.next()) + (r.many() ? "*" : "") + (r.autoField() ? "@" : "")).toList())
          .orElse("-");
        String queryset = DrfViews.querySet(view, ctx).map(v -> v.querySet().model().name() + " sel=" + v.querySet().selectRelated()
          + " pre=" + v.querySet().prefetchRelated()).orElse("-");
        facts.put(view.name().name(), DrfViews.isListView(view) + " " + reads + " | " + queryset);
      });
    assertThat(facts).containsExactly(
      Map.entry("Books", "true BookSerializer/Book " + List.of("author.name", "author.name", "tags*", "chapter_set.count()", "id*@", "tags*@", "url*@")
        + " | Book sel=[author] pre=[]"),
      // fields of a subclass of a project serializer are not read (the base may declare them)
      Map.entry("ByAction", "true Child/Book [] | Book sel=[] pre=[tags]"),
      Map.entry("One", "false BookSerializer/Book " + List.of("author.name", "author.name", "tags*", "chapter_set.count()", "id*@", "tags*@", "url*@")
        + " | Book sel=[] pre=[]"));
  }

  @Test
  void permissions_writes_and_public_views() {
    Map<String, String> facts = new LinkedHashMap<>();
    Analysis.onEach("views.py", """
      from rest_framework import generics, permissions, viewsets
      from rest_framework.decorators import action, api_view, permission_classes
      from rest_framework.permissions import AllowAny, IsAuthenticated
      from rest_framework.views import APIView
      from .base import ProjectView
      from .serializers import UserSerializer

      OPEN = [AllowAny]

      class A(viewsets.ModelViewSet):
          permission_classes = [AllowAny]

      class B(viewsets.ReadOnlyModelViewSet):
          permission_classes = (permissions.IsAuthenticated,)

      class C(APIView):
          permission_classes = OPEN

          def post(self, request):
              Thing.objects.create(name=request.data["name"])

      class D(generics.CreateAPIView):
          serializer_class = UserSerializer

      class E(ProjectView):
          def delete(self, request, pk):
              Thing.objects.filter(pk=pk).delete()

      class F(viewsets.GenericViewSet):
          permission_classes = []

          def get_permissions(self):
              return [IsAuthenticated()]

      class G(viewsets.GenericViewSet):
          permission_classes = [AllowAny]

          @action(detail=True, methods=["post"])
          def rate(self, request, pk=None):
              Thing.objects.filter(pk=pk).update(rating=1)

          @action(detail=True, methods=["post"], permission_classes=[IsAuthenticated])
          def follow(self, request, pk=None):
              Thing.objects.create(pk=pk)
      """, Tree.Kind.CLASSDEF, (tree, ctx) -> {
        ClassDef view = (ClassDef) tree;
        facts.put(view.name().name(), DrfPermissions.isView(view) + " " + DrfPermissions.access(view) + " "
          + DrfPermissions.write(view, ctx).map(w -> "writes@" + w.firstToken().line()).orElse("reads") + " " + DrfPermissions.isPublicByDesign(view));
      });
    assertThat(facts).containsExactly(
      Map.entry("A", "true ALLOW_ANY writes@10 false"),
      Map.entry("B", "true RESTRICTED reads false"),
      // a module constant is followed
      Map.entry("C", "true ALLOW_ANY writes@20 false"),
      // a create-only view of users is a sign-up
      Map.entry("D", "true DEFAULT writes@22 true"),
      // a project base class may set permissions
      Map.entry("E", "false UNKNOWN writes@27 false"),
      Map.entry("F", "true UNKNOWN reads false"),
      // the action with its own permission_classes does not count
      Map.entry("G", "true ALLOW_ANY writes@40 false"));
  }
}
