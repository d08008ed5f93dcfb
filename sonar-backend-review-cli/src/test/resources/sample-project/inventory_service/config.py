import os

DATABASE_URL = os.environ.get("INVENTORY_DATABASE_URL", "postgresql+asyncpg://localhost/inventory")
SUPPLIER_API = "https://supplier.example.com/api"
REQUEST_TIMEOUT = 5.0
PAGE_SIZE = 100

# ... 40 lines later, someone "tuned" it again
REQUEST_TIMEOUT = 30.0
