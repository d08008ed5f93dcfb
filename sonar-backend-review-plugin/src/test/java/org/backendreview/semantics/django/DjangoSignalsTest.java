/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.semantics.django;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.backendreview.semantics.messaging.SummarizedEffects;
import org.backendreview.semantics.project.ModuleSummary;
import org.backendreview.testing.Analysis;
import org.junit.jupiter.api.Test;
import org.sonar.plugins.python.api.Parser;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.FunctionDef;
import org.sonar.plugins.python.api.tree.Tree;

import static org.assertj.core.api.Assertions.assertThat;

class DjangoSignalsTest {

  private static final String CODE = """
    from django.db.models import signals
    from django.db.models.signals import post_save, pre_delete, request_finished
    from django.core.signals import request_started
    from django.dispatch import receiver, Signal

    @receiver([post_save, pre_delete], sender="shop.Book")
    def both(sender, **kwargs): pass

    @receiver(request_started)
    def not_a_model_signal(sender, **kwargs): pass

    @receiver(signal=signals.m2m_changed)
    def by_keyword(sender, **kwargs): pass

    def connected(sender, **kwargs): pass
    def decorated_and_connected(sender, **kwargs): pass

    signals.post_delete.connect(connected, sender="shop.Book")
    post_save.connect(both)
    custom = Signal()
    custom.connect(connected)
    """;

  @Test
  void decorated_receivers_of_model_signals() {
    List<String> found = new ArrayList<>();
    Analysis.onEach("shop/signals.py", CODE, Tree.Kind.FUNCDEF, (tree, ctx) -> DjangoSignals.decorated((FunctionDef) tree)
      .ifPresent(r -> found.add(r.function().name().name() + r.signals() + (r.sender() != null))));
    assertThat(found).containsExactly("both[post_save, pre_delete]true", "by_keyword[m2m_changed]false");
  }

  @Test
  void connected_functions_of_the_same_module() {
    List<String> found = new ArrayList<>();
    Analysis.onEach("shop/signals.py", CODE, Tree.Kind.CALL_EXPR, (tree, ctx) -> DjangoSignals.connected((CallExpression) tree)
      .ifPresent(r -> found.add(r.function().name().name() + r.signals() + (r.sender() != null))));
    // post_save.connect(both) is left to the decorator; custom signals are not model signals
    assertThat(found).containsExactly("connected[post_delete]true");
  }

  private static final String HANDLERS = """
    import requests
    from django.core import mail
    from django.db import transaction
    from django.dispatch import receiver
    from django.db.models.signals import post_save
    from celery import shared_task
    from notifications import tasks
    from notifications.tasks import index

    @shared_task
    def local_task(pk): pass

    def on_book(sender, instance, **kwargs):
        mail.send_mail("s", "b", "f", ["t"])
        requests.get("https://example.com", timeout=1)
        index.delay(instance.pk)
        tasks.index.apply_async(args=[1])
        local_task.delay(instance.pk)
        transaction.on_commit(lambda: mail.send_mail("s", "b", "f", ["t"]))
        index.delay_on_commit(instance.pk)
        instance.delay()
        def nested():
            requests.post("https://example.com", timeout=1)

    @receiver(post_save)
    def decorated(sender, **kwargs):
        mail.send_mail("s", "b", "f", ["t"])
    """;

  @Test
  void effects_of_a_summarised_function_are_read_through_its_imports() {
    ModuleSummary module = ModuleSummary.of(new Parser().parse(HANDLERS), "shop/handlers.py");
    assertThat(module.callsIn("on_book")).extracting(ModuleSummary.CallSite::callee).containsExactly("mail.send_mail", "requests.get",
      "index.delay", "tasks.index.apply_async", "local_task.delay", "transaction.on_commit", "index.delay_on_commit", "instance.delay");
    assertThat(module.callsIn("unknown")).isEmpty();
    assertThat(SummarizedEffects.of(module, "on_book")).extracting(e -> e.description() + ": " + e.what() + " @" + e.range().line())
      .containsExactly("e-mail: send_mail() @14", "HTTP call: requests.get() @15", "task dispatch: index.delay() @16",
        "task dispatch: index.apply_async() @17", "task dispatch: local_task.delay() @18");
  }

  @Test
  void receivers_connected_from_another_module() {
    Map<String, String> files = Map.of(
      "shop/__init__.py", "",
      "shop/handlers.py", HANDLERS,
      "shop/apps.py", """
        from django.apps import AppConfig
        from django.db.models.signals import post_save, pre_save
        from shop import handlers
        from shop.handlers import on_book, decorated
        from shop.unknown import missing

        def local(sender, **kwargs): pass

        class ShopConfig(AppConfig):
            def ready(self):
                post_save.connect(on_book, sender="shop.Book")
                pre_save.connect(handlers.on_book)
                post_save.connect(decorated)
                post_save.connect(local)
                post_save.connect(missing)
        """);
    List<String> found = new ArrayList<>();
    Analysis.onEach(files, "shop/apps.py", Tree.Kind.CALL_EXPR, (tree, ctx) -> DjangoSignals.connectedFromModule((CallExpression) tree, ctx)
      .ifPresent(r -> found.add(r.function().name() + "/" + r.signal() + "@" + r.registration().firstToken().line())));
    // decorated is reported where it is defined, local is connected() in its own module, missing is unknown
    assertThat(found).containsExactly("on_book/post_save@11", "on_book/pre_save@12");
  }
}
