"""Nonces for the inline scripts the Wagtail admin writes itself, and for nothing else.

Wagtail 8 renders a few widgets with an inline ``<script>`` that only calls a known initialiser with data:
``new PageChooser("id_page", {…});`` (choosers), ``initDateTimeChooser("id", {…});`` (date/time inputs),
``(function() { var panel = new InlinePanel(JSON.parse("…")); })();`` (inline and multiple-chooser
panels), ``createTaskChooser("id");``. Their text changes on every render and the code that writes them
never sees the request, so no hash or template nonce fits. This module gives the request's nonce to an
inline script only when its whole text is such a call — an allowed function name and arguments that
parse as JSON — so a script injected into the page by anybody else still does not run.
"""

import json
import re

# Initialisers Wagtail 8, wagtailmedia and wagtail-localize call from inline scripts.
ALLOWED_INITIALISERS = frozenset(
    {
        "AdminPageChooser",
        "PageChooser",
        "ImageChooser",
        "DocumentChooser",
        "SnippetChooser",
        "TaskChooser",
        "MediaChooser",
        "InlinePanel",
        "MultipleChooserPanel",
        "createTaskChooser",
        "createMediaChooser",
        "createPageChooser",
        "createImageChooser",
        "createDocumentChooser",
        "createSnippetChooser",
        "initDateChooser",
        "initTimeChooser",
        "initDateTimeChooser",
    }
)

_INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.DOTALL)
_CALL = re.compile(
    r"^\s*(?P<wrapped>\(function\s*\(\)\s*\{\s*var\s+\w+\s*=\s*)?(?:new\s+)?(?P<name>[A-Za-z_]\w*)"
    r"\((?P<args>.*?)\);?\s*(?(wrapped)\}\)\(\);)\s*$",
    re.DOTALL,
)
_JSON_PARSE = re.compile(r'^JSON\.parse\(("(?:[^"\\]|\\.)*")\)$', re.DOTALL)


def is_known_initialiser(script):
    """Whether ``script`` is exactly one call of an allowed initialiser with JSON data as its arguments."""
    match = _CALL.match(script)
    if not match or match.group("name") not in ALLOWED_INITIALISERS:
        return False
    args = match.group("args").strip()
    parsed = _JSON_PARSE.match(args)
    if parsed:
        args = parsed.group(1)
    try:
        json.loads(f"[{args}]")
    except ValueError:
        return False
    return True


def add_nonce_to_known_scripts(html, get_nonce):
    """``html`` with the nonce on each inline script that is a known initialiser call; others untouched.

    ``get_nonce`` is called only when such a script is found, so pages without one keep a policy
    without a nonce.
    """

    def nonced(match):
        if is_known_initialiser(match.group(1)):
            return f'<script nonce="{get_nonce()}">{match.group(1)}</script>'
        return match.group(0)

    return _INLINE_SCRIPT.sub(nonced, html)
