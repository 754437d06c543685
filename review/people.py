"""How people appear in the review and assessment screens: "姓名（职务）", never a login name.

A unit's person is named by their unit record (姓名 and 职务); the committee's staff, who have no unit
record, by the full name of their account; the login name only when nothing else is known.
"""


def member_label(member):
    """“姓名（职务）” of a unit's person (``UnitMember``), or just the name when the position is unknown."""
    if not member:  # None, or "" from a template variable that does not resolve
        return ""
    return f"{member.name}（{member.position}）" if member.position else member.name


def person_label(user):
    """“姓名（职务）” of an account: from its unit record, else its full name, else its login name."""
    if not user:
        return ""
    member = getattr(user, "unit_membership", None)
    if member is not None:
        return member_label(member)
    full_name = f"{getattr(user, 'last_name', '')}{getattr(user, 'first_name', '')}".strip()
    return full_name or user.get_username()
