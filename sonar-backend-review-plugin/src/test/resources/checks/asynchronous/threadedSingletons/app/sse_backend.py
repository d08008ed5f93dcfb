import threading
from functools import lru_cache

_backend = None
_locked_backend = None
_client = None
_lock = threading.Lock()


class MemoryChannelBackend:
    pass


def get_sse_backend():
    global _backend
    if _backend is None:
        _backend = MemoryChannelBackend()
    return _backend


def get_locked_backend():
    global _locked_backend
    if _locked_backend is None:
        with _lock:
            if _locked_backend is None:
                _locked_backend = MemoryChannelBackend()
    return _locked_backend


@lru_cache(maxsize=1)
def get_cached_backend():
    return MemoryChannelBackend()


def get_client():
    global _client
    if not _client:
        _client = MemoryChannelBackend()
    return _client


def get_plain():
    return MemoryChannelBackend()


async def aget_backend():
    global _backend
    if _backend is None:
        _backend = MemoryChannelBackend()
    return _backend
