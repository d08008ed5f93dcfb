import logging
import time

import backoff
import pymongo
import requests
import tenacity
from celery import Celery, shared_task
from retrying import retry as retrying_retry
from tenacity import Retrying, retry, stop_after_attempt, stop_never, wait_exponential_jitter, wait_fixed

app = Celery("proj")
log = logging.getLogger(__name__)


@retry  # Noncompliant {{Configure this retry with a stop condition and a wait: a bare "@retry" retries forever, without any delay.}}
def fetch_profile(user_id):
    return requests.get(f"https://api/users/{user_id}", timeout=5).json()


@retry(stop=stop_after_attempt(5))  # Noncompliant {{Give this retry policy a wait with backoff ("wait=wait_exponential_jitter(...)"): as configured it retries immediately and hammers the failing service.}}
#^^^^^
def call_llm(prompt):
    return prompt


@tenacity.retry(wait=wait_fixed(2), reraise=True)  # Noncompliant {{Give this retry policy a stop condition ("stop=stop_after_attempt(...)"): as configured it retries forever.}}
def publish(event):
    return event


@retry(reraise=True)  # Noncompliant {{Give this retry policy a stop condition and a wait: as configured it retries forever, without any delay.}}
def flaky():
    pass


@retry(stop=stop_never, wait=wait_fixed(1))  # Noncompliant
def forever():
    pass


def with_retrying_object():
    for attempt in Retrying(wait=wait_fixed(1)):  # Noncompliant
        with attempt:
            flaky()


@retrying_retry  # Noncompliant
def legacy():
    pass


@backoff.on_exception(backoff.constant, requests.RequestException)  # Noncompliant {{Pass "max_tries" or "max_time" to this backoff decorator: without them it retries forever.}}
def with_backoff(url):
    return requests.get(url, timeout=5)


@app.task(autoretry_for=(requests.RequestException,))  # Noncompliant {{Add "retry_backoff=True" (with "retry_jitter") to this task: its automatic retries all wait the same fixed delay and hit the failing service in waves.}}
def sync_crm(contact_id):
    pass


@shared_task(bind=True, autoretry_for=(Exception,), default_retry_delay=5, max_retries=None)  # Noncompliant {{Set "max_retries" to a number: with "max_retries=None" this task retries forever.}}
#                                                                                      ^^^^
def send_webhook(self, url):
    pass


def connect_forever(url):
    while True:  # Noncompliant {{Bound this retry loop and wait between attempts: its error handlers never give up, so it retries forever, without any delay.}}
#   ^^^^^
        try:
#       ^^^< {{Operation retried on every error}}
            return requests.get(url, timeout=5)
        except requests.RequestException:
            log.warning("retrying %s", url)


def wait_for_database(engine):
    while True:  # Noncompliant {{Bound this retry loop (a maximum number of attempts or a deadline): its error handlers never give up, so it retries forever.}}
        try:
            engine.connect()
            break
        except Exception:
            time.sleep(1)


# ---- Compliant look-alikes ----

@retry(stop=stop_after_attempt(5), wait=wait_exponential_jitter(initial=1, max=30))
def call_llm_ok(prompt):
    return prompt


@backoff.on_exception(backoff.expo, requests.RequestException, max_tries=5)
def with_backoff_ok(url):
    return requests.get(url, timeout=5)


@app.task(autoretry_for=(requests.RequestException,), retry_backoff=True, retry_jitter=True, max_retries=5)
def sync_crm_ok(contact_id):
    pass


@app.task(autoretry_for=(requests.RequestException,), default_retry_delay=30)
def chosen_fixed_delay(contact_id):
    pass


@app.task(bind=True)
def no_autoretry(self):
    pass


def bounded_loop(url):
    attempts = 0
    while True:
        try:
            return requests.get(url, timeout=5)
        except requests.RequestException:
            attempts += 1
            if attempts >= 5:
                raise
            time.sleep(2 ** attempts)


def bounded_by_counter(url):
    attempt = 0
    while True:
        attempt += 1
        if attempt > 3:
            break
        try:
            return requests.get(url, timeout=5)
        except requests.RequestException:
            continue


def for_loop(url):
    for attempt in range(5):
        try:
            return requests.get(url, timeout=5)
        except requests.RequestException:
            time.sleep(attempt)


def consumer(queue):
    while True:
        try:
            handle(queue.get())
        except Exception:
            log.exception("failed")


def handle(message):
    return message


def policy_from_config(settings):
    return retry(**settings.retry_policy)


def walk_back(points):
    while True:
        last = points[-1]
        try:
            value = last.find("distance")
            break
        except AttributeError:
            points = points[:-1]  # the next iteration looks at another point: not a retry
    return value


def poll_task(check, data):
    while True:
        try:
            done = check(data)
            if done:
                break
        except TimeoutError:
            pass
        yield  # cooperative scheduling: the task runner decides when to poll again


def acquire(pool):
    while True:
        try:
            resource = pool.get(block=False)
            break
        except Empty:  # a poll on a local queue, not a failing service
            pool.add_when_empty()
    return resource


def optimistic_transaction(pipe, func):
    while True:
        try:
            func(pipe)
            return pipe.execute()
        except WatchError:  # a concurrent write: optimistic concurrency, not a transient failure
            continue


def read_key(window):
    while True:
        try:
            return window.getkey()
        except Exception:  # no outbound call in the operation
            pass


def mongo_update(collection, query):
    while True:  # Noncompliant
        try:
            doc = collection.find_one_and_update(query, {})
            break
        except pymongo.errors.AutoReconnect:
            log.exception("reconnecting")
    return doc


@tenacity.retry(stop=stop_after_attempt(3), retry=tenacity.retry_if_exception_type(StaleDataError), reraise=True)
def update_with_optimistic_lock(row):  # a lost optimistic lock is retried at once: no wait needed
    pass


@tenacity.retry(stop=stop_after_attempt(3), retry=tenacity.retry_if_exception_type(ConnectionError))  # Noncompliant
def connect_without_wait(host):
    pass


# ---- Unbounded, but the wait grows: daemons that must eventually reach their service (parameter reportUnboundedWithBackoff) ----

@tenacity.retry(wait=tenacity.wait_exponential(multiplier=1, max=60), retry=tenacity.retry_if_exception_type(GroupJoinError))
def join_group(group_id):
    pass


wait_exponential = tenacity.wait_exponential(multiplier=0.5, max=60)
retry_on_exception = tenacity.Retrying(wait=wait_exponential)


def sync(entity_id):
    wait_strategy = tenacity.wait_random_exponential(max=60)

    @tenacity.retry(retry=tenacity.retry_if_result(lambda r: r is None), wait=wait_strategy)
    def _sync():
        return entity_id
    return _sync()


@backoff.on_exception(backoff.expo, requests.RequestException)
def with_expo_backoff(url):
    return requests.get(url, timeout=5)


@shared_task(bind=True, autoretry_for=(Exception,), retry_backoff=True, max_retries=None)
def send_webhook_with_backoff(self, url):
    pass


def reconnect_forever(url):
    delay = 1
    while True:
        try:
            return requests.get(url, timeout=5)
        except requests.ConnectionError:
            time.sleep(delay)
            delay = min(delay * 2, 60)


# ---- Retries that need no wait or no stop ----

@tenacity.retry(wait=wait_exponential, retry=tenacity.retry_never)  # retries only when the function raises TryAgain
def configure():
    pass


@retrying_retry(stop_max_attempt_number=4, retry_on_exception=lambda e: isinstance(e, (UpdateConflict, ReshapeConflict)))
def update_provider(provider):  # a concurrent update is retried at once
    pass


@tenacity.retry(stop=stop_after_attempt(3), retry=tenacity.retry_if_exception(lambda e: isinstance(e, UpdateConflict)))
def update_inventory(provider):
    pass


def read_config(path):
    while True:
        try:
            with open(path) as f:  # no remote call: an OSError here is not a failing service
                return f.read()
        except OSError:
            log.warning("waiting for %s", path)
