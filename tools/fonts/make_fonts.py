"""Makes the PDF writer's shipped faces: Noto CJK SC subsets with TrueType outlines.

Run by make-fonts.sh (which installs the Debian packages). Steps for each face:
  1. take the SC face out of Debian's fonts-noto-cjk .ttc collection;
  2. subset it (fontTools.subset, i.e. pyftsubset) to the character set below, without hinting or layout tables;
  3. convert the CFF cubic outlines to TrueType quadratic ones (cu2qu), because Skia's PDF backend embeds
     TrueType-outlined faces as CIDFontType2 subsets but draws CFF-outlined ones as Type 3 procedures;
  4. rename it (a modified font is no longer Noto: "Noto" is Google's trademark).
"""

import argparse
import os
import re
import subprocess
import sys
import tempfile
import unicodedata

from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTCollection, TTFont, newTable

NOTO = "/usr/share/fonts/opentype/noto"

# (source collection, SC family in it, output file, new family, new style, PostScript name)
FACES = [
    ("NotoSerifCJK-Regular.ttc", "Noto Serif CJK SC", "GongkaiSerifSC-Regular.ttf", "Gongkai Serif SC", "Regular", "GongkaiSerifSC-Regular"),
    ("NotoSerifCJK-Bold.ttc", "Noto Serif CJK SC", "GongkaiSerifSC-Bold.ttf", "Gongkai Serif SC", "Bold", "GongkaiSerifSC-Bold"),
    ("NotoSansCJK-Regular.ttc", "Noto Sans CJK SC", "GongkaiSansSC-Regular.ttf", "Gongkai Sans SC", "Regular", "GongkaiSansSC-Regular"),
]

# Maximum distance of a quadratic approximation from the cubic curve, in font units (1000 per em): 2/1000 em
# is far below a printed pixel at 三号 and keeps the glyf table near the CFF's size.
MAX_ERROR = 2.0


def gb2312():
    """Every character of GB 2312: each valid two-byte code (rows 0xA1-0xF7, cells 0xA1-0xFE) decoded."""
    chars = set()
    for row in range(0xA1, 0xF8):
        for cell in range(0xA1, 0xFF):
            try:
                chars.add(bytes([row, cell]).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    return chars


def tongyong(path):
    """The 通用规范汉字表 list: one 'number<TAB>U+XXXX<TAB>character' line each, '#' comments."""
    chars = set()
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            if line.strip() and not line.startswith("#"):
                chars.add(line.rstrip("\n").split("\t")[2])
    return chars


def ranges():
    """ASCII, Latin-1, punctuation and numbering blocks the report and its tables use."""
    spans = [
        (0x20, 0x7E),  # ASCII
        (0xA0, 0xFF),  # Latin-1 Supplement (°, ±, ×, ÷, ·, §)
        (0x2010, 0x205E),  # General Punctuation (— – ‘’ “” … ‰ ※)
        (0x2160, 0x216B),  # Ⅰ–Ⅻ
        (0x2170, 0x217B),  # ⅰ–ⅻ
        (0x2460, 0x2473),  # ①–⑳
        (0x2474, 0x2487),  # ⑴–⒇
        (0x2488, 0x249B),  # ⒈–⒛
        (0x3000, 0x303F),  # CJK Symbols and Punctuation (、。〈〉《》「」『』【】〔〕〖〗)
        (0x3220, 0x3229),  # ㈠–㈩
        (0xFE30, 0xFE4F),  # CJK Compatibility Forms
        (0xFF01, 0xFF5E),  # full-width forms
        (0xFFE0, 0xFFE6),  # full-width ￠￡￢￣￤￥￦
    ]
    return {chr(c) for start, end in spans for c in range(start, end + 1)}


def used_in_sources(root):
    """Every non-ASCII character of the report layouts, writers and samples, so nothing the program prints is missing."""
    folders = ["src/Gongkai.Domain/AnnualReports", "src/Gongkai.Core/Documents", "samples/reports"]
    chars = set()
    for folder in folders:
        for directory, _, files in os.walk(os.path.join(root, folder)):
            for name in files:
                if name.endswith((".cs", ".txt", ".html", ".json")):
                    with open(os.path.join(directory, name), encoding="utf-8", errors="ignore") as text:
                        chars.update(c for c in text.read() if ord(c) > 0x7F)
    return chars


def write_tongyong(path):
    """The list from Unicode's Unihan database (Debian unicode-data), field kTGH: '2013:N', N the table's number."""
    import bz2
    rows = []
    with bz2.open("/usr/share/unicode/Unihan_OtherMappings.txt.bz2", "rt", encoding="utf-8") as lines:
        for line in lines:
            parts = line.rstrip("\n").split("\t")
            if len(parts) == 3 and parts[1] == "kTGH":
                code = int(parts[0][2:], 16)
                for value in parts[2].split():
                    rows.append((int(value.split(":")[1]), code))
    rows.sort()
    if [n for n, _ in rows] != list(range(1, 8106)):
        sys.exit(f"kTGH gives {len(rows)} numbers, not 1-8105")
    with open(path, "w", encoding="utf-8") as out:
        out.write("# 通用规范汉字表 (国发〔2013〕23号), 8105 characters in the table's order: number, code point, character.\n")
        out.write("# Taken from the kTGH field of Unicode's Unihan database (Debian package unicode-data) by make_fonts.py.\n")
        out.write("# 一级字表 1-3500, 二级字表 3501-6500, 三级字表 6501-8105.\n")
        for number, code in rows:
            out.write(f"{number}\tU+{code:04X}\t{chr(code)}\n")


def charset(root):
    chars = gb2312() | tongyong(os.path.join(root, "tools/fonts/tongyong-guifan-hanzi.txt")) | ranges() | used_in_sources(root)
    # Controls, format characters, surrogates, private use, unassigned, line separators and variation selectors
    # are not printed characters (PdfFont skips them); spaces (U+00A0, U+3000) are.
    return sorted(c for c in chars if unicodedata.category(c) not in ("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp")
                  and not 0xFE00 <= ord(c) <= 0xFE0F)


def extract(collection, family, path):
    for font in TTCollection(os.path.join(NOTO, collection)).fonts:
        if font["name"].getDebugName(1) == family:
            font.save(path)
            return
    sys.exit(f"{family} is not in {collection}")


def subset(source, unicodes_file, path):
    # pyftsubset; layout tables are dropped: the writer maps characters to glyphs itself (no shaping).
    subprocess.run([
        sys.executable, "-m", "fontTools.subset", source,
        f"--unicodes-file={unicodes_file}",
        f"--output-file={path}",
        "--no-hinting", "--desubroutinize", "--layout-features=", "--notdef-outline",
        "--drop-tables+=BASE,GDEF,GPOS,GSUB,VORG,vhea,vmtx,DSIG",
        "--name-IDs=0,1,2,3,4,5,6,13,14", "--name-languages=0x409",
    ], check=True)


def to_truetype(font):
    """Replaces the CFF table with glyf/loca drawn through cu2qu: each cubic curve becomes quadratic splines."""
    order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = {}
    for name in order:
        pen = TTGlyphPen(None)
        # CFF contours run counter-clockwise, TrueType's clockwise: reverse them so the fill rule holds.
        glyph_set[name].draw(Cu2QuPen(pen, MAX_ERROR, reverse_direction=True))
        glyf.glyphs[name] = pen.glyph()
    del font["CFF "]
    font["glyf"] = glyf
    font["loca"] = newTable("loca")
    font.sfntVersion = "\x00\x01\x00\x00"

    maxp = font["maxp"]
    maxp.tableVersion = 0x00010000
    for field in ("maxZones", "maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
                  "maxStackElements", "maxSizeOfInstructions", "maxComponentElements", "maxComponentDepth"):
        setattr(maxp, field, 0)
    maxp.maxZones = 1
    font["head"].glyphDataFormat = 0
    # post format 3: no glyph names (a CID font has none to keep, and they would only add size).
    font["post"].formatType = 3.0
    font["post"].mapping = {}


def rename(font, family, style, postscript):
    full = family if style == "Regular" else f"{family} {style}"
    source = font["name"].getDebugName(4)
    names = font["name"]
    for record in list(names.names):
        if record.nameID in (1, 3, 4, 6):
            names.removeNames(nameID=record.nameID)
    names.setName(family, 1, 3, 1, 0x409)
    names.setName(style, 2, 3, 1, 0x409)
    names.setName(f"{postscript};subset of {source}", 3, 3, 1, 0x409)
    names.setName(full, 4, 3, 1, 0x409)
    names.setName(postscript, 6, 3, 1, 0x409)
    names.setName(f"Subset of {source} (Debian fonts-noto-cjk), outlines converted to TrueType", 5, 3, 1, 0x409)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("root", help="the repository's root folder")
    parser.add_argument("out", help="the folder the fonts are written to")
    parser.add_argument("--tongyong-from-unihan", action="store_true", help="write tools/fonts/tongyong-guifan-hanzi.txt anew first")
    args = parser.parse_args()

    if args.tongyong_from_unihan:
        write_tongyong(os.path.join(args.root, "tools/fonts/tongyong-guifan-hanzi.txt"))

    chars = charset(args.root)
    print(f"{len(chars)} characters")
    with tempfile.TemporaryDirectory() as work:
        unicodes = os.path.join(work, "unicodes.txt")
        with open(unicodes, "w", encoding="ascii") as out:
            out.write("\n".join(f"U+{ord(c):04X}" for c in chars))
        for collection, family, file, new_family, style, postscript in FACES:
            face = os.path.join(work, "face.otf")
            subsetted = os.path.join(work, "subset.otf")
            extract(collection, family, face)
            subset(face, unicodes, subsetted)
            font = TTFont(subsetted)
            to_truetype(font)
            rename(font, new_family, style, postscript)
            target = os.path.join(args.out, file)
            font.save(target)
            missing = [c for c in chars if ord(c) not in font.getBestCmap()]
            print(f"{file}: {os.path.getsize(target)} bytes, {font['maxp'].numGlyphs} glyphs, "
                  f"{len(missing)} characters without a glyph: {''.join(missing[:40])}")


if __name__ == "__main__":
    main()
