#!/usr/bin/env python3
"""Derives the report fonts (DPO Desk Sans) from Liberation Sans 2.1.5.

Every PDF embeds the whole font files and the app carries them in its binary. The
TrueType hinting instructions are close to half of each file and no PDF reader needs
them, so they are removed: 1.6 MB -> 0.84 MB in the app, and as much less in every PDF.
Every glyph, metric and kerning pair is kept, so the layout does not change.

The SIL Open Font License reserves the name "Liberation" (and Arimo) for the original
fonts: a modified version must carry another name. The derived fonts are therefore
called "DPO Desk Sans"; the copyright lines and the licence stay, and the description
says what they were derived from.

Run once by hand when the fonts change (needs fontTools from PyPI):
    python3 -m venv /tmp/ft && /tmp/ft/bin/pip install fonttools
    /tmp/ft/bin/python crates/core/fonts/derive.py /usr/share/fonts/truetype/liberation2
(Debian's fonts-liberation2 package.)
"""

import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

FAMILY = "DPO Desk Sans"
STYLES = {"Regular": "Regular", "Bold": "Bold", "Italic": "Italic", "BoldItalic": "Bold Italic"}
HERE = Path(__file__).resolve().parent


def version(font: TTFont) -> str:
    """ "Version 2.1.5" in the source's name table -> "2.1.5"."""
    return str(font["name"].getDebugName(5)).replace("Version", "").strip()


def derive(source: Path, style: str) -> Path:
    origin = f"Liberation Sans {version(TTFont(source))}"
    options = subset.Options()
    options.hinting = False
    options.glyph_names = False
    # rusttype, which genpdf lays text out with, kerns from the legacy table.
    options.legacy_kern = True
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.name_legacy = True
    options.layout_features = ["*"]
    options.notdef_outline = True
    options.drop_tables += ["FFTM"]
    font = TTFont(source)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=font.getBestCmap().keys(), glyphs=font.getGlyphOrder())
    subsetter.subset(font)

    postscript = f"{FAMILY.replace(' ', '')}-{style}"
    full = FAMILY if style == "Regular" else f"{FAMILY} {STYLES[style]}"
    names = font["name"]
    for record in list(names.names):
        if record.nameID in (1, 16):
            names.setName(FAMILY, record.nameID, record.platformID, record.platEncID, record.langID)
        elif record.nameID in (2, 17):
            names.setName(STYLES[style], record.nameID, record.platformID, record.platEncID, record.langID)
        elif record.nameID == 3:
            names.setName(f"{postscript}: derived from {origin}", 3, record.platformID, record.platEncID, record.langID)
        elif record.nameID == 4:
            names.setName(full, 4, record.platformID, record.platEncID, record.langID)
        elif record.nameID == 6:
            names.setName(postscript, 6, record.platformID, record.platEncID, record.langID)
    description = (
        f"Derived from {origin} for DPO Desk's PDF reports: TrueType hinting removed, "
        "otherwise unchanged. SIL Open Font License 1.1."
    )
    for platform, encoding, language in {(r.platformID, r.platEncID, r.langID) for r in names.names}:
        names.setName(description, 10, platform, encoding, language)
    target = HERE / f"{postscript}.ttf"
    font.save(target)
    check_unchanged(source, target)
    return target


def check_unchanged(source: Path, target: Path) -> None:
    """Every character keeps its outline, advance width and kerning."""
    a, b = TTFont(source), TTFont(target)
    ca, cb = a.getBestCmap(), b.getBestCmap()
    assert ca == {c: ca[c] for c in cb} and ca.keys() == cb.keys(), "the same characters"
    for char in ca:
        ga, gb = ca[char], cb[char]
        assert a["hmtx"][ga] == b["hmtx"][gb], f"advance of U+{char:04X}"
        outline_a = a["glyf"][ga].getCoordinates(a["glyf"])[0]
        outline_b = b["glyf"][gb].getCoordinates(b["glyf"])[0]
        assert list(outline_a) == list(outline_b), f"outline of U+{char:04X}"

    def kerning(font: TTFont, cmap: dict) -> dict:
        char_of = {glyph: char for char, glyph in cmap.items()}
        table = font["kern"].kernTables[0].kernTable
        return {
            (char_of[left], char_of[right]): value
            for (left, right), value in table.items()
            if left in char_of and right in char_of
        }

    assert kerning(a, ca) == kerning(b, cb), "the same kerning pairs"
    for field in ("ascent", "descent", "lineGap"):
        assert getattr(a["hhea"], field) == getattr(b["hhea"], field), field
    assert a["head"].unitsPerEm == b["head"].unitsPerEm


def main() -> None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("/usr/share/fonts/truetype/liberation2")
    for style in STYLES:
        target = derive(folder / f"LiberationSans-{style}.ttf", style)
        print(f"{target.name}: {target.stat().st_size} bytes")


if __name__ == "__main__":
    main()
