#!/usr/bin/env python3
"""How the code is laid out, measured from its own source: a report, and with ``--check`` a gate.

Reads every Python module of the project's apps as text (nothing is imported or run) and reports:

- modules over the size limit (migrations and tests left out);
- imports inside functions, by module (Django needs some, e.g. in ``AppConfig.ready``);
  migrations and the test suite are left out of the counts and of the graph
- the import graph between top-level apps, its circles, and any import of a domain app by the core
  (``portal/``), which must import none;
- imports of a built-in column plugin (``columns.plugins.<name>``) from outside its own package.

``--check`` exits 1 when the core imports a domain app, when apps import each other in a circle, or
when a plugin is imported by name from outside its package (tests and the demo app may).

Usage: python scripts/structure_report.py [--root DIR] [--check] [--limit 400]
"""

import argparse
import ast
import sys
from collections import defaultdict
from pathlib import Path

CORE = "portal"
SKIPPED_DIRS = {".venv", ".git", "node_modules", "var", "static", "media", "__pycache__", "scripts", "bench"}
PLUGIN_PACKAGE = ("columns", "plugins")
# Packages that may name a plugin: the test suite and the demo content, which fills each plugin's column.
MAY_NAME_PLUGINS = {"tests", "demo"}


def project_packages(root):
    """Top-level folders that are Python packages (hold an ``__init__.py``), i.e. the apps and the core."""
    return sorted(p.name for p in root.iterdir() if (p / "__init__.py").is_file() and p.name not in SKIPPED_DIRS)


def modules(root, packages):
    for package in packages:
        for path in sorted((root / package).rglob("*.py")):
            if not SKIPPED_DIRS.intersection(path.relative_to(root).parts):
                yield path


def imported_names(tree):
    """(module name, line, inside a function) for every import statement, absolute names only."""
    inside = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            inside.update(id(sub) for sub in ast.walk(node) if isinstance(sub, ast.Import | ast.ImportFrom))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, node.lineno, id(node) in inside
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.module, node.lineno, id(node) in inside
        elif isinstance(node, ast.ImportFrom) and node.level:
            yield None, node.lineno, id(node) in inside


def resolve_relative(path, root, node_level, module):
    parts = list(path.relative_to(root).with_suffix("").parts)
    base = parts[: len(parts) - node_level]
    return ".".join([*base, module] if module else base)


def scan(root):
    packages = project_packages(root)
    report = {
        "large": [],
        "inner_imports": defaultdict(int),
        "edges": defaultdict(set),
        "core_violations": [],
        "plugin_violations": [],
        "packages": packages,
    }
    for path in modules(root, packages):
        rel = path.relative_to(root)
        source = path.read_text(encoding="utf-8")
        is_migration = "migrations" in rel.parts
        is_test = rel.parts[0] == "tests"
        if not is_migration and not is_test:
            report["large"].append((source.count("\n"), str(rel)))
        tree = ast.parse(source, filename=str(rel))
        if is_migration:
            # Old migrations keep naming where a callable lived when they were written; Django needs that.
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.level:
                name = resolve_relative(path, root, node.level, node.module)
                record(report, rel, name, node.lineno, packages)
        for name, line, inside in imported_names(tree):
            if inside and not is_test:
                report["inner_imports"][str(rel)] += 1
            if name:
                record(report, rel, name, line, packages)
    return report


def record(report, rel, name, line, packages):
    target = name.split(".")[0]
    source_package = rel.parts[0]
    if target not in packages or target == source_package or source_package == "tests":
        _check_plugin(report, rel, name, line)
        return
    report["edges"][source_package].add(target)
    if source_package == CORE:
        report["core_violations"].append(f"{rel}:{line} imports {name}")
    _check_plugin(report, rel, name, line)


def _check_plugin(report, rel, name, line):
    parts = name.split(".")
    if tuple(parts[:2]) != PLUGIN_PACKAGE or len(parts) < 3:
        return
    own = rel.parts[:3] == (*PLUGIN_PACKAGE, parts[2])
    if not own and rel.parts[0] not in MAY_NAME_PLUGINS:
        report["plugin_violations"].append(f"{rel}:{line} imports {name}")


def circles(edges):
    """Strongly connected components with more than one package (Tarjan)."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []
    counter = [0]

    def visit(node):
        index[node] = low[node] = counter[0]
        counter[0] += 1
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(edges.get(node, ())):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return found


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=Path(__file__).resolve().parent.parent)
    parser.add_argument("--check", action="store_true", help="exit 1 on a layering violation")
    parser.add_argument("--limit", type=int, default=400, help="module size to report (lines)")
    args = parser.parse_args(argv)

    report = scan(args.root)
    large = sorted((item for item in report["large"] if item[0] > args.limit), reverse=True)
    inner = sorted(report["inner_imports"].items(), key=lambda item: (-item[1], item[0]))
    loops = circles(report["edges"])

    print(f"packages: {', '.join(report['packages'])}")
    print(f"modules over {args.limit} lines (migrations and tests left out): {len(large)}")
    for lines, path in large:
        print(f"  {lines:5d}  {path}")
    print(f"imports inside functions (migrations and tests left out): {sum(n for _, n in inner)}")
    for path, count in inner:
        print(f"  {count:3d}  {path}")
    print("imports between packages:")
    for source in sorted(report["edges"]):
        print(f"  {source} -> {', '.join(sorted(report['edges'][source]))}")
    print(f"circles between packages: {len(loops)}")
    for loop in loops:
        print(f"  {' <-> '.join(loop)}")
    print(f"core ({CORE}/) imports of domain apps: {len(report['core_violations'])}")
    for line in report["core_violations"]:
        print(f"  {line}")
    print(f"column plugins imported from outside their package: {len(report['plugin_violations'])}")
    for line in report["plugin_violations"]:
        print(f"  {line}")

    failed = bool(report["core_violations"] or loops or report["plugin_violations"])
    return 1 if args.check and failed else 0


if __name__ == "__main__":
    sys.exit(main())
