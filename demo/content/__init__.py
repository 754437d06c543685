"""Demo content for `manage.py seed_demo`.

Fictional, freshly written Simplified Chinese content for the public portal of
the Political and Legal Affairs Committee of the (fictional) city of Qingjiang
(中共清江市委政法委员会). All people, places and events are invented. Dates are
expressed relative to the seeding day via ``days_ago`` so the content stays
plausible whenever it is seeded. This package contains data only: the home
page's banner in ``home``, each column's intro and items in a module of its
own, listed in ``COLUMNS`` in the order the site shows them.
"""

from . import culture, news, notices, rule_of_law, safe_city, team_building
from .home import BANNER_SLIDES

COLUMNS = [
    news.COLUMN,
    rule_of_law.COLUMN,
    safe_city.COLUMN,
    team_building.COLUMN,
    culture.COLUMN,
    notices.COLUMN,
]

__all__ = ["BANNER_SLIDES", "COLUMNS"]
