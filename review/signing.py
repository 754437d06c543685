"""The leader's signature password has its own lockout: after ``REVIEW_SIGN_MAX_FAILURES`` wrong
passwords within ``REVIEW_SIGN_LOCK_SECONDS``, signing is locked for that user for the same time.
Guessing a leader's password through the signature form must not be easier than through the login."""

from django.conf import settings

from wagtail.log_actions import log

from portal.ratelimit import RateLimit

WRONG_PASSWORD = "密码不正确，签字未生效。"


def _max_failures():
    return getattr(settings, "REVIEW_SIGN_MAX_FAILURES", 5)


def _lock_seconds():
    return getattr(settings, "REVIEW_SIGN_LOCK_SECONDS", 15 * 60)


def _failures():
    return RateLimit("review-sign-failures", _max_failures(), _lock_seconds())


def _lock():
    return RateLimit("review-sign-lock", 1, _lock_seconds())


def locked_message():
    return f"签字密码连续输错{_max_failures()}次，签字已锁定{_lock_seconds() // 60}分钟，请稍后再试。"


def is_locked(user):
    return _lock().exceeded(user.pk)


def password_error(user, password, page=None):
    """None when ``password`` signs for ``user``; otherwise the Chinese message to show."""
    if is_locked(user):
        return locked_message()
    if password and user.check_password(password):
        _failures().reset(user.pk)
        return None
    if _failures().hit(user.pk) >= _max_failures():
        _failures().reset(user.pk)
        _lock().hit(user.pk)
        if page is not None:
            log(instance=page, action="review.sign.locked", user=user, data={"message": locked_message()})
        return locked_message()
    return WRONG_PASSWORD
