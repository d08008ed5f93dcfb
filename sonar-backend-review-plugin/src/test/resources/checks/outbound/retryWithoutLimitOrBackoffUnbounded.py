import backoff
import requests
import tenacity
from celery import shared_task


@tenacity.retry(wait=tenacity.wait_exponential(multiplier=1, max=60))  # Noncompliant {{Give this retry policy a stop condition ("stop=stop_after_attempt(...)"): as configured it retries forever.}}
def join_group(group_id):
    pass


@backoff.on_exception(backoff.expo, requests.RequestException)  # Noncompliant
def with_expo_backoff(url):
    return requests.get(url, timeout=5)


@shared_task(bind=True, autoretry_for=(Exception,), retry_backoff=True, max_retries=None)  # Noncompliant
def send_webhook_with_backoff(self, url):
    pass


def reconnect_forever(url):
    delay = 1
    while True:  # Noncompliant
        try:
            return requests.get(url, timeout=5)
        except requests.ConnectionError:
            time.sleep(delay)
            delay = min(delay * 2, 60)


@tenacity.retry(stop=tenacity.stop_after_attempt(3), wait=tenacity.wait_exponential(max=10))
def bounded(url):
    pass
