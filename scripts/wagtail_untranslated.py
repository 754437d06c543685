#!/usr/bin/env python3
"""The admin strings of the installed Wagtail that its own Simplified Chinese catalogue leaves untranslated.

Wagtail (and wagtail-localize, wagtailmedia, and Django itself) ship an English source catalogue
(``<app>/locale/en/LC_MESSAGES/<domain>.po``) with every message of the release; their
``zh_Hans`` catalogue lags behind and has no, empty or fuzzy entries for the newest strings, which the
admin then shows in English. The project catalogue (``portal/locale/zh_Hans/LC_MESSAGES/``, first
in ``LOCALE_PATHS``, so it wins over the apps' catalogues) fills them.

Usage (run with the project's virtualenv, which has polib):

    .venv/bin/python scripts/wagtail_untranslated.py            # list what the project catalogue lacks
    .venv/bin/python scripts/wagtail_untranslated.py --all      # list everything upstream lacks
    .venv/bin/python scripts/wagtail_untranslated.py --update   # add the lacking msgids (empty msgstr)
    .venv/bin/python scripts/wagtail_untranslated.py --check    # exit 1 when anything is lacking

After an upgrade: ``--update``, translate the new empty entries, then compile with
``msgfmt --check -o django.mo django.po`` (and the same for ``djangojs``) and commit both files.
"""

import argparse
import importlib.util
import sys
from pathlib import Path

import polib

PACKAGES = ("wagtail", "wagtail_localize", "wagtailmedia", "django")  # Django lacks a validation message
LANGUAGE = "zh_Hans"
DOMAINS = ("django", "djangojs")
CATALOGUE_DIR = Path(__file__).resolve().parent.parent / "portal" / "locale" / LANGUAGE / "LC_MESSAGES"
HEADER = {
    "Project-Id-Version": "portal",
    "PO-Revision-Date": "2026-12-02 09:00+0800",
    "Last-Translator": "portal team",
    "Language-Team": "Simplified Chinese",
    "Language": LANGUAGE,
    "MIME-Version": "1.0",
    "Content-Type": "text/plain; charset=UTF-8",
    "Content-Transfer-Encoding": "8bit",
    "Plural-Forms": "nplurals=1; plural=0;",
}


def key(entry):
    return entry.msgctxt, entry.msgid


def translated_keys(po):
    return {key(entry) for entry in po if entry.translated() and not entry.obsolete}


def source_catalogues(package):
    """(domain, app path, English source .po) for every locale directory of an installed package."""
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        return
    for root in spec.submodule_search_locations:
        for source in sorted(Path(root).rglob("locale/en/LC_MESSAGES/*.po")):
            if source.stem in DOMAINS:
                origin = str(source.parents[3].relative_to(Path(root).parent))
                yield source.stem, origin, source


def untranslated_upstream():
    """{domain: {key: (entry, origin)}} of the messages the installed packages leave untranslated in zh_Hans.

    A message translated by any installed zh_Hans catalogue (Django merges them all) counts as translated.
    """
    sources = [found for package in PACKAGES for found in source_catalogues(package)]
    done = {domain: set() for domain in DOMAINS}
    for package in PACKAGES:
        for root in importlib.util.find_spec(package).submodule_search_locations:
            for chinese in Path(root).rglob(f"locale/{LANGUAGE}/LC_MESSAGES/*.po"):
                if chinese.stem in DOMAINS:
                    done[chinese.stem] |= translated_keys(polib.pofile(str(chinese)))
    found = {domain: {} for domain in DOMAINS}
    for domain, origin, source in sources:
        for entry in polib.pofile(str(source)):
            if not entry.obsolete and entry.msgid and key(entry) not in done[domain]:
                found[domain].setdefault(key(entry), (entry, origin))
    return found


def catalogue(domain):
    path = CATALOGUE_DIR / f"{domain}.po"
    if path.is_file():
        return path, polib.pofile(str(path), wrapwidth=0)
    po = polib.POFile(wrapwidth=0)
    po.metadata = dict(HEADER)
    return path, po


def lacking(everything=False):
    """{domain: [(entry, origin), ...]} still to translate (in the project catalogue unless ``everything``)."""
    result = {}
    for domain, entries in untranslated_upstream().items():
        done = set() if everything else translated_keys(catalogue(domain)[1])
        result[domain] = [value for entry_key, value in entries.items() if entry_key not in done]
    return result


def update():
    """Add every lacking message to the project catalogue with an empty translation; keep what is there."""
    for domain, entries in lacking().items():
        path, po = catalogue(domain)
        present = {key(entry) for entry in po}
        for entry, origin in entries:
            if key(entry) in present:
                continue
            flags = [flag for flag in entry.flags if flag != "fuzzy"]  # python-format lets msgfmt check placeholders
            new = polib.POEntry(msgctxt=entry.msgctxt, msgid=entry.msgid, msgstr="", comment=origin, flags=flags)
            if entry.msgid_plural:
                new.msgid_plural = entry.msgid_plural
                new.msgstr_plural = {0: ""}
            po.append(new)
        if len(po):
            path.parent.mkdir(parents=True, exist_ok=True)
            po.save(str(path))


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--all", action="store_true", help="everything upstream lacks, ignoring the project catalogue")
    group.add_argument("--update", action="store_true", help="add lacking msgids to the project catalogue")
    group.add_argument("--check", action="store_true", help="exit 1 when the project catalogue lacks anything")
    args = parser.parse_args(argv)
    if args.update:
        update()
    missing = lacking(everything=args.all)
    for domain, entries in missing.items():
        for entry, origin in entries:
            context = f" [{entry.msgctxt}]" if entry.msgctxt else ""
            print(f"{domain}\t{origin}\t{entry.msgid!r}{context}")
    count = sum(len(entries) for entries in missing.values())
    if args.check and count:
        print(f"{count} Wagtail admin strings have no Simplified Chinese translation.", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
