import shutil
from typing import Annotated, List, Optional

from fastapi import APIRouter, File, HTTPException, Request, UploadFile
from fastapi import UploadFile as Upload
from starlette.requests import Request as StarletteRequest

router = APIRouter()
MAX_UPLOAD = 10 * 1024 * 1024
CHUNK = 1024 * 1024


@router.post("/avatar")
async def upload_avatar(file: UploadFile):
    content = await file.read()  # Noncompliant {{Read "file" in bounded chunks or reject it above a maximum size first: "file.read()" loads the whole upload into memory.}}
#                   ^^^^^^^^^^^
    return {"size": len(content)}


@router.post("/document")
async def upload_document(doc: Annotated[Upload, File()]):
    data = await (doc.read())  # Noncompliant
    return {"n": len(data)}


@router.post("/everything")
async def upload_everything(doc: UploadFile = File(...)):
    return await doc.read(-1)  # Noncompliant


@router.post("/webhook")
async def webhook(request: Request):
    payload = await request.body()  # Noncompliant {{Reject request bodies above a maximum size ("Content-Length" and a capped read of "request.stream()") before "request.body()": it loads the whole body into memory.}}
#                   ^^^^^^^^^^^^^^
    return {"n": len(payload)}


async def starlette_endpoint(request: StarletteRequest):
    body = b""
    async for chunk in request.stream():  # Noncompliant {{Stop reading "request.stream()" above a maximum size: this loop keeps every chunk of the body in memory.}}
#                      ^^^^^^^^^^^^^^^^
        body += chunk
    return body


async def starlette_parts(request: StarletteRequest):
    parts = []
    async for chunk in request.stream():  # Noncompliant
        parts.append(chunk)
    return b"".join(parts)


# Compliant look-alikes

@router.post("/bounded")
async def bounded_read(file: UploadFile):
    head = await file.read(1024 * 1024)
    return {"head": len(head)}


@router.post("/chunked")
async def chunked_read(file: UploadFile):
    total = 0
    while chunk := await file.read(CHUNK):
        total += len(chunk)
        if total > MAX_UPLOAD:
            raise HTTPException(413)
    return {"total": total}


@router.post("/size-checked")
async def size_checked(file: UploadFile):
    if file.size is None or file.size > MAX_UPLOAD:
        raise HTTPException(413)
    return await file.read()


@router.post("/header-checked")
async def header_checked(request: Request):
    if int(request.headers.get("content-length", "0")) > MAX_UPLOAD:
        raise HTTPException(413)
    return await request.body()


@router.post("/copied")
def copied(file: UploadFile):
    with open("/tmp/out", "wb") as out:
        shutil.copyfileobj(file.file, out)


@router.post("/sync-file")
def sync_file(file: UploadFile):
    return file.file.read(CHUNK)


async def capped_stream(request: StarletteRequest):
    body = b""
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_UPLOAD:
            raise HTTPException(413)
    return body


async def forwarded_stream(request: StarletteRequest, sink):
    async for chunk in request.stream():
        await sink.send(chunk)


class Reader:
    def read(self):
        return b""


async def not_an_upload(reader: Reader, other):
    await other.read()
    await other.body()
    return reader.read()


class CachedRequest(StarletteRequest):
    async def body(self):
        chunks = []
        async for chunk in self.stream():
            chunks.append(chunk)
        return b"".join(chunks)

    async def json(self):
        return await self.body()


@router.post("/many")
async def upload_many(files: list[UploadFile]):
    sizes = []
    for upload in files:
        sizes.append(len(await upload.read()))  # Noncompliant
    return sizes


@router.post("/many-optional")
async def upload_many_optional(files: Annotated[Optional[List[UploadFile]], File()] = None):
    for upload in files or []:
        await upload.read(CHUNK)
    for item in files:
        await item.read()  # Noncompliant


from pydantic import BaseModel
import hashlib
import hmac


class GithubEvent(BaseModel):
    action: str


@router.post("/github-webhook")
async def github_webhook(event: GithubEvent, request: Request):
    # FastAPI parsed the body into "event" before the handler runs: body() returns the cached bytes for the signature
    raw = await request.body()
    expected = hmac.new(b"secret", raw, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, request.headers["X-Hub-Signature-256"])


def get_request_handler(body_field, is_body_form):
    # Compliant: the app a route-handler factory returns is routing machinery (FastAPI's own fastapi/routing.py):
    # it reads the body to validate what the route declares; the cap belongs to the server
    async def app(request: Request):
        if is_body_form:
            return await request.form()
        body_bytes = await request.body()
        return body_bytes

    return app


async def read_in_helper(request: Request):
    async def inner():
        return await request.body()  # Noncompliant
    return await inner()
