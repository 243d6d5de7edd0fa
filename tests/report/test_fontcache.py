"""The cross-process cache of ReportLab's parsed font metrics: hit, miss, stale and corrupt entries."""

import os
import pickle
import random
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from reportlab.pdfbase.ttfonts import TTFont

from panelapp.paths import resource
from panelapp.report import fontcache

SERIF = Path(resource("fonts", "NotoSerifSC_400Regular.ttf"))
SAMPLE = "平顶山市“互联网+政务服务”平台运维项目 扣减合同总价的5%：壹拾贰万柒仟贰佰伍拾元整 (A-1) 第 3 页 共 17 页"


@pytest.fixture
def cache(tmp_path, monkeypatch):
    d = tmp_path / "cache"
    monkeypatch.setenv("PANELAPP_CACHE_DIR", str(d))
    return d


@pytest.fixture(scope="module")
def parsed():
    return TTFont("Parsed", str(SERIF))


def face_state(font) -> dict:
    # _pos: the read cursor; _ttf_data: bytes when parsed, a memory map when restored (compared apart)
    return {k: v for k, v in font.face.__dict__.items() if k not in ("_pdfScale", "_pos", "_ttf_data")}


def assert_same_font(font, parsed):
    assert face_state(font) == face_state(parsed)
    assert font.face._pdfScale(731) == parsed.face._pdfScale(731)
    assert font.stringWidth(SAMPLE, 9) == parsed.stringWidth(SAMPLE, 9)
    assert font.face._ttf_data[:] == parsed.face._ttf_data
    subset = [ord(ch) for ch in dict.fromkeys(SAMPLE)]
    assert font.face.makeSubset(subset) == parsed.face.makeSubset(subset)  # the embedded /FontFile2 bytes
    many = sorted(random.Random(5).sample(sorted(parsed.face.charToGlyph), 250))
    assert font.face.makeSubset(many) == parsed.face.makeSubset(many)


def test_miss_parses_and_writes_then_hit_gives_the_same_font(cache, parsed, monkeypatch):
    first = fontcache.load_ttfont("A", SERIF)
    entry = fontcache.cache_file(SERIF)
    assert entry.is_file() and entry.parent.parent == cache
    assert_same_font(first, parsed)

    def no_parsing(*args, **kwargs):
        raise AssertionError("the cached metrics should have been used")

    monkeypatch.setattr("reportlab.pdfbase.ttfonts.TTFont.__init__", no_parsing)
    second = fontcache.load_ttfont("B", SERIF)
    assert second.fontName == "B" and second.face.filename == str(SERIF)
    assert_same_font(second, parsed)


@pytest.mark.parametrize("damage", [b"", b"not a pickle", b"\x80\x05garbage"])
def test_corrupt_entry_falls_back_to_parsing_and_is_rewritten(cache, parsed, damage):
    fontcache.load_ttfont("A", SERIF)
    entry = fontcache.cache_file(SERIF)
    good = entry.read_bytes()
    entry.write_bytes(damage)
    font = fontcache.load_ttfont("B", SERIF)
    assert_same_font(font, parsed)
    assert entry.read_bytes() == good


def test_truncated_entry_falls_back(cache, parsed):
    fontcache.load_ttfont("A", SERIF)
    entry = fontcache.cache_file(SERIF)
    entry.write_bytes(entry.read_bytes()[: 1000])
    assert_same_font(fontcache.load_ttfont("B", SERIF), parsed)


def test_entry_of_another_font_file_is_not_used(cache, tmp_path):
    """A font replaced under the same name (other content, size, mtime) never gets the old metrics."""
    bold = Path(resource("fonts", "NotoSansSC_700Bold.ttf"))
    fonts = tmp_path / "fonts"
    fonts.mkdir()
    target = fonts / SERIF.name
    shutil.copyfile(bold, target)
    fontcache.load_ttfont("A", target)  # caches the bold metrics under the serif's file name
    shutil.copyfile(SERIF, target)
    font = fontcache.load_ttfont("B", target)
    assert face_state(font)["charWidths"] == TTFont("P", str(SERIF)).face.charWidths
    assert font.face.name == TTFont("P", str(SERIF)).face.name


def test_same_size_and_mtime_but_changed_head_is_not_used(cache, tmp_path, parsed):
    target = tmp_path / SERIF.name
    shutil.copyfile(SERIF, target)
    fontcache.load_ttfont("A", target)
    stat = target.stat()
    key_before = fontcache.font_key(target, target.read_bytes())
    data = bytearray(target.read_bytes())
    data[40] ^= 0xFF  # a byte of the table directory: a checksum
    target.write_bytes(bytes(data))
    os.utime(target, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert target.stat().st_size == stat.st_size and target.stat().st_mtime_ns == stat.st_mtime_ns
    key_after = fontcache.font_key(target, bytes(data))
    assert key_after != key_before
    fontcache.load_ttfont("B", target)  # not served from the old entry: parsed and re-cached
    entry = pickle.loads(fontcache.cache_file(target).read_bytes())
    assert entry["key"] == key_after


def test_unwritable_cache_still_gives_the_font(tmp_path, monkeypatch, parsed):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("PANELAPP_CACHE_DIR", str(blocker))  # a file, not a folder
    assert_same_font(fontcache.load_ttfont("A", SERIF), parsed)


def test_pdf_from_cached_fonts_embeds_subsets_and_is_extractable(cache, tmp_path):
    """Two fresh processes (the second reads the cache) make the same, extractable, subset-embedded PDF."""
    script = (
        "import sys\n"
        "from reportlab import rl_config\n"
        "rl_config.invariant = 1\n"
        "from reportlab.pdfgen.canvas import Canvas\n"
        "from panelapp.report.fonts import register_fonts\n"
        "body, bold = register_fonts()\n"
        "c = Canvas(sys.argv[1])\n"
        f"c.setFont(body, 12); c.drawString(40, 700, {SAMPLE!r})\n"
        "c.setFont(bold, 12); c.drawString(40, 680, '考核组签字 合计 87')\n"
        "c.save()\n"
    )
    env = dict(os.environ, PANELAPP_CACHE_DIR=str(cache),
               PYTHONPATH=os.pathsep.join([str(Path(fontcache.__file__).parents[2]), os.environ.get("PYTHONPATH", "")]))
    outs = []
    for n in range(2):
        out = tmp_path / f"p{n}.pdf"
        subprocess.run([sys.executable, "-c", script, str(out)], check=True, env=env)
        outs.append(out.read_bytes())
    assert (cache / "fonts" / SERIF.name).with_suffix(".ttf.pickle").is_file()
    assert outs[0] == outs[1]
    assert outs[1].count(b"/FontFile2") == 2
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(tmp_path / "p1.pdf"), "-"], capture_output=True, check=True).stdout
        assert "壹拾贰万柒仟贰佰伍拾元整" in text.decode() and "考核组签字" in text.decode()


def test_table_window_slices_like_bytes():
    data = bytes(range(256)) * 4
    window = fontcache.TableWindow(data, 100, 500)
    table = data[100:600]
    assert len(window) == len(table)
    for a, b in [(0, 2), (10, 40), (498, 500), (490, 600), (7, 7), (9, 3), (None, 5), (495, None), (-4, None)]:
        assert window[a:b] == table[a:b], (a, b)
        assert type(window[a:b]) is bytes
    assert [window[i] for i in (0, 1, 499, -1, -500)] == [table[i] for i in (0, 1, 499, -1, -500)]
    for i in (500, -501):
        with pytest.raises(IndexError):
            window[i]
    assert window[::7] == table[::7] and window[10:2:-1] == table[10:2:-1]
    assert bytes(window) == table
