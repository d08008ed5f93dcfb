import base64
import hashlib

import requests

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import User
from accounts.models import Account
from passlib.context import CryptContext
from passlib.hash import md5_crypt, bcrypt

pwd_context = CryptContext(schemes=["md5_crypt", "bcrypt"])  # Noncompliant {{Put "argon2" or "bcrypt" first in these schemes: new passwords are hashed with the first one, and "md5_crypt" is fast or unsalted.}}
#                                   ^^^^^^^^^^^


def hash_password(password):
    return hashlib.md5(password.encode()).hexdigest()  # Noncompliant {{Hash "password" with a slow, salted password hasher (Django's make_password(), argon2, bcrypt or hashlib.scrypt) instead of md5(): fast hashes of leaked passwords are cracked in hours.}}


def register(form, salt, account):
    digest = hashlib.sha256((salt + form.password).encode("utf-8")).hexdigest()  # Noncompliant
    account.password_hash = digest
    account.save()


def encode_password(raw_password):
    h = hashlib.sha1()
    h.update(raw_password.encode())  # Noncompliant
    return "{SHA}" + base64.b64encode(h.digest()).decode()


def legacy_hash(password):
    return md5_crypt.hash(password)  # Noncompliant {{Hash passwords with argon2 or bcrypt instead of passlib's "md5_crypt": it is fast or unsalted, so leaked hashes are cracked in hours.}}


def sign_up(username, password):
    return Account(username=username, password=hashlib.md5(password.encode()).hexdigest())  # Noncompliant


def sign_up_row(db, users, username, password):
    row = {"name": username, "password": hashlib.sha1(password.encode()).hexdigest()}  # Noncompliant
    db.execute(users.insert(), row)


def reset(user, new_password):
    user["password"] = f"sha256${hashlib.sha256(new_password.encode()).hexdigest()}"  # Noncompliant


def create_account(request):
    User.objects.create(username=request.POST["username"], password=request.POST["password"])  # Noncompliant {{Use create_user() instead: create() stores this password as given, in clear text, and the user cannot log in with it.}}
#                                                          ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^


def create_with_model(data):
    get_user_model().objects.create(email=data["email"], password=data["password"])  # Noncompliant


def change_password(request, user, new_password):
    user.password = new_password  # Noncompliant {{Use user.set_password(new_password) instead: this stores the password in clear text, and the user cannot log in with it.}}
    user.save()


# Compliant look-alikes

def good_create(request):
    User.objects.create_user(username=request.POST["username"], password=request.POST["password"])
    User.objects.create(username="x", password=make_password(request.POST["password"]))


def good_change(user, new_password):
    user.set_password(new_password)
    user.save()


def hashed_assignment(user, new_password):
    user.password = make_password(new_password)
    user.save()


def not_saved(user, password):
    user.password = password
    return user


def checksum(data, token):
    return hashlib.sha256(data).hexdigest(), hashlib.sha256(token.encode()).hexdigest()


def rehash(hashed_password):
    return hashlib.sha256(hashed_password.encode()).hexdigest()


def slow(password, salt):
    return hashlib.pbkdf2_hmac("sha256", password.encode(), salt, 600_000), bcrypt.hash(password)


good_context = CryptContext(schemes=["argon2", "md5_crypt"], deprecated="auto")


def test_hash_password(password):
    assert hashlib.md5(password.encode()).hexdigest()


class LegacyMD5PasswordHasher:
    def encode(self, password, salt):
        return hashlib.md5((salt + password).encode()).hexdigest()


def pwned(password):
    # the k-anonymity range query of HaveIBeenPwned takes a SHA-1 prefix: not storage
    sha1 = hashlib.sha1(password.encode("utf8")).hexdigest()
    return requests.get(f"https://api.pwnedpasswords.com/range/{sha1[:5].upper()}", timeout=5)


def backend_login(client, user, password):
    # a storage API whose login protocol wants the digest: not storage
    sha256 = hashlib.sha256()
    sha256.update(password.encode("utf8"))
    password = sha256.hexdigest()
    data = {"username": user, "password": password}
    return client.run(url="user/login", data=data)


def cache_key(username, password):
    return "auth:" + hashlib.md5((username + password).encode()).hexdigest()


def credentials_cached(cache, username, password):
    cache.set("auth:" + hashlib.md5(password.encode()).hexdigest(), username)


def verify(stored, password):
    return md5_crypt.hash(password) == stored


def store_encrypted(user_creds, values, crypt):
    method, password = crypt.encrypt(values["password"])
    user_creds.password = password
    user_creds.save()
