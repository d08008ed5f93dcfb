import ftplib
import imaplib
import smtplib

import anthropic
import boto3
import litellm
import openai
import redis
import redis.asyncio as aioredis
from botocore.config import Config
from openai import AsyncOpenAI, OpenAI


client = OpenAI()  # Noncompliant {{Pass "timeout" to this OpenAI client: its default lets a request run for 10 minutes, retried twice.}}
#        ^^^^^^
claude = anthropic.AsyncAnthropic(max_retries=2)  # Noncompliant {{Pass "timeout" to this AsyncAnthropic client: its default lets a request run for 10 minutes, retried twice.}}


async def ask(messages, model_id):
    response = await litellm.acompletion(model=model_id, messages=messages)  # Noncompliant {{Pass "timeout" to this "litellm.acompletion()" call: its default lets a request run for 10 minutes.}}
    legacy = openai.ChatCompletion.create(model=model_id, messages=messages)  # Noncompliant {{Pass "request_timeout" to this "openai.ChatCompletion.create()" call: its default lets a request run for 10 minutes.}}
    return response, legacy


cache = redis.Redis(host="cache", port=6379)  # Noncompliant {{Pass "socket_timeout" to this Redis client: its default has no socket timeout and blocks forever on an unresponsive server.}}
queue = redis.from_url("redis://cache:6379/1")  # Noncompliant {{Pass "socket_timeout" to this Redis client (or set it in the URL): its default has no socket timeout and blocks forever on an unresponsive server.}}
async_cache = aioredis.Redis(host="cache")  # Noncompliant
pool = redis.ConnectionPool(host="cache", max_connections=50)  # Noncompliant {{Pass "socket_timeout" to this Redis connection pool: its default has no socket timeout and blocks forever on an unresponsive server.}}
explicit_none = redis.StrictRedis(host="cache", socket_timeout=None)  # Noncompliant {{Replace "socket_timeout=None" with a timeout in seconds: this Redis client then has no socket timeout and blocks forever on an unresponsive server.}}
#                                               ^^^^^^^^^^^^^^^^^^^


def send_mail(host, message):
    with smtplib.SMTP(host, 587) as smtp:  # Noncompliant {{Pass "timeout" to this SMTP connection: its default waits forever for a slow or silent server.}}
        smtp.send_message(message)
    smtplib.SMTP_SSL(host)  # Noncompliant
    ftplib.FTP(host)  # Noncompliant
    imaplib.IMAP4_SSL(host)  # Noncompliant


# ---- Compliant look-alikes ----

configured = OpenAI(timeout=30.0, max_retries=2)
configured_async = AsyncOpenAI(timeout=openai_timeout) if (openai_timeout := 20) else None
per_request = OpenAI()
per_request.with_options(timeout=15).chat.completions.create(model="m", messages=[])


class Assistant:
    def __init__(self):
        self.llm = anthropic.Anthropic()

    def reply(self, prompt):
        return self.llm.messages.create(model="m", max_tokens=100, messages=[prompt], timeout=20)


async def ask_with_timeout(messages, settings):
    return await litellm.acompletion(model="m", messages=messages, timeout=settings.LLM_TIMEOUT_SECONDS)


good_cache = redis.Redis(host="cache", socket_timeout=5, socket_connect_timeout=2)
positional = redis.Redis("cache", 6379, 0, None, 5)
from_pool = redis.Redis(connection_pool=redis.ConnectionPool(host="cache", socket_timeout=5))
url_configured = redis.from_url("redis://cache:6379/1?socket_timeout=5")
from_kwargs = redis.Redis(**{"host": "cache"})


def mail_with_timeout(host):
    smtplib.SMTP(host, 587, timeout=10)
    smtplib.SMTP(host, 587, None, 10)
    smtplib.SMTP()  # connects later with connect()
    ftplib.FTP(host, timeout=30)


def storage(settings):
    # botocore's defaults are finite (60 s to connect, 60 s per read): not reported
    s3 = boto3.client("s3")
    session = boto3.Session(profile_name="prod")
    sqs = session.resource("sqs")
    dynamo = boto3.client("dynamodb", config=Config(retries={"max_attempts": 3}))
    return s3, sqs, dynamo


def redis_from_settings(settings):
    # the URL comes from the settings: it may carry "?socket_timeout=..." itself
    redis.from_url(settings.REDIS_URL)
    redis.ConnectionPool.from_url(settings.CACHE_URL, max_connections=10)
    return redis.Redis.from_url(url=settings.broker_url)


def storage_with_timeouts(config):
    boto3.client("s3", config=Config(connect_timeout=5, read_timeout=30))
    tuned = Config(read_timeout=10, retries={"mode": "standard"})
    boto3.client("sqs", config=tuned)
    boto3.client("sns", config=config)  # unknown configuration
    boto3.client(**config)


def not_sdk_clients(db, session):
    db.client("x")
    session.resource("y")
