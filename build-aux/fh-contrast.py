#!/usr/bin/env python3
"""Measures WCAG 2.2 contrast in regions of a screenshot.

    build-aux/fh-contrast.py SHOT.png NAME:X,Y,W,H:MIN [NAME:X,Y,W,H:MIN …]

For each region (pixels of the screenshot) the background is the region's
most common colour and the foreground the colour in it that contrasts most
with that background (the core of the glyphs or strokes; anti-aliased edges
contrast less). Prints one line a region, "name ratio:1 (min)", and exits 1
when any is below its minimum (4.5 for text, 3 for graphics). Needs
ImageMagick's `convert`; standard library otherwise.
"""
import collections
import re
import subprocess
import sys


def luminance(rgb):
    def channel(c):
        c /= 255.0
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a, b):
    la, lb = luminance(a), luminance(b)
    return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)


def pixels(image, x, y, w, h):
    out = subprocess.run(["convert", image, "-crop", f"{w}x{h}+{x}+{y}", "+repage",
                          "-depth", "8", "txt:-"], check=True, capture_output=True, text=True).stdout
    for line in out.splitlines()[1:]:
        m = re.search(r"#([0-9A-Fa-f]{6})", line)
        if m:
            v = int(m.group(1), 16)
            yield (v >> 16 & 255, v >> 8 & 255, v & 255)


def measure(image, x, y, w, h):
    counts = collections.Counter(pixels(image, x, y, w, h))
    if not counts:
        raise SystemExit(f"{image}: empty region {x},{y},{w},{h}")
    background = counts.most_common(1)[0][0]
    foreground = max(counts, key=lambda c: contrast(c, background))
    return contrast(foreground, background), foreground, background


def main(argv):
    if len(argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    image, failed = argv[1], False
    for spec in argv[2:]:
        name, box, minimum = spec.rsplit(":", 2)
        x, y, w, h = (int(v) for v in box.split(","))
        ratio, fg, bg = measure(image, x, y, w, h)
        ok = ratio >= float(minimum)
        failed |= not ok
        print(f"{name}: {ratio:.2f}:1 (needs {float(minimum):.1f}) "
              f"#{fg[0]:02X}{fg[1]:02X}{fg[2]:02X} on #{bg[0]:02X}{bg[1]:02X}{bg[2]:02X}"
              f"{'' if ok else '  BELOW AA'}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
