"""Request ids on responses and log records; production log records are one line, plain or JSON."""

import json
import logging
import sys

import pytest

from portal.requests import JsonFormatter, OneLineFormatter, RequestIdFilter
from search.analysis import dictionary, load_dictionary

pytestmark = pytest.mark.django_db


def test_every_response_gets_a_request_id_and_a_sane_incoming_one_is_kept(client):
    first, second = client.get("/healthz")["X-Request-ID"], client.get("/healthz")["X-Request-ID"]
    assert len(first) == 32 and first != second
    assert client.get("/healthz", headers={"X-Request-ID": "nginx-0123456789"})["X-Request-ID"] == "nginx-0123456789"
    forged = client.get("/healthz", headers={"X-Request-ID": "x\r\nSet-Cookie: a=b"})["X-Request-ID"]
    assert len(forged) == 32 and "Set-Cookie" not in forged


def record_with_traceback(request_id):
    try:
        raise ValueError("坏数据\n第二行")
    except ValueError:
        message = "Internal Server Error: %s"
        record = logging.LogRecord("django.request", logging.ERROR, __file__, 1, message, ("/x",), None)
        record.exc_info = sys.exc_info()
    record.request = type("Request", (), {"id": request_id})()
    RequestIdFilter().filter(record)
    return record


def test_a_failure_with_its_traceback_is_one_plain_line_with_the_request_id():
    line = OneLineFormatter().format(record_with_traceback("abc12345"))
    assert "\n" not in line
    assert " ERROR django.request [abc12345] Internal Server Error: /x | Traceback" in line
    assert "ValueError: 坏数据 | 第二行" in line


def test_json_lines():
    line = JsonFormatter().format(record_with_traceback("abc12345"))
    assert "\n" not in line
    entry = json.loads(line)
    assert entry["level"] == "ERROR" and entry["request_id"] == "abc12345"
    assert entry["message"] == "Internal Server Error: /x" and "ValueError: 坏数据" in entry["exception"]


def test_outside_a_request_the_id_is_a_dash():
    record = logging.LogRecord("portal", logging.WARNING, __file__, 1, "message", (), None)
    RequestIdFilter().filter(record)
    assert record.request_id == "-"


def test_the_warm_up_loads_the_search_dictionary(monkeypatch):
    from portal import warmup

    monkeypatch.setattr(dictionary, "_tokenizer", None)
    monkeypatch.setattr(dictionary, "_version", None)
    timings = warmup.run()
    assert "search.dictionary" in timings
    assert dictionary._tokenizer is not None
    assert load_dictionary() is None  # loaded: a second call costs nothing
