/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.semantics.django;

import java.util.LinkedHashMap;
import java.util.Map;
import org.backendreview.testing.Analysis;
import org.junit.jupiter.api.Test;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.Name;
import org.sonar.plugins.python.api.tree.Tree;

import static org.assertj.core.api.Assertions.assertThat;

class DjangoModelsTest {

  private static final String MODELS = """
    from django.db import models

    class Base(models.Model):
        class Meta:
            abstract = True

    class Product(Base):
        stock = models.IntegerField()
    """;

  @Test
  void instance_origins_across_modules() {
    Map<String, String> origins = new LinkedHashMap<>();
    Analysis.onEach(Map.of("shop/__init__.py", "", "shop/models.py", MODELS, "api/__init__.py", "", "api/views.py", """
      from django.shortcuts import get_object_or_404
      from shop.models import Product

      def f(pk, given: Product, other):
          a = Product.objects.get(pk=pk)
          b = Product.objects.select_for_update().filter(pk=pk).first()
          c = get_object_or_404(Product, pk=pk)
          d = get_object_or_404(Product.objects.select_for_update(), pk=pk)
          e = something(pk)
          for g in Product.objects.filter(stock=0):
              use(a, b, c, d, e, g, given, other)
      """), "api/views.py", Tree.Kind.CALL_EXPR, (tree, ctx) -> {
        CallExpression call = (CallExpression) tree;
        if (call.callee() instanceof Name n && n.name().equals("use")) {
          call.arguments().forEach(a -> {
            Name name = (Name) ((org.sonar.plugins.python.api.tree.RegularArgument) a).expression();
            origins.put(name.name(), DjangoModels.instanceOrigin(name, ctx)
              .map(o -> (o.locked() ? "locked " : "") + (o.model() == null ? "?" : o.model().name())).orElse("-"));
          });
        }
      });
    assertThat(origins).containsExactly(
      Map.entry("a", "Product"), Map.entry("b", "locked Product"), Map.entry("c", "Product"), Map.entry("d", "locked Product"),
      Map.entry("e", "-"), Map.entry("g", "Product"), Map.entry("given", "Product"), Map.entry("other", "-"));
  }

  @Test
  void manager_methods_and_querysets() {
    Map<String, String> methods = new LinkedHashMap<>();
    Analysis.onEach(Map.of("shop/__init__.py", "", "shop/models.py", MODELS + """

      def q():
          Product.objects.filter(stock=1).order_by("x")
          Product.objects.all()
          len([1])
      """), "shop/models.py", Tree.Kind.CALL_EXPR, (tree, ctx) -> {
        CallExpression call = (CallExpression) tree;
        methods.put(call.firstToken().line() + ":" + org.backendreview.tree.Fqns.calleeName(call).orElse("?"),
          DjangoModels.managerMethod(call).orElse("-") + (DjangoModels.isQuerySetCall(call) ? " qs" : ""));
      });
    assertThat(methods).containsEntry("11:order_by", "order_by qs").containsEntry("11:filter", "filter qs")
      .containsEntry("12:all", "all qs").containsEntry("13:len", "-");
  }

  @Test
  void models_re_exported_by_a_package_init_are_unknown() {
    // The frontend (5.31) resolves "from shop.models.product import Product" but gives UnresolvedImportType for a name
    // that a package's __init__.py re-exports ("from shop.models import Product" with "from .product import Product"
    // there): such models are not known and the rules stay silent (hyperkitty's API imports its models this way).
    Map<String, Boolean> models = new LinkedHashMap<>();
    Analysis.onEach(Map.of("shop/__init__.py", "", "shop/models/__init__.py", "from .product import Product\n",
      "shop/models/product.py", MODELS, "api/__init__.py", "", "api/views.py", """
        from shop.models import Product
        from shop.models.product import Product as Direct
        Product.objects.all()
        Direct.objects.all()
        """), "api/views.py", Tree.Kind.NAME, (tree, ctx) -> {
          Name name = (Name) tree;
          if (name.parent() instanceof org.sonar.plugins.python.api.tree.QualifiedExpression) {
            models.put(name.name() + " " + name.typeV2().getClass().getSimpleName(), DjangoModels.isModelClass(name));
          }
        });
    assertThat(models).containsEntry("Direct ClassType", true).containsEntry("Product UnresolvedImportType", false);
  }
}
