import logging

import httpx
import requests

from ..config import PAYMENT_TIMEOUT_SECONDS, settings

log = logging.getLogger(__name__)


def notify_low_stock(sku: str, quantity: int) -> None:
    response = requests.post(f"{settings.payments_url}/alerts", json={"sku": sku, "quantity": quantity})
    if response.status_code >= 400:
        log.warning("low-stock alert for %s failed: %s", sku, response.status_code)


async def charge(customer_id: int, amount_cents: int) -> str:
    async with httpx.AsyncClient(timeout=PAYMENT_TIMEOUT_SECONDS) as client:
        response = await client.post(f"{settings.payments_url}/charges", json={"customer": customer_id, "amount": amount_cents})
        response.raise_for_status()
        return response.json()["id"]
