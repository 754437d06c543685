"""The layering rules, checked from the source: the core imports no domain app, apps import each
other in no circle, and no column plugin is imported by name from outside its package."""

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "structure_report.py"


def run_report(root):
    return subprocess.run(
        [sys.executable, str(SCRIPT), "--root", str(root), "--check"], capture_output=True, text=True, check=False
    )


def make_tree(tmp_path, files):
    for name, text in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return tmp_path


def test_the_project_keeps_its_layers():
    result = run_report(ROOT)
    assert result.returncode == 0, result.stdout
    assert "core (portal/) imports of domain apps: 0" in result.stdout
    assert "circles between packages: 0" in result.stdout
    assert "column plugins imported from outside their package: 0" in result.stdout


@pytest.mark.parametrize(
    ("files", "finding"),
    [
        (
            {
                "portal/__init__.py": "",
                "portal/views.py": "def f():\n    from mailbox import models\n",
                "mailbox/__init__.py": "",
            },
            "portal/views.py:2 imports mailbox",
        ),
        (
            {
                "portal/__init__.py": "",
                "home/__init__.py": "",
                "home/models.py": "import review.models\n",
                "review/__init__.py": "",
                "review/models.py": "from home.models import HomePage\n",
            },
            "home <-> review",
        ),
        (
            {
                "portal/__init__.py": "",
                "columns/__init__.py": "",
                "columns/plugins/__init__.py": "",
                "columns/plugins/news/__init__.py": "",
                "columns/plugins/news/models.py": "",
                "search/__init__.py": "",
                "search/service.py": "from columns.plugins.news.models import NewsPage\n",
            },
            "search/service.py:1 imports columns.plugins.news.models",
        ),
    ],
    ids=["core-imports-an-app", "apps-in-a-circle", "plugin-named-outside"],
)
def test_a_broken_rule_fails_the_check(tmp_path, files, finding):
    result = run_report(make_tree(tmp_path, files))
    assert result.returncode == 1
    assert finding in result.stdout


def test_a_plugin_may_import_itself_and_tests_may_name_plugins(tmp_path):
    files = {
        "portal/__init__.py": "",
        "columns/__init__.py": "",
        "columns/plugins/__init__.py": "",
        "columns/plugins/news/__init__.py": "",
        "columns/plugins/news/models.py": "",
        "columns/plugins/news/views.py": "from columns.plugins.news.models import NewsPage\n",
        "tests/__init__.py": "",
        "tests/test_news.py": "from columns.plugins.news.models import NewsPage\n",
    }
    result = run_report(make_tree(tmp_path, files))
    assert result.returncode == 0, result.stdout
