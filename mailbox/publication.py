"""What of a letter goes on the public site: its title, text and reply with the writer's details hidden.

The masked texts are computed when the reply is approved and stored, so the page shows exactly what the
approver was shown; the approver sees every hidden detail beforehand on the letter's admin page.
"""

from collections import Counter

from intake.masking import mask_personal_details

PUBLIC_FIELDS = {"title": "public_title", "content": "public_content", "reply": "public_reply"}


def mask_letter(letter):
    """{source field: Masked} for the letter's title, text and reply."""
    return {
        source: mask_personal_details(getattr(letter, source), name=letter.name, phone=letter.phone)
        for source in PUBLIC_FIELDS
    }


def fill_public_texts(letter):
    """Sets the letter's public_* fields; returns the findings summary for the handling record."""
    masked = mask_letter(letter)
    for source, target in PUBLIC_FIELDS.items():
        setattr(letter, target, masked[source].text)
    return summarise(masked)


def summarise(masked):
    """公开时已隐去：姓名2处、电话1处 — or an empty string when nothing was hidden."""
    counts = Counter(kind for part in masked.values() for kind, _original, _shown in part.findings)
    if not counts:
        return ""
    return "公开时已隐去：" + "、".join(f"{kind}{count}处" for kind, count in counts.items())
