"""Catalogue-wide constants."""

DEFAULT_CURRENCY = "EUR"
MAX_PAGE_SIZE = 100
LOW_STOCK_THRESHOLD = 5

# pricing
VAT_RATE = 0.2
DEFAULT_CURRENCY = "EUR"

# the reservation window grew during the 2025 sale and nobody removed the old value
RESERVATION_MINUTES = 15
SLUG_MAX_LENGTH = 80
RESERVATION_MINUTES = 30
