"""综治调解: where to get a dispute mediated, how it works, and an online request with a status query.

The column page lists the mediation organisations (a snippet directory, by
街道/乡镇) and the guides (``MediationGuidePage``). Its routes take online
requests (``apply/``) and answer status queries (``query/``). Staff handle
requests as snippets; every status change is kept as an event.
"""
