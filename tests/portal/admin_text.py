"""Visible text of an admin page, and the English UI words in it."""

import json
import re
from html.parser import HTMLParser

# Brand and technical tokens an official may see in a Chinese admin.
ALLOWED_WORDS = {
    "wagtail",
    "pdf",
    "excel",
    "url",
    "id",
    "html",
    "seo",
    "api",
    "rss",
    "javascript",
    "jpg",
    "jpeg",
    "png",
    "gif",
    "webp",
    "svg",
    "mp3",
    "mp4",
    "icp",
    "xlsx",
    "csv",
    # keys in the keyboard-shortcut help
    "ctrl",
    "alt",
    "shift",
    "esc",
    "cmd",
    "option",
    "enter",
    # the city placeholder in column type names, as in 法治XX
    "xx",
}
VISIBLE_ATTRIBUTES = {"title", "placeholder", "aria-label"}
HIDDEN_ELEMENTS = {"script", "style"}
# Elements whose text the admin's scripts replace before anyone sees it (the side panel's counter says
# "None" until the script counts the comments or checks).
SCRIPT_FILLED_ATTRIBUTES = {"data-side-panel-toggle-counter"}
WORD = re.compile(r"[A-Za-z][A-Za-z'’]+")
PLACEHOLDER = re.compile(r"%\([a-z_]+\)[sd]|%[sd]|\{[a-z_0-9]*\}|https?://\S+")


class VisibleText(HTMLParser):
    """Collects the text nodes outside <script> and <style>, the attributes a reader sees or hears, and the
    admin's configuration (the JSON in <script id="wagtail-config">)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.chunks = []
        self.config = None
        self._skipped_tag = None
        self._skipped_depth = 0
        self._in_config = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if self._skipped_tag:
            self._skipped_depth += tag == self._skipped_tag
            return
        if tag in HIDDEN_ELEMENTS or SCRIPT_FILLED_ATTRIBUTES.intersection(attributes):
            self._skipped_tag, self._skipped_depth = tag, 1
            self._in_config = tag == "script" and attributes.get("id") == "wagtail-config"
        self.handle_startendtag(tag, attrs)

    def handle_startendtag(self, tag, attrs):
        for name, value in attrs:
            if name in VISIBLE_ATTRIBUTES and value:
                self.chunks.append(value)

    def handle_endtag(self, tag):
        if tag == self._skipped_tag:
            self._skipped_depth -= 1
            if not self._skipped_depth:
                self._skipped_tag, self._in_config = None, False

    def handle_data(self, data):
        if self._in_config:
            self.config = json.loads(data)
        elif not self._skipped_tag and data.strip():
            self.chunks.append(data)


def visible_text(html):
    """(the visible text chunks, the parsed wagtailConfig or None) of a page."""
    parser = VisibleText()
    parser.feed(html)
    parser.close()
    return parser.chunks, parser.config


def english_words(chunks, user_content=()):
    """{word: where it was} for the English words in ``chunks``.

    ``user_content`` strings (user names, host names) are taken out first, and so are format placeholders
    (``%(count)s``, ``{title}``) and web addresses.
    """
    found = {}
    for chunk in chunks:
        text = chunk
        for content in user_content:
            text = text.replace(content, " ")
        text = PLACEHOLDER.sub(" ", text)
        for word in WORD.findall(text):
            if word.lower() not in ALLOWED_WORDS:
                found.setdefault(word, " ".join(chunk.split())[:120])
    return found


def strings_of(value):
    """Every string inside a JSON value."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings_of(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings_of(item)
