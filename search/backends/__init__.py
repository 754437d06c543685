"""Wagtail search backends that understand Chinese.

``search.backends.database`` (the default) keeps a jieba-segmented index in the
site database; ``search.backends.elasticsearch`` does the same in Elasticsearch 8
for large sites. Both answer Wagtail's ``search()``/``autocomplete()`` (the admin)
and ``ranked()`` (``search.service``, the public search).
"""
