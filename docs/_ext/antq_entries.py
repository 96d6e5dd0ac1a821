"""``.. antq-entries:: awards|sheets|teams`` — award conditions, sheet items or team rules.

The entries are those of :func:`antq.catalogue.rule_catalogue`, one type for
every family. Each group (an award's rules, a sheet, or the team-rating rules) becomes a table: id, status, citation
and title in Vietnamese and English, and the entry's other details. The build
fails if a group list is empty, so the page cannot silently lose its content.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.errors import SphinxError
from sphinx.util.docutils import SphinxDirective

# The family is the page's section, the rule set each table's title.
_SHOWN = {"family", "rule_set", "id", "confirmation", "citation", "title", "note"}
_GROUP = {"awards": "rule_set", "sheets": "rule_set", "teams": "rule_set"}


class EntriesError(SphinxError):
    category = "antq entries error"


def _entries(source: str) -> list[dict[str, Any]]:
    if source not in _GROUP:
        raise EntriesError(
            f"antq-entries: unknown source {source!r}; expected awards, sheets or teams"
        )
    from antq.catalogue import rule_catalogue

    return [e.to_json() for e in rule_catalogue(section=source)]


def cell(*parts: nodes.Node | str) -> nodes.entry:
    """A table cell of text and nodes, in one paragraph (the law map's table uses it too)."""
    entry = nodes.entry()
    paragraph = nodes.paragraph()
    for part in parts:
        paragraph += nodes.Text(part) if isinstance(part, str) else part
    entry += paragraph
    return entry


def _named(value: object) -> str:
    """A parameter or setting by its name; a team-rating setting with its default and choices."""
    if not isinstance(value, dict) or "name" not in value:
        return str(value)
    if "default" in value and "value" not in value:
        return f"{value['name']} = {value['default']} ({' | '.join(value['choices'])})"
    return str(value["name"])


def _details(entry: dict[str, Any]) -> str:
    shown = []
    for key, value in entry.items():
        if key in _SHOWN or value in (None, [], ""):
            continue
        if isinstance(value, list):
            value = ", ".join(_named(v) for v in value)
        elif isinstance(value, dict):
            continue
        shown.append(f"{key}: {value}")
    return "; ".join(shown)


def _table(rows: Iterable[dict[str, Any]]) -> nodes.table:
    headers = ("Id", "Status", "Citation", "Title (vi / en)", "Details")
    table = nodes.table(classes=["antq-entries"])
    group = nodes.tgroup(cols=len(headers))
    table += group
    for width in (14, 8, 18, 40, 20):
        group += nodes.colspec(colwidth=width)
    head = nodes.thead()
    group += head
    header_row = nodes.row()
    for title in headers:
        header_row += cell(title)
    head += header_row
    body = nodes.tbody()
    group += body
    for entry in rows:
        row = nodes.row()
        status = entry["confirmation"]
        row += cell(nodes.literal(text=entry["id"]))
        row += cell(nodes.inline(text=status.upper(), classes=["antq-status", f"antq-{status}"]))
        row += cell(nodes.emphasis(text=entry["citation"]["vi"]), " / ", entry["citation"]["en"])
        title = entry["title"]
        parts: list[nodes.Node | str] = [nodes.emphasis(text=title["vi"]), " / ", title["en"]]
        note = entry.get("note")
        if note:
            parts += [" — ", nodes.emphasis(text=note["vi"]), " / ", note["en"]]
        row += cell(*parts)
        row += cell(_details(entry))
        body += row
    return table


class Entries(SphinxDirective):
    required_arguments = 1

    def run(self) -> list[nodes.Node]:
        source = self.arguments[0]
        entries = _entries(source)
        if not entries:
            raise EntriesError(f"antq-entries {source}: the catalogue is empty")
        key = _GROUP[source]
        groups: dict[str, list[dict[str, Any]]] = {}
        for entry in entries:
            groups.setdefault(str(entry.get(key, "")), []).append(entry)
        out: list[nodes.Node] = []
        for name, rows in groups.items():
            section = nodes.section(ids=[nodes.make_id(f"{source}-{name}")])
            section += nodes.title(text=name)
            section += _table(rows)
            out.append(section)
        return out


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_directive("antq-entries", Entries)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1"}
