"""Server-side SVG of daily views and visitors (no JavaScript, no CDN), as ``assessment.charts`` draws its charts."""

from django.utils.html import escape
from django.utils.safestring import mark_safe

WIDTH, HEIGHT, LEFT, BOTTOM, PLOT_HEIGHT = 720, 220, 48, 190, 160
VIEWS_COLOUR, VISITORS_COLOUR = "#b71c1c", "#1565c0"


def daily_chart(rows):
    """Two lines over the days of ``rows`` (``day``, ``views``, ``visitors``); the table below repeats the data."""
    top = max([row["views"] for row in rows] + [row["visitors"] for row in rows] + [1])
    step = (WIDTH - LEFT - 20) / max(len(rows) - 1, 1)

    def y(value):
        return BOTTOM - value / top * PLOT_HEIGHT

    def line(key, colour):
        points = " ".join(f"{LEFT + i * step:.0f},{y(row[key]):.0f}" for i, row in enumerate(rows))
        return f'<polyline fill="none" stroke="{colour}" stroke-width="2" points="{points}"/>'

    parts = [
        f'<svg class="analytics-chart" role="img" aria-label="每日浏览量和访客数" width="{WIDTH}" height="{HEIGHT}" '
        f'viewBox="0 0 {WIDTH} {HEIGHT}" xmlns="http://www.w3.org/2000/svg">',
        f'<line x1="{LEFT}" y1="{BOTTOM}" x2="{WIDTH - 10}" y2="{BOTTOM}" stroke="#999"/>',
        f'<text x="{LEFT - 6}" y="{y(top) + 4:.0f}" font-size="11" text-anchor="end">{top}</text>',
        f'<text x="{LEFT - 6}" y="{BOTTOM + 4}" font-size="11" text-anchor="end">0</text>',
        line("views", VIEWS_COLOUR),
        line("visitors", VISITORS_COLOUR),
    ]
    label_every = max(1, len(rows) // 8)
    for i, row in enumerate(rows):
        if i % label_every == 0 or i == len(rows) - 1:
            parts.append(
                f'<text x="{LEFT + i * step:.0f}" y="{BOTTOM + 16}" font-size="11" text-anchor="middle">'
                f"{escape(row['day'].strftime('%m-%d'))}</text>"
            )
    parts.append(f'<text x="{LEFT}" y="12" font-size="12" fill="{VIEWS_COLOUR}">浏览量</text>')
    parts.append(f'<text x="{LEFT + 60}" y="12" font-size="12" fill="{VISITORS_COLOUR}">访客数</text>')
    parts.append("</svg>")
    return mark_safe("".join(parts))
