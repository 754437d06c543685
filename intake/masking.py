"""How a citizen's name appears anywhere public, and their phone number to staff before they reveal it."""


def mask_name(name: str | None) -> str:
    """张三 → 张*, 欧阳娜娜 → 欧***: only the first character of a name is ever shown; no name is 匿名."""
    name = (name or "").strip()
    return name[0] + "*" * max(1, len(name) - 1) if name else "匿名"


def mask_phone(phone: str | None) -> str:
    """138 0000 1234 → 138****1234: the first three and last four digits, enough to tell numbers apart."""
    digits = "".join(char for char in phone or "" if char.isdigit())
    if len(digits) <= 7:
        return "*" * len(digits)
    return digits[:3] + "*" * (len(digits) - 7) + digits[-4:]
