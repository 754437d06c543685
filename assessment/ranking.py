"""Competition ranking (1, 1, 3): higher score first; ties share a rank and are listed by name, then id."""


def rank(entries):
    """``entries`` have ``score``, ``name`` and ``id``; returns ``(rank, entry)`` pairs in display order."""
    ordered = sorted(entries, key=lambda e: (-e["score"], e["name"], e["id"]))
    ranked = []
    for position, entry in enumerate(ordered, start=1):
        if ranked and ranked[-1][1]["score"] == entry["score"]:
            ranked.append((ranked[-1][0], entry))
        else:
            ranked.append((position, entry))
    return ranked
