PERMISSION = "inspection.view_inspection"


def can_view_inspection(user):
    return user.is_active and user.has_perm(PERMISSION)
