"""Who may do what with a letter.

* 信箱管理员 (``mailbox.handle_letter``): accept, refuse, forward, withhold from the public listing.
* 领导 (``mailbox.approve_letter``): approve or return drafted replies, decide on extensions.
* 承办单位人员 (``mailbox.reply_letter`` and membership of the unit): draft replies and ask for
  extensions for letters forwarded to their unit, and see only those.
* ``mailbox.view_letter``: read every letter.
"""


def can_handle(user):
    return user.is_active and user.has_perm("mailbox.handle_letter")


def can_approve(user):
    return user.is_active and user.has_perm("mailbox.approve_letter")


def can_draft(user, letter):
    """The mailbox office, or a member of the unit the letter is forwarded to."""
    if can_handle(user):
        return True
    return (
        user.is_active
        and user.has_perm("mailbox.reply_letter")
        and letter.unit_id is not None
        and letter.unit.letter_handlers.filter(pk=user.pk).exists()
    )


def can_use_mailbox_admin(user):
    return user.is_active and any(
        user.has_perm(f"mailbox.{codename}")
        for codename in ("view_letter", "handle_letter", "approve_letter", "reply_letter")
    )
