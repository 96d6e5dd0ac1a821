"""Reading facts and writing results."""

from antq.io.facts import FactsDocument, read_facts, read_facts_file, unit_facts_from_dict
from antq.io.schema import facts_schema

__all__ = ["FactsDocument", "facts_schema", "read_facts", "read_facts_file", "unit_facts_from_dict"]
