import logging

import structlog
from loguru import logger as loguru_logger

logger = logging.getLogger(__name__)
log = structlog.get_logger()


def login(request, username, password):
    logger.info("Login attempt for %s with password %s", username, password)  # Noncompliant {{Remove "password" from this log message, or mask it: log records are stored, shipped and read by many people.}}
#                                                                  ^^^^^^^^


def refresh(user, token):
    logger.debug(f"Issued token {token} to {user.id}")  # Noncompliant {{Remove "token" from this log message, or mask it: log records are stored, shipped and read by many people.}}


def call_api(settings):
    logging.info("Calling API with key %s" % settings.API_KEY)  # Noncompliant


def headers_dump(request):
    logger.warning("Bad request: %s", request.headers)  # Noncompliant {{Log the fields you need instead of the whole "request.headers": it carries passwords, tokens, cookies or the Authorization header.}}


def meta_dump(request):
    logger.debug("META {}".format(request.META))  # Noncompliant


def secret_value(settings):
    loguru_logger.info("db password is {}", settings.db_password.get_secret_value())  # Noncompliant


def structlog_kw(user, access_token):
    log.info("token minted", user=user.id, access_token=access_token)  # Noncompliant


def header_read(request):
    auth = request.headers.get("Authorization")
    logger.info("auth header: " + str(request.headers.get("Authorization")))  # Noncompliant


class Client:
    def __init__(self, client_secret):
        self.logger = logging.getLogger("client")
        self.client_secret = client_secret

    def connect(self):
        self.logger.info("connecting with %s", self.client_secret)  # Noncompliant


def several(password, token):
    logger.info("%s %s", password, token)  # Noncompliant
#                        ^^^^^^^^


# Compliant look-alikes

def only_words(user, token):
    logger.info("token refreshed for %s", user.id)
    logger.info("password changed")
    logger.info("token type %s, expires in %s", token_type(), 3600)


def about_secrets(user, token, has_password, password_changed, token_type, password_length):
    logger.info("has password: %s", has_password)
    logger.info("password changed: %s", password_changed)
    logger.info("token type: %s", token_type)
    logger.info("length: %s", password_length)
    logger.info("length: %s", len(token))
    logger.info("prefix: %s", token[:6])
    logger.info("hash: %s", hash_token(token))


def selected_headers(request):
    logger.info("user agent %s", request.headers.get("User-Agent"))
    logger.info("path %s", request.path)


def not_a_logger(messages, password):
    messages.info(password)
    print(password)


def pagination(next_token, page_token):
    logger.info("next page %s %s", next_token, page_token)


def hash_token(token):
    return token


def token_type():
    return "bearer"


def test_login_logs(password):
    logger.info("password %s", password)


def policy_enforce(action, credentials, path_to_private_key, secret_ref):
    # oslo.policy credentials are the caller's roles and ids; paths and references to secrets are not secrets
    logger.debug("enforce %(action)s: %(credentials)s", {"action": action, "credentials": credentials})
    logger.info("key file %s, secret %s", path_to_private_key, secret_ref)
