import random
import secrets
import string
import uuid
from random import randint


def generate_otp():
    return str(random.randint(100000, 999999))  # Noncompliant {{Generate "generate_otp" with the "secrets" module (secrets.token_urlsafe(), secrets.randbelow()): "random.randint()" is predictable: a few observed values reveal the generator's state.}}
#              ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^


def reset(user):
    user.reset_token = "".join(random.choice(string.ascii_letters) for _ in range(32))  # Noncompliant
    user.save()


def api_key():
    key = uuid.uuid1().hex  # compliant here: "key" alone is no secret name
    api_key = uuid.uuid1().hex  # Noncompliant {{Generate "api_key" with the "secrets" module (secrets.token_urlsafe(), secrets.randbelow()): uuid1() is made of the time and the machine's MAC address, both guessable.}}
    return key, api_key


def verification():
    code = uuid.uuid4().hex[:6]  # Noncompliant {{Generate "code" with the "secrets" module (secrets.token_urlsafe(), secrets.randbelow()): a uuid4() cut this short keeps too few random bits to resist guessing.}}
    return code


def send(user, mailer):
    mailer.send(user.email, verification_code=randint(1000, 9999))  # Noncompliant
    payload = {"password": "".join(random.choices(string.digits, k=8))}  # Noncompliant
    return payload


def pin_loop():
    pin = ""
    for _ in range(4):
        pin += str(random.randint(0, 9))  # Noncompliant
    return pin


def two_calls():
    session_token = random.choice("ab") + random.choice("cd")  # Noncompliant
    return session_token


# Compliant look-alikes

def good_otp():
    return str(secrets.randbelow(900000) + 100000)


def good_token():
    reset_token = secrets.token_urlsafe(32)
    request_id = uuid.uuid4().hex[:8]
    token = uuid.uuid4().hex
    return reset_token, request_id, token


def jitter(servers):
    delay = random.random()
    server = random.choice(servers)
    status_code = random.choice([200, 500])
    token = fetch_token(random.choice(servers))
    if random.random() < 0.5:
        token = "a"
    return delay, server, status_code, token


def fetch_token(server):
    return server


def test_token_generator():
    token = str(random.randint(0, 10))
    return token
