"""``.. antq-law-map::`` — which module encodes which instrument and article, from the code.

The modules are found by their names, the way the house lays them out: a folder
named after a circular (``tt124_2021``) holds one module per article
(``article_5_commune``); a module named after an instrument (``tt20_2025``,
``nd152_2025``) encodes that instrument; the Law 06/2022 folder holds one module
per article. Each row gives the rules of :func:`antq.catalogue.rule_catalogue`
that cite that instrument (and article), so a module that holds no rule shows 0.
The build fails if no module is found, so the page cannot silently lose its
content.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re
from collections import Counter
from typing import Any

from antq_entries import cell  # docs/_ext, on the path of the build
from docutils import nodes
from sphinx.application import Sphinx
from sphinx.errors import SphinxError
from sphinx.util.docutils import SphinxDirective

from antq import cite
from antq.catalogue import rule_catalogue

# (package, module name pattern, instrument number (``{0}``: the match's groups), article):
# the article is "name" when the module's name gives it, a number when the module encodes
# one article of an instrument that is not laid out by article, or None for a whole instrument.
_LAYOUT: tuple[tuple[str, str, str, str | int | None], ...] = (
    ("antq.safety.tt124_2021", r"article_(\d+)_\w+", "124/2021/TT-BCA", "name"),
    ("antq.safety.tt23_2012", r"article_(\d+)_\w+", "23/2012/TT-BCA", "name"),
    ("antq.emulation.awards.knc", r"tt(\d+)_(\d{4})", "{0}/{1}/TT-BCA", None),
    ("antq.emulation.awards.law06", r"article_(\d+)", "06/2022/QH15", "name"),
    ("antq.emulation.awards.law06", r"nd(\d+)_(\d{4})", "{0}/{1}/NĐ-CP", None),
    ("antq.emulation.awards", r"law15", "15/2003/QH11", None),
    ("antq.emulation", r"sheets", "510/QĐ-BCA-V05", 7),
    ("antq.emulation", r"qd510_procedure", "510/QĐ-BCA-V05", 11),
    ("antq.emulation", r"teams", "01/HD-BCA-V05", None),
)


class LawMapError(SphinxError):
    category = "antq law map error"


def _rows() -> list[tuple[str, int | None, str, str, int]]:
    entries = rule_catalogue()
    cited = Counter((e.citation.instrument, e.citation.article) for e in entries)
    by_instrument = Counter(e.citation.instrument for e in entries)
    rows: list[tuple[str, int | None, str, str, int]] = []
    for package_name, pattern, number, where in _LAYOUT:
        package = importlib.import_module(package_name)
        for info in sorted(pkgutil.iter_modules(package.__path__), key=_article_order):
            match = re.fullmatch(pattern, info.name)
            if match is None:
                continue
            module = importlib.import_module(f"{package_name}.{info.name}")
            article = int(match[1]) if where == "name" else where
            instrument = number.format(*match.groups()[: number.count("{")])
            cite(instrument, article)  # a module whose name cites nothing real fails the build
            summary = " ".join(inspect.cleandoc(module.__doc__ or "").split("\n\n")[0].split())
            count = by_instrument[instrument] if article is None else cited[(instrument, article)]
            rows.append((instrument, article, module.__name__, summary, count))
    if not rows:
        raise LawMapError("antq-law-map: no module named after an instrument or article")
    return rows


def _article_order(info: Any) -> tuple[int, str]:
    match = re.match(r"article_(\d+)", info.name)
    return (int(match[1]) if match else 0, info.name)


class LawMap(SphinxDirective):
    """A table: instrument, article, module, its docstring's first paragraph, rules citing it."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        headers = ("Instrument and article", "Module", "What it holds", "Rules")
        table = nodes.table()
        group = nodes.tgroup(cols=len(headers))
        table += group
        for width in (22, 30, 40, 8):
            group += nodes.colspec(colwidth=width)
        head = nodes.thead()
        row = nodes.row()
        for header in headers:
            row += cell(header)
        head += row
        group += head
        body = nodes.tbody()
        for instrument, article, module, summary, count in _rows():
            row = nodes.row()
            row += cell(cite(instrument, article).render("vi"))
            row += cell(nodes.literal(text=module))
            row += cell(summary)
            row += cell(str(count))
            body += row
        group += body
        return [table]


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_directive("antq-law-map", LawMap)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
