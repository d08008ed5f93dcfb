from rest_framework import generics
from rest_framework.pagination import LimitOffsetPagination


class PaginatedListView(generics.ListAPIView):
    pagination_class = LimitOffsetPagination


class AuditedListView(generics.ListAPIView):
    audit = True
