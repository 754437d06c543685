"""Per-environment settings: base, dev, test, production."""
