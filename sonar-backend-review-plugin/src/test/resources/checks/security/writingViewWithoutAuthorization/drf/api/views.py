from django.views.decorators.csrf import csrf_exempt
from rest_framework import generics, mixins, viewsets
from rest_framework.decorators import action, api_view, permission_classes
from rest_framework.permissions import AllowAny, IsAdminUser, IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView
from rest_framework_simplejwt.views import TokenObtainPairView

from .models import Comment, Order, Product
from .serializers import CommentSerializer, OrderSerializer, ProductSerializer, SignupSerializer


class OrderViewSet(viewsets.ModelViewSet):
    queryset = Order.objects.all()
    serializer_class = OrderSerializer
    permission_classes = [IsAuthenticated]


class ProductAdminView(generics.RetrieveUpdateDestroyAPIView):
    queryset = Product.objects.all()
    serializer_class = ProductSerializer
    permission_classes = (IsAdminUser,)


class ProductViewSet(viewsets.ModelViewSet):  # Noncompliant {{Verify that "ProductViewSet" may be called by anyone: it writes and its permission_classes let anyone in, while 3 views of this module require a permission.}}
#     ^^^^^^^^^^^^^^
    queryset = Product.objects.all()
    serializer_class = ProductSerializer
    permission_classes = [AllowAny]


class CommentCreateView(generics.CreateAPIView):  # Noncompliant {{Verify that "CommentCreateView" may be called by anyone: it writes and it declares no permission_classes and the project's default is AllowAny, while 3 views of this module require a permission.}}
    queryset = Comment.objects.all()
    serializer_class = CommentSerializer


class StockView(APIView):  # Noncompliant
    permission_classes = []

    def post(self, request):
        Product.objects.filter(pk=request.data["id"]).update(stock=request.data["stock"])
        return Response(status=204)


class CatalogViewSet(viewsets.ReadOnlyModelViewSet):  # Compliant: read-only
    queryset = Product.objects.all()
    serializer_class = ProductSerializer
    permission_classes = [AllowAny]

    @action(detail=True, methods=["get"])
    def related(self, request, pk=None):
        return Response([])


class RatingViewSet(viewsets.ReadOnlyModelViewSet):  # Noncompliant
    queryset = Product.objects.all()
    serializer_class = ProductSerializer
    permission_classes = [AllowAny]

    @action(detail=True, methods=["post"])
    def rate(self, request, pk=None):
        Product.objects.filter(pk=pk).update(rating=request.data["rating"])
        return Response(status=204)


class SignupView(generics.CreateAPIView):  # Compliant: a sign-up is public by design
    serializer_class = SignupSerializer
    permission_classes = [AllowAny]


class LoginView(TokenObtainPairView):  # Compliant: token views are public by design
    permission_classes = [AllowAny]


class StripeWebhookView(APIView):  # Compliant: a webhook checks its signature
    permission_classes = [AllowAny]

    def post(self, request):
        Order.objects.filter(pk=request.data["order"]).update(paid=True)
        return Response()


class OwnCommentView(APIView):  # Compliant: checks the user itself
    permission_classes = [AllowAny]

    def delete(self, request, pk):
        if not request.user.is_authenticated:
            return Response(status=401)
        Comment.objects.filter(pk=pk, author=request.user).delete()
        return Response(status=204)


class ScopedView(mixins.CreateModelMixin, generics.GenericAPIView):  # Compliant: computes its permissions
    def get_permissions(self):
        return [IsAuthenticated()]

    def post(self, request):
        return self.create(request)


@api_view(["POST"])
@permission_classes([IsAuthenticated])
def archive_order(request, pk):
    Order.objects.filter(pk=pk).update(archived=True)
    return Response(status=204)


@api_view(["POST"])
@permission_classes([AllowAny])
def restock(request, pk):  # Noncompliant {{Verify that "restock" may be called by anyone: it writes and its permission_classes let anyone in, while 3 views of this module require a permission.}}
    Product.objects.filter(pk=pk).update(stock=10)
    return Response(status=204)


@api_view(["GET"])
@permission_classes([AllowAny])
def product_count(request):  # Compliant: reads only
    return Response(Product.objects.count())


@api_view(["POST"])
@permission_classes([AllowAny])
def contact(request):  # Compliant: a contact form is public by design
    Comment.objects.create(text=request.data["text"])
    return Response(status=201)


class UserCreateView(generics.CreateAPIView):  # Compliant: creating an account is a sign-up
    queryset = Order.objects.all()
    serializer_class = SignupSerializer
    permission_classes = [AllowAny]


class NewAccountView(APIView):  # Compliant: a sign-up under another name
    permission_classes = [AllowAny]

    def post(self, request):
        serializer = SignupSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        serializer.save()
        return Response(status=201)


class QuoteView(APIView):  # Compliant: its POST computes, it does not write
    permission_classes = [AllowAny]

    def post(self, request):
        return Response({"total": sum(request.data["prices"])})


class TokenCheckedView(APIView):  # Compliant: answers 401 itself (a token checked by a middleware)
    permission_classes = [AllowAny]

    def post(self, request):
        if not getattr(request, "user_jwt", None):
            return Response(status=401)
        Order.objects.create(owner_id=request.user_jwt["user_id"])
        return Response(status=201)


@api_view(["POST"])
@permission_classes([AllowAny])
def check_username(request):  # Compliant: a POST that reads
    return Response({"taken": Order.objects.filter(name=request.data["name"]).exists()})


class FollowViewSet(viewsets.GenericViewSet):  # Compliant: its writing action requires a login itself
    queryset = Order.objects.all()
    permission_classes = (AllowAny,)

    @action(detail=True, methods=("post",), permission_classes=[IsAuthenticated])
    def follow(self, request, pk=None):
        Order.objects.create(owner=request.user)
        return Response(status=201)


@csrf_exempt
@api_view(["DELETE"])
@permission_classes([AllowAny])
def delete_order(request, pk):  # Noncompliant
    Order.objects.filter(pk=pk).delete()
    return Response(status=204)
