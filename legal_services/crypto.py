"""Encryption at rest for the personal data of legal-aid applicants (ID and phone numbers).

Keys are Fernet keys (``Fernet.generate_key()``) in ``LEGAL_DATA_KEYS``,
comma-separated, newest first. Values are encrypted with the first key and
decrypted with any of them, which makes rotation safe:

1. generate a key: ``python -c "from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())"``;
2. put it in front: ``LEGAL_DATA_KEYS=<new>,<old>`` and restart every process;
3. run ``manage.py rotate_legal_keys`` to re-encrypt every stored value with the new key;
4. remove the old key from ``LEGAL_DATA_KEYS`` and restart.

Development and tests derive a key from ``SECRET_KEY`` when none is set, so that
a checkout works without configuration. Production never does: without
``LEGAL_DATA_KEYS`` the online legal-aid form stays closed (it says so to the
public) and nothing personal is stored.
"""

import base64
import hashlib

from cryptography.fernet import Fernet, InvalidToken, MultiFernet

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import models


def _configured_keys():
    return [key.strip() for key in getattr(settings, "LEGAL_DATA_KEYS", None) or [] if key.strip()]


def available():
    """Whether personal data can be encrypted: keys are configured, or (development) derived."""
    return bool(_configured_keys()) or getattr(settings, "LEGAL_DATA_KEYS_FROM_SECRET_KEY", False)


def _keys():
    keys = _configured_keys()
    if not keys:
        if not available():
            raise ImproperlyConfigured("LEGAL_DATA_KEYS is not set; legal-aid personal data cannot be encrypted")
        digest = hashlib.sha256(f"legal-data:{settings.SECRET_KEY}".encode()).digest()
        keys = [base64.urlsafe_b64encode(digest).decode()]
    try:
        return [Fernet(key) for key in keys]
    except ValueError as error:
        raise ImproperlyConfigured(f"LEGAL_DATA_KEYS holds a key that is not a Fernet key: {error}") from None


def cipher():
    """Built on each use so a changed setting (tests, rotation) takes effect without a restart of the module."""
    return MultiFernet(_keys())


def encrypt(value):
    return cipher().encrypt(value.encode()).decode()


def decrypt(token):
    try:
        return cipher().decrypt(token.encode()).decode()
    except InvalidToken:
        raise ImproperlyConfigured(
            "Stored legal-aid data cannot be decrypted with LEGAL_DATA_KEYS; was a key removed before rotating?"
        ) from None


def rotate(token):
    """The same value encrypted with the newest key."""
    return cipher().rotate(token.encode()).decode()


class EncryptedTextField(models.TextField):
    """A text column stored encrypted; Python code sees the plain value. It cannot be filtered on."""

    def from_db_value(self, value, expression, connection):
        return decrypt(value) if value else value

    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        return encrypt(value) if value else value
