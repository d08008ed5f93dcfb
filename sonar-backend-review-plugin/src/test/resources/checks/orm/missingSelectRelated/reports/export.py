from shop.models import Author, Book


class Report:
    queryset = Book.objects.filter(title__isnull=False)

    def lines(self):
        return [f"{b.title};{b.author.name}" for b in self.queryset]  # Noncompliant

    def publishers(self):
        return sorted({a.publisher.name for a in Author.objects.all()})  # Noncompliant


class SelectedReport:
    queryset = Book.objects.select_related("author")

    def lines(self):
        return [f"{b.title};{b.author.name}" for b in self.queryset]
