from aiokafka import AIOKafkaConsumer
from confluent_kafka import Consumer
from kafka import KafkaConsumer


def consume(handle):
    consumer = KafkaConsumer("orders", bootstrap_servers="kafka:9092", enable_auto_commit=False)
    try:
        for message in consumer:
            consumer.commit()  # Noncompliant {{Commit after processing the message: committing first loses the message if processing fails or the process stops.}}
#           ^^^^^^^^^^^^^^^^^
            handle(message.value)
#           ^^^^^^^^^^^^^^^^^^^^^< {{Message processed after its offset was committed}}
    finally:
        consumer.close()


async def consume_async(handle):
    consumer = AIOKafkaConsumer("orders", bootstrap_servers="kafka:9092", enable_auto_commit=False)
    await consumer.start()
    try:
        async for message in consumer:
            await consumer.commit()  # Noncompliant
            await handle(message)
    finally:
        await consumer.stop()


def consume_confluent(handle):
    consumer = Consumer({"bootstrap.servers": "kafka:9092", "group.id": "billing", "enable.auto.commit": False})
    try:
        while True:
            msg = consumer.poll(1.0)
            if msg is None:
                continue
            consumer.commit(message=msg)  # Noncompliant
            handle(msg.value())
    finally:
        consumer.close()


# ---- Compliant look-alikes ----

def consume_ok(handle):
    consumer = KafkaConsumer("orders", bootstrap_servers="kafka:9092", enable_auto_commit=False)
    try:
        for message in consumer:
            handle(message.value)
            consumer.commit()
    finally:
        consumer.close()


async def consume_batches(handle):
    consumer = AIOKafkaConsumer("orders", bootstrap_servers="kafka:9092", enable_auto_commit=False)
    await consumer.start()
    try:
        while True:
            batch = await consumer.getmany(timeout_ms=1000)
            for partition, messages in batch.items():
                await handle(messages)
            await consumer.commit()
    finally:
        await consumer.stop()


def unrelated_commit(db, items):
    for item in items:
        db.commit()
        print(item)
