"""The portal project: settings, URLs, the home page, site identity and base templates."""
