from django.db.models import F

from app.models import Counter

NESTED = ((((((((((((((((((((((((((((((1))))))))))))))))))))))))))))))
CALLS = str(str(str(str(str(str(str(str(str(str(str(str(str(str(str(str(1))))))))))))))))


def handle(event):
    match event:
        case {"type": "hit", "id": counter_id}:
            counter = Counter.objects.get(pk=counter_id)
            counter.hits = F("hits") + 1
            counter.save()
        case {"type": "reset", **rest}:
            Counter.objects.filter(**rest).update(hits=0)
        case [first, *others]:
            return handle(first) or [handle(o) for o in others]
        case _:
            return None


async def stream(source):
    async for chunk in source:
        yield chunk
    lambda: (yield)


class Meta(type):
    def __new__(mcs, name, bases, ns, **kw):
        return super().__new__(mcs, name, bases, ns)


class Weird(metaclass=Meta):
    x: "Weird | None" = None
    __slots__ = ()
