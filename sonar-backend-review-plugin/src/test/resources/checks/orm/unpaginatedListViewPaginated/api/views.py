from rest_framework import generics, serializers

from shop.models import Book


class BookSerializer(serializers.ModelSerializer):
    class Meta:
        model = Book
        fields = ["id", "title"]


class BookList(generics.ListAPIView):
    # the project paginates every list view by default
    queryset = Book.objects.all()
    serializer_class = BookSerializer
