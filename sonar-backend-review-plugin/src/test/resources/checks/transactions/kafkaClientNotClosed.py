from aiokafka import AIOKafkaConsumer, AIOKafkaProducer
from kafka import KafkaConsumer, KafkaProducer


async def consume(handle):
    consumer = AIOKafkaConsumer("orders", bootstrap_servers="kafka:9092", group_id="billing")  # Noncompliant {{Move "await consumer.stop()" into a "finally" block: when an exception stops this function, the group waits for the session timeout before giving its partitions to another consumer, and uncommitted offsets are replayed.}}
#              ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
    await consumer.start()
    async for message in consumer:
        await handle(message)
    await consumer.stop()
#         ^^^^^^^^^^^^^^^< {{Skipped when an exception is raised before}}


async def produce(events):
    producer = AIOKafkaProducer(bootstrap_servers="kafka:9092")  # Noncompliant {{Shut this producer down in a "finally" block ("await producer.stop()"): it is never shut down here, so messages still in its buffer are lost.}}
    await producer.start()
    for event in events:
        await producer.send_and_wait("events", event)


def consume_sync(handle):
    consumer = KafkaConsumer("orders", bootstrap_servers="kafka:9092")  # Noncompliant
    for message in consumer:
        handle(message)


# ---- Compliant look-alikes ----

async def consume_ok(handle):
    consumer = AIOKafkaConsumer("orders", bootstrap_servers="kafka:9092", group_id="billing")
    await consumer.start()
    try:
        async for message in consumer:
            await handle(message)
    finally:
        await consumer.stop()


async def produce_with(events):
    async with AIOKafkaProducer(bootstrap_servers="kafka:9092") as producer:
        for event in events:
            await producer.send_and_wait("events", event)


def produce_sync_ok(events):
    producer = KafkaProducer(bootstrap_servers="kafka:9092")
    try:
        for event in events:
            producer.send("events", event).get(timeout=10)
    finally:
        producer.close()


def create_producer():
    producer = KafkaProducer(bootstrap_servers="kafka:9092")
    return producer


class Publisher:
    def __init__(self):
        self.producer = AIOKafkaProducer(bootstrap_servers="kafka:9092")


async def lifespan(app):
    producer = AIOKafkaProducer(bootstrap_servers="kafka:9092")
    await producer.start()
    app.state.producer = producer
    yield
