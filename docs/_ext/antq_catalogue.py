"""Sphinx directives that generate antq's criteria catalogue and facts list from the code.

``.. antq-catalogue::``
    A summary table of the rule sets of the safe-standard entries of
    :func:`antq.catalogue.rule_catalogue` (how
    many criteria are confirmed, partially confirmed and unconfirmed), then a
    section per instrument, the one in force first, with a section per rule
    set and in it one section per criterion: id, unit kind, role, kind,
    citation and title in Vietnamese and English, the inputs it reads
    (assessor judgements marked QUAL), its rule form (see ``antq.catalogue.rule_form``),
    its confirmation status, its note and
    its parameters (the value in force, or "must be supplied"). Criteria that
    are not fully confirmed are highlighted. Options: ``:as-of: YYYY-MM-DD`` keeps only the rule sets in
    force for rounds ending on that date, ``:kind: residential_area`` keeps one
    unit kind.

``.. antq-facts::``
    A table of every fact a facts document may give: the values it takes, the
    unit kinds and instruments whose rule sets read it, whether it is an
    assessor judgement, and what it means.

Each directive raises an error, failing the build, when the code gives it
nothing to show: an empty catalogue is a bug, not an empty page.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx
from sphinx.errors import SphinxError
from sphinx.util.docutils import SphinxDirective


class CatalogueError(SphinxError):
    """The code gave a directive nothing to show: fails the build."""

    category = "antq catalogue error"


# Shown before each status; the CSS classes antq-confirmed, antq-partial and
# antq-unconfirmed colour them (docs/_static/antq.css).
_STATUS_TEXT = {
    "confirmed": "CONFIRMED",
    "partial": "PARTIAL",
    "unconfirmed": "UNCONFIRMED",
}
_ROLE_TEXT = {
    "eligibility": "eligibility (scope of the instrument, checked first)",
    "criterion": "criterion",
}


def _kind(text: str | None) -> str | None:
    if text is None:
        return None
    from antq.core.unit_kinds import UnitKind

    return UnitKind.from_code(text, path=":kind:").code


def _as_of(text: str | None) -> date | None:
    return None if text is None else date.fromisoformat(text.strip())


def _text(*parts: str | nodes.Node) -> list[nodes.Node]:
    return [nodes.Text(p) if isinstance(p, str) else p for p in parts]


def _para(*parts: str | nodes.Node) -> nodes.paragraph:
    paragraph = nodes.paragraph()
    paragraph.extend(_text(*parts))
    return paragraph


def _literal(text: str) -> nodes.literal:
    return nodes.literal(text=text)


def _status(code: str) -> nodes.inline:
    return nodes.inline(
        text=_STATUS_TEXT.get(code, code.upper()), classes=["antq-status", f"antq-{code}"]
    )


def _bilingual(vi: str, en: str) -> list[nodes.Node]:
    """English, then Vietnamese in italics: two paragraphs of one table cell."""
    return [_para(en), _para(nodes.emphasis(text=vi))]


def _table(
    headers: Sequence[str],
    rows: Iterable[Sequence[Sequence[nodes.Node]]],
    widths: Sequence[int],
    classes: Sequence[str] = (),
) -> nodes.table:
    table = nodes.table(classes=["antq-table", *classes])
    group = nodes.tgroup(cols=len(headers))
    table += group
    for width in widths:
        group += nodes.colspec(colwidth=width)
    if headers:
        head = nodes.thead()
        group += head
        head += _row([[_para(h)] for h in headers])
    body = nodes.tbody()
    group += body
    for cells in rows:
        body += _row(cells)
    return table


def _row(cells: Iterable[Sequence[nodes.Node]]) -> nodes.row:
    row = nodes.row()
    for content in cells:
        entry = nodes.entry()
        entry.extend(content)
        row += entry
    return row


def _field_table(fields: Iterable[tuple[str, Sequence[nodes.Node]]]) -> nodes.table:
    rows = [[[_para(nodes.strong(text=name))], content] for name, content in fields]
    return _table((), rows, (22, 78), classes=["antq-fields"])


def _window_text(window: Any) -> str:
    if window is None:
        return "no fixed window: give each unit's period (a school year, for example)"
    start = f"{window.start_day:02d}/{window.start_month:02d}"
    end = f"{window.end_day:02d}/{window.end_month:02d}"
    if window.starts_in_previous_year:
        return f"{start} of the previous year – {end} of the recognition year"
    return f"{start} – {end} of the recognition year"


def _validity(rule_set: Any) -> str:
    start = rule_set.valid_from.strftime("%d/%m/%Y") if rule_set.valid_from else None
    end = rule_set.valid_to.strftime("%d/%m/%Y") if rule_set.valid_to else None
    if start and end:
        return f"rounds whose assessment period ends from {start} to {end} (inclusive)"
    if start:
        return f"rounds whose assessment period ends on or after {start}"
    if end:
        return f"rounds whose assessment period ends on or before {end}"
    return "every round"


def _rule_form_text(entry: Any) -> str:
    """The entry's rule form (``antq rules --format json``) without its version key."""
    form = {k: v for k, v in entry.details["rule_form"].items() if k != "antq_rule_form"}
    return json.dumps(form, ensure_ascii=False)


def _unique_id(document: nodes.document, wanted: str) -> str:
    candidate = nodes.make_id(wanted)
    number = 1
    while candidate in document.ids:
        number += 1
        candidate = nodes.make_id(f"{wanted}-{number}")
    return candidate


class _CatalogueDirective(SphinxDirective):
    has_content = False
    option_spec = {  # noqa: RUF012
        "as-of": directives.unchanged,
        "kind": directives.unchanged,
    }

    def entries(self) -> list[Any]:
        from antq.catalogue import rule_catalogue
        from antq.core.unit_kinds import UnitKind

        self._note_code_dependencies()
        try:
            as_of = _as_of(self.options.get("as-of"))
            kind = _kind(self.options.get("kind"))
        except Exception as error:
            raise self.error(f"{self.name}: {error}") from None
        unit_kind = None if kind is None else UnitKind.from_code(kind)
        entries = list(rule_catalogue(as_of=as_of, kind=unit_kind, section="safety"))
        if not entries:
            raise CatalogueError(
                f"{self.name}: the criteria catalogue is empty"
                f" (as-of={as_of}, kind={kind}); antq.catalogue.rule_catalogue() returned nothing"
            )
        return entries

    def _note_code_dependencies(self) -> None:
        # Rebuild the page when the rules or their messages change.
        import antq

        package = Path(antq.__file__).parent
        for path in sorted([*package.rglob("*.py"), *package.rglob("*.mo")]):
            self.env.note_dependency(str(path))


class Catalogue(_CatalogueDirective):
    """Every criterion of every rule set, from :func:`antq.catalogue.rule_catalogue`."""

    def run(self) -> list[nodes.Node]:
        from antq.law import get_instrument
        from antq.safety import default_rulebook

        book = default_rulebook()
        by_rule_set: dict[str, list[Any]] = {}
        for entry in self.entries():
            by_rule_set.setdefault(entry.rule_set, []).append(entry)
        self.rule_sets = {name: book.get(name) for name in by_rule_set}
        # Group the rule sets by instrument, the one in force most recently first.
        by_instrument: dict[str, list[list[Any]]] = {}
        for entries in by_rule_set.values():
            by_instrument.setdefault(entries[0].instrument, []).append(entries)
        order = sorted(
            by_instrument,
            key=lambda number: max(e[0].valid_from or date.min for e in by_instrument[number]),
            reverse=True,
        )
        output: list[nodes.Node] = [self._summary([by_instrument[n] for n in order])]
        for number in order:
            instrument = get_instrument(number)
            section = self._section(
                f"{instrument.name('en')} ({instrument.name('vi')})", f"instrument-{number}"
            )
            for entries in by_instrument[number]:
                section += self._rule_set(entries)
            output.append(section)
        return output

    # -- summary -------------------------------------------------------------------------

    def _summary(self, groups: list[list[list[Any]]]) -> nodes.table:
        from antq.law import get_instrument

        rows = []
        for group in groups:
            for entries in group:
                rule_set = self.rule_sets[entries[0].rule_set]
                counts = dict.fromkeys(_STATUS_TEXT, 0)
                for entry in entries:
                    counts[entry.confirmation.code] += 1
                link = nodes.reference("", "", internal=True, refid=_rule_set_id(rule_set))
                link += _literal(rule_set.id)
                rows.append(
                    [
                        [_para(link)],
                        _bilingual(rule_set.kind.label("vi"), rule_set.kind.label("en")),
                        [_para(get_instrument(rule_set.instrument).name("en"))],
                        [_para(_validity(rule_set))],
                        [_para(str(len(entries)))],
                        *(_count(code, counts[code]) for code in _STATUS_TEXT),
                    ]
                )
        headers = (
            "Rule set",
            "Unit kind",
            "Instrument",
            "Applies to",
            "Criteria",
            "Confirmed",
            "Partial",
            "Unconfirmed",
        )
        return _table(headers, rows, (18, 16, 14, 24, 7, 7, 7, 7), classes=["antq-summary"])

    # -- rule sets and criteria ----------------------------------------------------------

    def _section(self, title: str, wanted_id: str) -> nodes.section:
        document = self.state.document
        section = nodes.section()
        section["ids"].append(_unique_id(document, wanted_id))
        document.ids[section["ids"][0]] = section
        section += nodes.title(text=title)
        return section

    def _rule_set(self, entries: list[Any]) -> nodes.section:
        from antq.law import get_instrument

        rule_set = self.rule_sets[entries[0].rule_set]
        section = self._section(rule_set.title.render("en"), _rule_set_id(rule_set))
        instrument = get_instrument(rule_set.instrument)
        section += _field_table(
            [
                ("Rule set", [_para(_literal(rule_set.id))]),
                ("Title", _bilingual(rule_set.title.render("vi"), rule_set.title.render("en"))),
                ("Unit kind", _bilingual(rule_set.kind.label("vi"), rule_set.kind.label("en"))),
                ("Instrument", _bilingual(instrument.name("vi"), instrument.name("en"))),
                ("Applies to", [_para(_validity(rule_set))]),
                ("Assessment period", [_para(_window_text(rule_set.window))]),
                ("Parameters", self._rule_set_parameters(rule_set)),
                ("Round notices", self._notices(rule_set)),
            ]
        )
        for entry in entries:
            section += self._criterion(entry)
        return section

    @staticmethod
    def _notices(rule_set: Any) -> list[nodes.Node]:
        from antq.catalogue import notice_span

        if not rule_set.notices:
            return [_para("none")]
        items = nodes.bullet_list()
        for notice in rule_set.notices:
            items += nodes.list_item(
                "",
                _para(
                    f"{notice_span(notice, 'en')}: ",
                    _status(notice.confirmation.code),
                    f" {notice.text.render('en')} ",
                    nodes.emphasis(text=notice.text.render("vi")),
                ),
            )
        return [items]

    def _rule_set_parameters(self, rule_set: Any) -> list[nodes.Node]:
        parameters = rule_set.parameters()
        if not parameters:
            return [_para("none")]
        items = nodes.bullet_list()
        for parameter in parameters:
            items += nodes.list_item("", self._parameter(rule_set, parameter))
        return [items]

    @classmethod
    def _parameter(cls, rule_set: Any, parameter: Any) -> nodes.paragraph:
        return cls._parameter_shown(parameter, rule_set.parameter_value(parameter))

    @staticmethod
    def _parameter_shown(parameter: Any, value: object) -> nodes.paragraph:
        shown: list[str | nodes.Node] = [_literal(parameter.name), " = "]
        if value is None:
            shown.append(nodes.strong(text="must be supplied", classes=["antq-must-supply"]))
        else:
            shown.append(_literal(str(value)))
        shown += [" ", _status(parameter.confirmation.code)]
        if parameter.choices:
            shown.append("; one of ")
            shown += _join_literals([str(choice) for choice in parameter.choices])
        if not parameter.required:
            shown.append("; optional: without a value the criterion decides what its absence means")
        shown.append(f". {_sentence(parameter.label.render('en'))}")
        return _para(*shown)

    def _criterion(self, entry: Any) -> nodes.section:
        status = entry.confirmation.code
        section = self._section(entry.title.render("en"), entry.id)
        section["classes"] += ["antq-criterion", f"antq-criterion-{status}"]
        if status != "confirmed":
            section += self._warning(entry)
        citation = entry.citation
        (kind,) = entry.applies_to
        fields: list[tuple[str, Sequence[nodes.Node]]] = [
            ("Id", [_para(_literal(entry.id))]),
            ("Status", [_para(_status(status))]),
            ("Title", _bilingual(entry.title.render("vi"), entry.title.render("en"))),
            ("Citation", _bilingual(citation.render("vi"), citation.render("en"))),
            ("Unit kind", _bilingual(kind.label("vi"), kind.label("en"))),
            ("Role", [_para(_ROLE_TEXT.get(entry.role, entry.role))]),
            ("Kind", [_para(entry.kind.label("en"), " (", _literal(entry.kind.code), ")")]),
            ("Inputs", self._inputs(entry)),
            ("Rule form", [_para(_literal(_rule_form_text(entry)))]),
        ]
        if entry.note is not None:
            fields.append(("Note", _bilingual(entry.note.render("vi"), entry.note.render("en"))))
        if entry.parameters:
            items = nodes.bullet_list()
            for parameter in entry.parameters:
                items += nodes.list_item("", self._parameter_entry(parameter))
            fields.append(("Parameters", [items]))
        section += _field_table(fields)
        return section

    @classmethod
    def _parameter_entry(cls, parameter: Any) -> nodes.paragraph:
        """A parameter of an entry, with the value in force."""
        return cls._parameter_shown(parameter, parameter.value)

    @staticmethod
    def _warning(entry: Any) -> nodes.admonition:
        """Why a criterion is not fully confirmed, and what the reader must do."""
        status = entry.confirmation.code
        box = nodes.admonition(classes=["antq-unconfirmed-note", f"antq-{status}"])
        box += nodes.title(text=f"{_STATUS_TEXT[status]}: check the official text")
        own = entry.own_confirmation.code
        if own != "confirmed":
            box += _para(
                "The criterion itself is ",
                _status(own),
                ": " + _WHY[own],
            )
        for parameter in entry.parameters:
            value = parameter.value
            how = _how_to_set(parameter)
            if value is None and parameter.required:
                box += _para(
                    "Parameter ",
                    _literal(parameter.name),
                    " has no value in antq and must be supplied with ",
                    *how,
                    "; until then the criterion is UNKNOWN.",
                )
            elif value is None:
                box += _para(
                    "Parameter ",
                    _literal(parameter.name),
                    " has no value in antq; supply one with ",
                    *how,
                    " to decide the case it covers.",
                )
            elif parameter.confirmation.code != "confirmed":
                box += _para(
                    "Parameter ",
                    _literal(parameter.name),
                    " = ",
                    _literal(str(value)),
                    " is ",
                    _status(parameter.confirmation.code),
                    ": it is antq's reading of the text. Change it with ",
                    *how,
                    ".",
                )
        return box

    @staticmethod
    def _inputs(entry: Any) -> list[nodes.Node]:
        if not entry.inputs:
            return [_para("none")]
        items = nodes.bullet_list()
        for inp in entry.inputs:
            parts: list[str | nodes.Node] = [_literal(inp.name), f" ({inp.kind.label('en')})"]
            if inp.judgement:
                parts += [" ", nodes.inline(text="QUAL", classes=["antq-qual"])]
            if inp.role == "gate":
                parts.append(", decides whether the criterion applies")
            if inp.role == "optional":
                parts.append(", optional")
            parts.append(f": {inp.label.render('en')}")
            items += nodes.list_item("", _para(*parts))
        return [items]


_WHY = {
    "partial": "the source confirms the rule exists, but its full text is not available to"
    " antq, so some of it is missing.",
    "unconfirmed": "it rests on background knowledge, an inference or a secondary source,"
    " not on the official text.",
}


def _how_to_set(parameter: Any) -> list[str | nodes.Node]:
    """``RuleSet.with_parameters``, and ``--param`` when the value is a code.

    ``antq evaluate --param NAME=VALUE`` passes VALUE as text, so it only suits
    parameters whose values are strings.
    """
    how: list[str | nodes.Node] = [_literal("RuleSet.with_parameters")]
    values = [*parameter.choices, parameter.default]
    if parameter.choices and all(isinstance(v, str) for v in values if v is not None):
        how += [" or ", _literal(f"antq evaluate --param {parameter.name}=...")]
    return how


def _rule_set_id(rule_set: Any) -> str:
    return nodes.make_id(f"rule-set-{rule_set.id}")


def _count(code: str, count: int) -> list[nodes.Node]:
    if count and code != "confirmed":
        return [_para(nodes.inline(text=str(count), classes=["antq-status", f"antq-{code}"]))]
    return [_para(str(count))]


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:] + ("" if text.endswith(".") else ".")


class Facts(_CatalogueDirective):
    """Every fact name a facts document may use, with the unit kinds that read it."""

    option_spec: dict[str, Any] = {}  # noqa: RUF012

    def run(self) -> list[nodes.Node]:
        from antq.core.unit_kinds import UnitKind
        from antq.safety import default_rulebook

        self._note_code_dependencies()
        book = default_rulebook()
        every = book.inputs()
        if not every:
            raise CatalogueError(f"{self.name}: the rule book declares no inputs")
        # fact name -> unit kind -> instruments whose rule set for that kind reads it
        users: dict[str, dict[UnitKind, list[str]]] = {}
        for rule_set in book:
            for inp in rule_set.inputs():
                numbers = users.setdefault(inp.name, {}).setdefault(rule_set.kind, [])
                if rule_set.instrument not in numbers:
                    numbers.append(rule_set.instrument)
        rows = []
        for name in sorted(every):
            inp = every[name]
            description: list[str | nodes.Node] = [inp.label.render("en")]
            if inp.judgement:
                description = [nodes.inline(text="QUAL", classes=["antq-qual"]), " ", *description]
            used = [
                _para(_literal(kind.code), f" ({', '.join(users[name][kind])})")
                for kind in UnitKind
                if kind in users.get(name, {})
            ]
            rows.append(
                [
                    [_para(_literal(name))],
                    [_para(*_values(inp.schema))],
                    used,
                    [_para(*description)],
                ]
            )
        headers = ("Fact", "Value", "Used for", "Meaning")
        return [_table(headers, rows, (24, 26, 22, 28), classes=["antq-facts"])]


def _values(schema: Any) -> list[str | nodes.Node]:
    """What a JSON Schema fragment of an input accepts, in words."""
    if "enum" in schema:
        return ["one of ", *_join_literals([str(v) for v in schema["enum"] if v is not None])]
    kind = schema.get("type")
    if kind == "boolean":
        return [_literal("true"), " or ", _literal("false")]
    if kind == "integer":
        low = schema.get("minimum")
        return ["a whole number" + (f" ≥ {low}" if low is not None else "")]
    if kind == "string" and schema.get("format") == "date":
        return ["a date, ", _literal("YYYY-MM-DD")]
    if kind == "array":
        items = schema.get("items", {})
        if "enum" in items:
            return ["a list of ", *_join_literals([str(v) for v in items["enum"]])]
        if items.get("type") == "object":
            return ["a list of objects; keys: ", *_keys(items)]
        return ["a list"]
    if kind == "object":
        return ["an object; keys: ", *_keys(schema)]
    return [_literal(str(kind))]


def _keys(schema: Any) -> list[str | nodes.Node]:
    required = set(schema.get("required", ()))
    parts: list[str | nodes.Node] = []
    for index, key in enumerate(schema.get("properties", {})):
        if index:
            parts.append(", ")
        parts.append(_literal(key))
        if key in required:
            parts.append(" (required)")
    return parts


def _join_literals(values: Sequence[str]) -> list[str | nodes.Node]:
    parts: list[str | nodes.Node] = []
    for index, value in enumerate(values):
        if index:
            parts.append(", ")
        parts.append(_literal(value))
    return parts


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_directive("antq-catalogue", Catalogue)
    app.add_directive("antq-facts", Facts)
    app.add_css_file("antq.css")
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1"}
