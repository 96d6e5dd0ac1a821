"""The limits a sheet or override keeps, and the shapes of its ids."""

from __future__ import annotations

import re
from typing import Final

#: Sheet and override files larger than this (1 MiB) are refused unread.
MAX_SHEET_BYTES: Final = 1024 * 1024
#: At most this many items (groups and leaves) in one sheet.
MAX_ITEMS: Final = 1000
#: Items nest at most this deep (``"1.2.3.4"``).
MAX_DEPTH: Final = 4
#: Points, percentages and steps have at most this many decimals.
MAX_DECIMALS: Final = 4
#: Points, percentages and steps are at most this large.
MAX_NUMBER: Final = 10**9
#: Counts (members, households, occurrences) are at most this large.
MAX_COUNT: Final = 10**12

SHEET_FORMAT_VERSION: Final = 1
OVERRIDE_FORMAT_VERSION: Final = 1

_ID = re.compile(r"^[a-z0-9]+([._+-][a-z0-9]+)*$")
_ITEM_ID = re.compile(r"^[0-9A-Za-z]+(\.[0-9A-Za-z]+)*$")
_INPUT_NAME = re.compile(r"^[a-z][a-z0-9_]*$")
_DECIMAL = re.compile(r"^[0-9]+(\.[0-9]+)?$")
