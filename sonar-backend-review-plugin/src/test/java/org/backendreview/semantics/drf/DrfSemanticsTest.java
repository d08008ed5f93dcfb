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
}
