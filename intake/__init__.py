"""What every citizen request (letters, legal-aid applications, mediation requests) shares.

``intake.models.CitizenRequest`` is the abstract model, ``intake.forms`` the
shared fields and the one query form, ``intake.views`` the submit → receipt →
query views, ``intake.admin`` the "nobody adds in the admin" policy and
``intake.masking`` the name masking. Each domain app keeps its own statuses,
deadlines and rules.
"""
