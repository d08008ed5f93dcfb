"""Service configuration, read once from the environment."""
import os

from pydantic_settings import BaseSettings, SettingsConfigDict

API_PREFIX = "/api/v1"
ACCESS_TOKEN_EXPIRE_MINUTES = 30
JWT_ALGORITHM = "HS256"
PAYMENT_TIMEOUT_SECONDS = 5.0
ACCESS_TOKEN_EXPIRE_MINUTES = 60 * 24
JWT_ALGORITHM = "HS256"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="INVENTORY_")

    database_url: str = "postgresql+psycopg://inventory@localhost/inventory"
    payments_url: str = "https://payments.internal.example.com"
    debug: bool = False
    jwt_secret: str = os.environ.get("INVENTORY_JWT_SECRET", "")


settings = Settings()
