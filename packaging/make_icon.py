"""Draw panelapp's icon: a score sheet with 考 and a red check mark.

Writes resources/icons/panelapp.ico (16-256 px, each size drawn for its own
size so that 16 px stays legible), resources/icons/panelapp.png (256 px) and
packaging/installer-side.bmp (the installer's welcome/finish page picture).
Needs Pillow (in the dev venv); the generated files are committed, so builds
do not run this script.

    python packaging/make_icon.py
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent
FONT = ROOT / "resources" / "fonts" / "NotoSansSC_700Bold.ttf"
OUT = ROOT / "resources" / "icons"

BLUE = (30, 78, 140, 255)  # deep official blue
PAPER = (255, 255, 255, 255)
INK = (30, 78, 140, 255)
RULE = (176, 196, 222, 255)
RED = (208, 32, 32, 255)
SIZES = (16, 20, 24, 32, 40, 48, 64, 128, 256)
SCALE = 4  # draw large, then downsample: smooth edges at every size


def _glyph(draw: ImageDraw.ImageDraw, box: tuple[float, float, float, float], fill) -> None:
    """Draw 考 centred in box, as large as fits."""
    x0, y0, x1, y1 = box
    size = int(y1 - y0)
    font = ImageFont.truetype(str(FONT), size)
    left, top, right, bottom = draw.textbbox((0, 0), "考", font=font)
    scale = min((x1 - x0) / (right - left), (y1 - y0) / (bottom - top))
    font = ImageFont.truetype(str(FONT), max(1, int(size * scale)))
    left, top, right, bottom = draw.textbbox((0, 0), "考", font=font)
    x = x0 + ((x1 - x0) - (right - left)) / 2 - left
    y = y0 + ((y1 - y0) - (bottom - top)) / 2 - top
    draw.text((x, y), "考", font=font, fill=fill)


def _check(draw: ImageDraw.ImageDraw, pts, width: float) -> None:
    draw.line(pts, fill=RED, width=max(1, round(width)), joint="curve")
    r = width / 2
    for x, y in (pts[0], pts[-1]):
        draw.ellipse((x - r, y - r, x + r, y + r), fill=RED)


def draw_icon(px: int) -> Image.Image:
    s = px * SCALE
    img = Image.new("RGBA", (s, s), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    if px <= 24:
        # Tiny sizes: only the white 考 on the blue tile and a red tick.
        d.rounded_rectangle((0, 0, s - 1, s - 1), radius=s * 0.18, fill=BLUE)
        _glyph(d, (s * 0.06, s * 0.04, s * 0.86, s * 0.84), PAPER)
        _check(d, [(s * 0.58, s * 0.80), (s * 0.72, s * 0.93), (s * 0.97, s * 0.62)], s * 0.13)
    else:
        # Larger sizes: a ruled score sheet on the blue tile, 考 as its heading, a red check.
        d.rounded_rectangle((0, 0, s - 1, s - 1), radius=s * 0.18, fill=BLUE)
        sheet = (s * 0.17, s * 0.10, s * 0.83, s * 0.90)
        d.rounded_rectangle(sheet, radius=s * 0.04, fill=PAPER)
        _glyph(d, (s * 0.25, s * 0.15, s * 0.75, s * 0.55), INK)
        for i, y in enumerate((0.64, 0.73, 0.82)):
            d.line((s * 0.27, s * y, s * (0.73 if i < 2 else 0.55), s * y), fill=RULE, width=round(s * 0.035))
        _check(d, [(s * 0.50, s * 0.74), (s * 0.63, s * 0.88), (s * 0.92, s * 0.52)], s * 0.085)
    return img.resize((px, px), Image.LANCZOS)


def draw_installer_side() -> Image.Image:
    """The 164x314 picture on the installer's welcome and finish pages (MUI2)."""
    w, h = 164, 314
    img = Image.new("RGB", (w, h), BLUE[:3])
    d = ImageDraw.Draw(img)
    icon = draw_icon(96)
    img.paste(icon, ((w - 96) // 2, 36), icon)
    font = ImageFont.truetype(str(FONT), 22)
    for i, ch in enumerate("考核组评分台"):
        left, top, right, bottom = d.textbbox((0, 0), ch, font=font)
        d.text(((w - (right - left)) / 2 - left, 152 + i * 26 - top), ch, font=font, fill=PAPER)
    return img


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    images = [draw_icon(px) for px in SIZES]
    largest = images[-1]
    largest.save(OUT / "panelapp.png", optimize=True)
    largest.save(
        OUT / "panelapp.ico",
        format="ICO",
        sizes=[im.size for im in images],
        append_images=images[:-1],
    )
    draw_installer_side().save(ROOT / "packaging" / "installer-side.bmp")
    # A contact sheet of every size, for looking at the result (not committed).
    sheet = Image.new("RGBA", (sum(SIZES) + 10 * len(SIZES), 256), (240, 240, 240, 255))
    x = 0
    for im in images:
        sheet.paste(im, (x, 0), im)
        x += im.width + 10
    sheet.save(ROOT / "build" / "icon-sizes.png") if (ROOT / "build").is_dir() else None
    print(f"wrote {OUT / 'panelapp.ico'} ({', '.join(str(p) for p in SIZES)} px) and panelapp.png")


if __name__ == "__main__":
    main()
