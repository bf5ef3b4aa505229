"""Merge a freshly exported .pot into a .po: keep translations, add new terms, drop
vanished ones. Usage: po_merge.py ADDON.pot zh_CN.po"""
import sys

import polib


def merge(pot_path, po_path):
    pot = polib.pofile(pot_path)
    try:
        old = {(e.msgctxt, e.msgid): e.msgstr for e in polib.pofile(po_path)}
    except (OSError, IOError):
        old = {}
    pot.metadata.update({
        "Language": "zh_CN",
        "Content-Type": "text/plain; charset=UTF-8",
        "Plural-Forms": "nplurals=1; plural=0;",
    })
    for entry in pot:
        entry.msgstr = old.get((entry.msgctxt, entry.msgid), "")
    pot.save(po_path)
    missing = [e.msgid for e in pot if not e.msgstr]
    print("%s: %d entries, %d untranslated" % (po_path, len(pot), len(missing)))


if __name__ == "__main__":
    merge(sys.argv[1], sys.argv[2])
