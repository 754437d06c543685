"""Reference numbers and secret query codes for things citizens submit (letters, requests, applications).

Numbers come from ``SerialCounter`` rows locked for the increment, so two
submissions at the same moment, in any number of processes, never share one.
Query codes are shown once and stored only as a password hash.
"""

import functools
import secrets

from django.contrib.auth.hashers import check_password, make_password
from django.db import transaction
from django.utils import timezone

from .models import SerialCounter

QUERY_CODE_DIGITS = 10


def next_serial(key):
    """The next value of the series ``key`` (1, 2, 3, …), allocated atomically."""
    with transaction.atomic():
        SerialCounter.objects.get_or_create(key=key)
        counter = SerialCounter.objects.select_for_update().get(key=key)
        counter.value += 1
        counter.save(update_fields=["value"])
        return counter.value


def daily_reference(prefix, when=None, width=4):
    """A reference such as ``XX20261125-0007``: the prefix, the local date and that day's sequence."""
    day = timezone.localdate(when or timezone.now())
    return f"{prefix}{day:%Y%m%d}-{next_serial(f'{prefix}{day:%Y%m%d}'):0{width}d}"


def new_query_code():
    """A secret 10-digit query code, uniformly random."""
    return f"{secrets.randbelow(10**QUERY_CODE_DIGITS):0{QUERY_CODE_DIGITS}d}"


def hash_query_code(code):
    return make_password(code)


@functools.cache
def _decoy_hash():
    return hash_query_code(new_query_code())


def find_by_code(queryset, reference_field, reference, code):
    """The record whose ``reference_field`` is ``reference`` and whose query code is ``code``, or None.

    An unknown reference is checked against a decoy hash, so it takes as long as a wrong code and
    reveals nothing about which references exist.
    """
    found = queryset.filter(**{reference_field: reference}).first()
    matched = query_code_matches(code, found.query_code_hash if found else _decoy_hash())
    return found if matched and found is not None else None


def query_code_matches(code, hashed):
    """Constant-time check; a malformed code simply does not match."""
    code = (code or "").strip()
    if len(code) != QUERY_CODE_DIGITS or not code.isdigit() or not hashed:
        return False
    return check_password(code, hashed)
