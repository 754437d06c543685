"""Text normalisation shared by the dictionary models and the analysis built on them.

It sits below both ``search.models`` (which cleans the words editors enter)
and ``search.analysis`` (which loads those words into jieba), so neither has
to import the other lazily.
"""

import unicodedata


def normalize(text):
    """Full-width to half-width (ＡＢＣ１２３ → ABC123), lower case, collapsed whitespace."""
    return " ".join(unicodedata.normalize("NFKC", text or "").lower().split())
