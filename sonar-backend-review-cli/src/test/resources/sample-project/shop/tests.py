from django.test import TestCase

from shop.models import Product


class ProductTest(TestCase):
    def test_sell(self):
        Product.objects.create(name="Mug", price=5, stock=3)
        product = Product.objects.get(name="Mug")
        # a test may update rows any way it likes: the rules for main code skip test files
        product.stock -= 1
        product.save()
        self.assertEqual(Product.objects.get(pk=product.pk).stock, 2)
