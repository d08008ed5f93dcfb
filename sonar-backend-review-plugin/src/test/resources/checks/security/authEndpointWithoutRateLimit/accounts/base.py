from rest_framework.throttling import AnonRateThrottle
from rest_framework.views import APIView


class ThrottledAPIView(APIView):
    throttle_classes = [AnonRateThrottle]


class PlainAPIView(APIView):
    pass
