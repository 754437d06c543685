"""How a citizen's name appears anywhere public."""


def mask_name(name: str | None) -> str:
    """张三 → 张*, 欧阳娜娜 → 欧***: only the first character of a name is ever shown; no name is 匿名."""
    name = (name or "").strip()
    return name[0] + "*" * max(1, len(name) - 1) if name else "匿名"
