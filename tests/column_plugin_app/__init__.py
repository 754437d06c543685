"""A column type living in its own app, installed only by the test settings.

It proves the plugin contract: an app that registers a ColumnPage subclass gets
a column type the admin offers and the site renders, with no core file changed.
"""
