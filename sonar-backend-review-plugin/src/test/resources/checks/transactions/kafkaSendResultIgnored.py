from aiokafka import AIOKafkaProducer
from confluent_kafka import Producer
from kafka import KafkaProducer


def publish(events):
    producer = KafkaProducer(bootstrap_servers="kafka:9092", acks="all")
    for event in events:
        producer.send("events", event)  # Noncompliant {{Handle the result of this send (".add_errback(...)" or ".get(timeout=...)"): a failed delivery is otherwise lost without any error.}}
#       ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
    producer.flush()
    producer.close()


async def publish_async(producer_config, event):
    producer = AIOKafkaProducer(**producer_config)
    await producer.start()
    try:
        producer.send("events", event)  # Noncompliant {{Await this send ("await producer.send_and_wait(...)"): the coroutine is never run and the message is never sent.}}
        await producer.send("events", event)  # Noncompliant {{Await the delivery of this message ("send_and_wait(...)" or await the returned future): a failed delivery is otherwise lost without any error.}}
    finally:
        await producer.stop()


def publish_confluent(event):
    producer = Producer({"bootstrap.servers": "kafka:9092"})
    producer.produce("events", value=event)  # Noncompliant {{Pass "on_delivery=..." to this produce() call (or configure it on the producer): delivery errors are otherwise lost without any error.}}
    producer.flush(10)


# ---- Compliant look-alikes ----

def on_error(exc):
    raise exc


def publish_checked(events):
    producer = KafkaProducer(bootstrap_servers="kafka:9092")
    for event in events:
        producer.send("events", event).add_errback(on_error)
    future = producer.send("events", b"last")
    future.get(timeout=10)
    producer.close()


async def publish_async_checked(event):
    producer = AIOKafkaProducer(bootstrap_servers="kafka:9092")
    await producer.start()
    try:
        await producer.send_and_wait("events", event)
        delivery = await producer.send("events", event)
        await delivery
    finally:
        await producer.stop()


def publish_confluent_checked(event, report):
    producer = Producer({"bootstrap.servers": "kafka:9092"})
    producer.produce("events", value=event, on_delivery=report)
    configured = Producer({"bootstrap.servers": "kafka:9092", "on_delivery": report})
    configured.produce("events", value=event)
    producer.flush(10)


def not_kafka(mailer, message):
    mailer.send(message)
