from rest_framework import serializers

from shop.models import Author, Book, Tag


class AuthorSerializer(serializers.ModelSerializer):
    class Meta:
        model = Author
        fields = ["id", "name"]


class TagSerializer(serializers.ModelSerializer):
    class Meta:
        model = Tag
        fields = ["label"]


class BookSerializer(serializers.ModelSerializer):
    author = AuthorSerializer(read_only=True)
    tags = TagSerializer(many=True, read_only=True)

    class Meta:
        model = Book
        fields = ["id", "title", "author", "tags"]


class BookRowSerializer(serializers.ModelSerializer):
    author_name = serializers.CharField(source="author.name")
    editor = serializers.StringRelatedField()
    chapter_count = serializers.SerializerMethodField()
    recent_chapters = serializers.SerializerMethodField()

    class Meta:
        model = Book
        fields = ["id", "title", "author_name", "editor", "chapter_count", "recent_chapters", "tags", "created_by"]

    def get_chapter_count(self, obj):
        return obj.chapter_set.count()

    def get_recent_chapters(self, obj):
        return [c.number for c in obj.chapter_set.filter(number__gt=10)]


class AuthorWithBooksSerializer(serializers.ModelSerializer):
    books = serializers.PrimaryKeyRelatedField(many=True, read_only=True)
    publisher = serializers.SlugRelatedField(slug_field="name", read_only=True)

    class Meta:
        model = Author
        fields = ["id", "name", "books", "publisher"]


class PlainBookSerializer(serializers.ModelSerializer):
    author_id = serializers.IntegerField(source="author.id")

    class Meta:
        model = Book
        fields = ["id", "title", "author", "author_id"]


class DeepSerializer(serializers.ModelSerializer):
    class Meta:
        model = Book
        fields = "__all__"
        depth = 1


class BookLinkSerializer(serializers.HyperlinkedModelSerializer):
    author = serializers.HyperlinkedRelatedField(view_name="author-detail", lookup_field="name", read_only=True)
    editor = serializers.HyperlinkedRelatedField(view_name="author-detail", read_only=True)
    created_by = serializers.HyperlinkedRelatedField(view_name="user-detail", lookup_field="pk", read_only=True)

    class Meta:
        model = Book
        fields = ["url", "author", "editor", "created_by"]


class BaseBookSerializer(serializers.ModelSerializer):
    tags = serializers.CharField(source="tag_text", read_only=True)


class ChildBookSerializer(BaseBookSerializer):
    class Meta:
        model = Book
        fields = ["id", "tags"]
