"""Inline SVG charts (no JavaScript, no CDN): bars per unit, the trend over periods, and one trend line per
unit over the months of a summary."""

from django.utils.html import escape
from django.utils.safestring import mark_safe

WIDTH = 640


def bars(rows):
    top = max((float(r["score"]) for r in rows), default=0) or 1
    height = 26 * len(rows) + 10
    parts = [
        f'<svg class="assessment-chart" role="img" aria-label="各单位得分" width="{WIDTH}" height="{height}" '
        f'viewBox="0 0 {WIDTH} {height}" xmlns="http://www.w3.org/2000/svg">'
    ]
    for i, row in enumerate(rows):
        y = 5 + i * 26
        width = int(float(row["score"]) / top * 380)
        parts.append(f'<text x="0" y="{y + 15}" font-size="12">{escape(row["name"])}</text>')
        parts.append(
            f'<rect x="180" y="{y}" width="{width}" height="18" fill="#b71c1c">'
            f"<title>{escape(row['name'])}：{row['score']}分</title></rect>"
        )
        parts.append(f'<text x="{186 + width}" y="{y + 14}" font-size="12">{row["score"]}</text>')
    parts.append("</svg>")
    return mark_safe("".join(parts))


def trend(points):
    height, left, bottom = 200, 40, 170
    top = max([p["submitted"] for p in points] + [p["adopted"] for p in points] + [1])
    step = (WIDTH - left - 20) / max(len(points) - 1, 1)

    def line(key, colour):
        coords = " ".join(f"{left + i * step:.0f},{bottom - p[key] / top * 150:.0f}" for i, p in enumerate(points))
        return f'<polyline fill="none" stroke="{colour}" stroke-width="2" points="{coords}"/>'

    parts = [
        f'<svg class="assessment-chart" role="img" aria-label="报送和采用趋势" width="{WIDTH}" height="{height}" '
        f'viewBox="0 0 {WIDTH} {height}" xmlns="http://www.w3.org/2000/svg">',
        f'<line x1="{left}" y1="{bottom}" x2="{WIDTH - 10}" y2="{bottom}" stroke="#999"/>',
        line("submitted", "#1565c0"),
        line("adopted", "#b71c1c"),
    ]
    for i, p in enumerate(points):
        parts.append(
            f'<text x="{left + i * step:.0f}" y="{bottom + 18}" font-size="11" text-anchor="middle">'
            f"{escape(p['period'].key)}</text>"
        )
    parts.append('<text x="0" y="12" font-size="12" fill="#1565c0">报送</text>')
    parts.append('<text x="40" y="12" font-size="12" fill="#b71c1c">采用</text>')
    parts.append("</svg>")
    return mark_safe("".join(parts))


PALETTE = ["#b71c1c", "#1565c0", "#2e7d32", "#ef6c00", "#6a1b9a", "#00838f", "#5d4037", "#c2185b", "#455a64", "#9e9d24"]


def unit_lines(labels, series, label="各单位逐月得分"):
    """One polyline per unit: ``series`` is ``[(name, [value or None per label])]``; a month a unit was not
    listed in breaks its line. The legend names every unit in its colour."""
    height, left, bottom, plot = 220 + 16 * ((len(series) + 3) // 4), 40, 170, 150
    top = max([float(v) for _, values in series for v in values if v is not None] + [1])
    step = (WIDTH - left - 20) / max(len(labels) - 1, 1)
    parts = [
        f'<svg class="assessment-chart" role="img" aria-label="{escape(label)}" width="{WIDTH}" height="{height}" '
        f'viewBox="0 0 {WIDTH} {height}" xmlns="http://www.w3.org/2000/svg">',
        f'<line x1="{left}" y1="{bottom}" x2="{WIDTH - 10}" y2="{bottom}" stroke="#999"/>',
        f'<text x="0" y="{bottom - plot + 4}" font-size="11">{top:g}</text>',
    ]
    for i, text in enumerate(labels):
        parts.append(
            f'<text x="{left + i * step:.0f}" y="{bottom + 18}" font-size="11" text-anchor="middle">'
            f"{escape(text)}</text>"
        )
    for n, (name, values) in enumerate(series):
        colour = PALETTE[n % len(PALETTE)]
        segment = []
        segments = [segment]
        for i, value in enumerate(values):
            if value is None:
                segment = []
                segments.append(segment)
                continue
            segment.append(f"{left + i * step:.0f},{bottom - float(value) / top * plot:.0f}")
        for points in segments:
            if len(points) > 1:
                parts.append(
                    f'<polyline fill="none" stroke="{colour}" stroke-width="2" points="{" ".join(points)}">'
                    f"<title>{escape(name)}</title></polyline>"
                )
            elif points:
                x, y = points[0].split(",")
                parts.append(f'<circle cx="{x}" cy="{y}" r="3" fill="{colour}"><title>{escape(name)}</title></circle>')
        x, y = (n % 4) * 155, bottom + 40 + (n // 4) * 16
        parts.append(f'<rect x="{x}" y="{y - 9}" width="10" height="10" fill="{colour}"/>')
        parts.append(f'<text x="{x + 14}" y="{y}" font-size="12">{escape(name)}</text>')
    parts.append("</svg>")
    return mark_safe("".join(parts))
