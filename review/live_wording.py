"""The wording check over live content: every published page's text against the word lists
(``review.wording``), kept as ``WordingFinding`` rows that 网站健康检查 and its report read.

``check_live_wording`` (a command, run nightly) replaces all findings in one transaction, so a list edited
during the day applies to everything already published; a page's own findings are renewed whenever it is
published and removed when it is unpublished.
"""

from django.db import transaction
from django.utils import timezone

from wagtail.models import Page

from .checks import collect
from .models import WordingFinding
from .wording import WordLists, find_problems, sentence_around

CHUNK = 200


def findings_for(page, lists, now):
    findings = []
    for place, text in collect(page).texts:
        for problem in find_problems(text, lists):
            findings.append(
                WordingFinding(
                    page_id=page.pk,
                    kind=problem.kind,
                    level=problem.level,
                    word=problem.word[:100],
                    message=f"{place}：{problem.message}"[:300],
                    place=place[:100],
                    sentence=sentence_around(text, problem.start, problem.end)[:300],
                    found_at=now,
                )
            )
    # The same word in the same sentence is one finding, however often the sentence repeats it.
    unique = {(f.kind, f.word, f.place, f.sentence): f for f in findings}
    return list(unique.values())


def check_live_wording(now=None):
    """Re-check every live page; returns (pages checked, findings)."""
    now = now or timezone.now()
    lists = WordLists.load()
    findings, pages = [], 0
    ids = list(Page.objects.live().filter(depth__gt=1).order_by("path").values_list("pk", flat=True))
    for offset in range(0, len(ids), CHUNK):
        for page in Page.objects.filter(pk__in=ids[offset : offset + CHUNK]).specific().order_by("path"):
            pages += 1
            findings += findings_for(page, lists, now)
    with transaction.atomic():
        WordingFinding.objects.all().delete()
        WordingFinding.objects.bulk_create(findings, batch_size=500)
    return pages, len(findings)


def recheck_page(page):
    with transaction.atomic():
        WordingFinding.objects.filter(page_id=page.pk).delete()
        if page.live:
            WordingFinding.objects.bulk_create(findings_for(page.specific, WordLists.load(), timezone.now()))
