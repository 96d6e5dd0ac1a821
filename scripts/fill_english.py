"""Fill empty English translations with the msgid: antq's msgids are English."""

import sys

from babel.messages.pofile import read_po, write_po

path = sys.argv[1]
with open(path, "rb") as handle:
    catalog = read_po(handle, locale="en")
for message in catalog:
    if message.id and not message.string:
        message.string = message.id
with open(path, "wb") as handle:
    write_po(handle, catalog, omit_header=False, sort_output=True, no_location=True, width=100)
