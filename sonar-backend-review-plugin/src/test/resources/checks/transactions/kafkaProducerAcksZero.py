from aiokafka import AIOKafkaProducer
from confluent_kafka import Producer
from kafka import KafkaProducer

fire_and_forget = KafkaProducer(bootstrap_servers="kafka:9092", acks=0)  # Noncompliant {{Use "acks='all'" (or at least 1) for this producer: with acks=0 the broker never confirms a write, so messages lost in flight are never reported or retried.}}
#                                                                    ^
async_producer = AIOKafkaProducer(bootstrap_servers="kafka:9092", acks="0")  # Noncompliant
CONFIG = {"bootstrap.servers": "kafka:9092", "acks": 0}  # Noncompliant
#                                            ^^^^^^^^^
confluent = Producer(CONFIG)
#           ^^^^^^^^^^^^^^^^< {{Producer created with this configuration}}

# ---- Compliant look-alikes ----

durable = KafkaProducer(bootstrap_servers="kafka:9092", acks="all", retries=5)
leader_only = AIOKafkaProducer(bootstrap_servers="kafka:9092", acks=1)
default = KafkaProducer(bootstrap_servers="kafka:9092")
confluent_ok = Producer({"bootstrap.servers": "kafka:9092", "acks": "all"})
not_kafka = dict(acks=0)
