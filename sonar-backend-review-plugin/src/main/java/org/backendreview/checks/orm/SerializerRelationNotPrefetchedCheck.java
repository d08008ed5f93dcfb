/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.orm;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.backendreview.checks.BackendReviewCheck;
import org.backendreview.semantics.django.DjangoModelIndex;
import org.backendreview.semantics.django.DjangoModelIndex.Field;
import org.backendreview.semantics.django.DjangoQuerySets.QuerySet;
import org.backendreview.semantics.django.RelationAccesses;
import org.backendreview.semantics.drf.DrfSerializers;
import org.backendreview.semantics.drf.DrfSerializers.Read;
import org.backendreview.semantics.drf.DrfSerializers.Serializer;
import org.backendreview.semantics.drf.DrfViews;
import org.sonar.check.Rule;
import org.sonar.plugins.python.api.SubscriptionContext;
import org.sonar.plugins.python.api.tree.ClassDef;
import org.sonar.plugins.python.api.tree.Tree;

/**
 * For Django REST framework: a list view (generic list view, model viewset) whose serializer reads a
 * relation of every listed instance (nested serializer, {@code source="relation.field"}, slug/string related field,
 * a {@code SerializerMethodField} reading {@code obj.relation}, a many-to-many or reverse relation listed in
 * {@code Meta.fields}) that the view's {@code queryset}/{@code get_queryset()} neither selects nor prefetches.
 */
@Rule(key = "SerializerRelationNotPrefetched")
public class SerializerRelationNotPrefetchedCheck extends BackendReviewCheck {

  @Override
  protected void register(Context context) {
    context.registerSyntaxNodeConsumer(Tree.Kind.CLASSDEF, SerializerRelationNotPrefetchedCheck::check);
  }

  private static void check(SubscriptionContext ctx) {
    ClassDef view = (ClassDef) ctx.syntaxNode();
    if (!DrfViews.isListView(view)) {
      return;
    }
    Optional<Serializer> serializer = DrfViews.serializerClass(view).flatMap(type -> DrfSerializers.of(type, ctx));
    Optional<DrfViews.ViewQuerySet> listed = DrfViews.querySet(view, ctx);
    if (serializer.isEmpty() || serializer.get().depth() || listed.isEmpty() || listed.get().querySet().valuesLike()
      || listed.get().locations().isEmpty()) {
      return;
    }
    QuerySet querySet = listed.get().querySet();
    Optional<DjangoModelIndex.Model> model = DjangoModelIndex.of(querySet.model(), ctx);
    if (model.isEmpty() || serializer.get().modelName() != null && !serializer.get().modelName().equals(querySet.model().name())) {
      return;
    }
    Set<String> reported = new HashSet<>();
    for (Read read : DrfSerializers.reads(serializer.get())) {
      String message = message(read, model.get(), querySet, serializer.get().name());
      // one issue per relation, plus one for queries that a prefetch cannot avoid
      if (message != null && reported.add(read.relation() + (message.contains("even with prefetch_related()") ? "!" : ""))) {
        ctx.addIssue(listed.get().locations().get(0), message).secondary(read.location(), "Read for every listed item");
      }
    }
  }

  private static String message(Read read, DjangoModelIndex.Model model, QuerySet querySet, String serializer) {
    String relation = read.relation();
    Optional<Field> field = model.field(relation);
    boolean forward = field.isPresent() && field.get().kind().isForwardSingle();
    // a name listed in Meta.fields that the model does not declare is a reverse relation only under its default
    // "<model>_set" name: otherwise it may be an annotation, a related_name or DRF's "url" field
    boolean multi = field.isPresent() && field.get().kind().isMulti()
      || field.isEmpty() && model.isUndeclared(relation) && (!read.autoField() || relation.endsWith("_set"));
    if (read.autoField()) {
      // a foreign key listed in Meta.fields is serialized from its "<fk>_id" column: no query
      forward = false;
    } else if (multi && read.next() != null && read.next().endsWith("()")) {
      Optional<RelationAccesses.Access> access = RelationAccesses.classify(model, relation, read.next());
      if (access.isPresent() && access.get().queriesEvenIfPrefetched()) {
        return serializer + " runs \"" + relation + "." + read.next() + "\" for every listed item, even with prefetch_related(): "
          + "annotate the value on this queryset or prefetch a filtered Prefetch(\"" + relation + "\", queryset=...).";
      }
    } else if (multi && !read.many() && read.next() == null) {
      multi = false;
    }
    if (forward && !querySet.loads(relation)) {
      return "Add select_related(\"" + relation + "\") to this queryset: " + serializer + " reads \"" + relation
        + "\" of every listed item (one query per item).";
    }
    if (multi && !querySet.prefetches(relation)) {
      return "Add prefetch_related(\"" + relation + "\") to this queryset: " + serializer + " reads \"" + relation
        + "\" of every listed item (one query per item).";
    }
    return null;
  }
}
