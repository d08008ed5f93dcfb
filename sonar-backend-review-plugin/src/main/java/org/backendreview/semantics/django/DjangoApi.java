/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.semantics.django;

import org.backendreview.tree.Api;

/** The API names of Django, declared once with their aliases. */
public final class DjangoApi {

  /** The model base class. */
  public static final Api MODEL = Api.of("django.db.models.base.Model", "django.db.models.Model");
  public static final Api JSON_RESPONSE = Api.of("django.http.JsonResponse", "django.http.response.JsonResponse");
  /** {@code HttpResponse} and its error subclasses, under both module names. */
  public static final Api HTTP_RESPONSES = Api.of("django.http.HttpResponse", "django.http.response.HttpResponse",
    "django.http.HttpResponseBadRequest", "django.http.response.HttpResponseBadRequest", "django.http.HttpResponseServerError",
    "django.http.response.HttpResponseServerError", "django.http.HttpResponseForbidden", "django.http.response.HttpResponseForbidden",
    "django.http.HttpResponseNotFound", "django.http.response.HttpResponseNotFound");
  public static final Api SERIALIZE = Api.of("django.core.serializers.serialize");
  public static final Api RENDER = Api.of("django.shortcuts.render", "django.shortcuts.render_to_response");
  public static final Api TEMPLATE_RESPONSE = Api.of("django.template.response.TemplateResponse");
  public static final Api RENDER_TO_STRING = Api.of("django.template.loader.render_to_string");
  public static final Api FOREIGN_KEY = Api.of("django.db.models.ForeignKey", "django.db.models.fields.related.ForeignKey");
  public static final Api ONE_TO_ONE_FIELD = Api.of("django.db.models.OneToOneField", "django.db.models.fields.related.OneToOneField");
  public static final Api DO_NOTHING = Api.of("django.db.models.DO_NOTHING", "django.db.models.deletion.DO_NOTHING");
  public static final Api OBJECT_DOES_NOT_EXIST = Api.of("django.core.exceptions.ObjectDoesNotExist");
  /** The {@code django.db.transaction} module. */
  public static final String TRANSACTION_MODULE = "django.db.transaction";
  public static final Api ON_COMMIT = Api.of("django.db.transaction.on_commit");
  public static final Api BASE_COMMAND = Api.of("django.core.management.base.BaseCommand", "django.core.management.BaseCommand");
  public static final Api RUN_PYTHON = Api.of("django.db.migrations.RunPython", "django.db.migrations.operations.RunPython",
    "django.db.migrations.operations.special.RunPython");
  public static final Api RUN_SQL = Api.of("django.db.migrations.RunSQL", "django.db.migrations.operations.RunSQL",
    "django.db.migrations.operations.special.RunSQL");
  /** The migration base class. */
  public static final Api MIGRATION = Api.of("django.db.migrations.Migration", "django.db.migrations.migration.Migration");
  /** The modules whose classes are migration operations: an operation's kind is its class's simple name. */
  public static final java.util.List<String> MIGRATION_OPERATION_MODULES = java.util.List.of("django.db.migrations.",
    "django.contrib.postgres.operations.");
  /** The module of model field classes (a field's type is its class's simple name). */
  public static final java.util.List<String> MODEL_FIELD_MODULES = java.util.List.of("django.db.models.",
    "django.contrib.postgres.fields.");
  /** The current user model: in a migration, not the historical one. */
  public static final Api GET_USER_MODEL = Api.of("django.contrib.auth.get_user_model");
  /** {@code DATABASES} engines of PostgreSQL (prefixes: {@code postgresql_psycopg2}, PostGIS). */
  public static final java.util.List<String> POSTGRESQL_ENGINES = java.util.List.of("django.db.backends.postgresql",
    "django.contrib.gis.db.backends.postgis");
  /** The unique constraint class ({@code AddConstraint(constraint=UniqueConstraint(...))}). */
  public static final Api UNIQUE_CONSTRAINT = Api.of("django.db.models.UniqueConstraint", "django.db.models.constraints.UniqueConstraint");

  private DjangoApi() {
  }
}
