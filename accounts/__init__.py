"""Staff account security: login lockout, password rules and changes, admin session limits, audit log.

``accounts.passwords`` the password validators and the forced change, ``accounts.lockout`` the
django-axes glue (client address, unlocking), ``accounts.middleware`` the admin session limits and
the redirect to the password change, ``accounts.audit`` what goes into Wagtail's audit log.
"""
