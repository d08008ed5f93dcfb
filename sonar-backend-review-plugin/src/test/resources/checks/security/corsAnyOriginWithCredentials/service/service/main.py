import os

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware as StarletteCors

app = FastAPI()
app.add_middleware(CORSMiddleware, allow_origins=["*"], allow_credentials=True, allow_methods=["*"])  # Noncompliant {{Replace "*" in allow_origins with the origins of your front ends: with allow_credentials=True, CORSMiddleware answers any website with its own origin, so every site can send your users' cookies and read the responses.}}
#                                                 ^^^   ^^^^^^^^^^^^^^^^^^^^^^<

ORIGINS = ["https://app.example", "*"]
#                                 ^^^>
app.add_middleware(CORSMiddleware, allow_origins=ORIGINS, allow_credentials=True)  # Noncompliant
#                                                ^^^^^^^  ^^^^^^^^^^^^^^^^^^^^^^<
app.add_middleware(CORSMiddleware, allow_origin_regex="https?://.*", allow_credentials=True)  # Noncompliant {{Restrict allow_origin_regex to the origins of your front ends: it matches every origin, and with allow_credentials=True every site can send your users' cookies and read the responses.}}

internal = Starlette(middleware=[
    Middleware(StarletteCors, allow_origins=["*"], allow_credentials=True),  # Noncompliant
])

# Compliant look-alikes
app.add_middleware(CORSMiddleware, allow_origins=["*"])  # no credentials: public answers only
app.add_middleware(CORSMiddleware, allow_origins=["*"], allow_credentials=False)
app.add_middleware(CORSMiddleware, allow_origins=["https://app.example"], allow_credentials=True)
app.add_middleware(CORSMiddleware, allow_origin_regex=r"https://.*\.example\.com", allow_credentials=True)
app.add_middleware(CORSMiddleware, allow_origins=os.environ["ORIGINS"].split(","), allow_credentials=True)
app.add_middleware(CORSMiddleware, allow_origins=["*"], allow_credentials=os.environ.get("CREDS") == "1")


class OtherMiddleware:
    def __init__(self, app, **options):
        self.app = app


app.add_middleware(OtherMiddleware, allow_origins=["*"], allow_credentials=True)
