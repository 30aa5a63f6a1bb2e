"""Session reports: Markdown, JSON and one self-contained HTML page, checked in real Chromium."""

from __future__ import annotations

import json
import re
import shutil
import struct
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from interviewer.cli import main
from interviewer.report import render_session
from interviewer.report.session_view import mark_spans
from interviewer.rubric import dimensions
from interviewer.session.library import load_record
from tests.support.answers import CLOSING
from tests.support.session_factory import (
    GOOD,
    MARKUP,
    WEAK,
    add_delivery,
    make_session,
    saved_record,
)

ARTIFACTS = Path(__file__).parent / "artifacts"
CHROMIUM_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                  "--no-first-run", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--hide-scrollbars")
INSTALL_HINT = ("headless Chromium is needed for the HTML report test and is not installed: "
                "`make test` installs it (system-packages.txt), or run "
                "`sudo apt-get install -y --no-install-recommends chromium`")
FOLLOW_UP = "Retention, via an A/B test."
FIGURES = {"words": 150, "duration_s": 60.0, "wpm": 150.0, "fillers": 2,
           "fillers_per_min": 2.0, "long_pauses": 1, "seconds_to_first_point": 7.5}


@pytest.fixture
def markup_session(home: Path) -> Path:
    """A complete session whose first answer is full of markup (and draws follow-ups)."""
    return make_session(home, [MARKUP, FOLLOW_UP, GOOD], count=2)


def exchanges(record: dict[str, Any]) -> list[dict[str, Any]]:
    return [ex for q in record["questions"] for ex in q["exchanges"]]


# -- the pieces -----------------------------------------------------------------------------------
def test_evidence_spans_are_found_across_irregular_whitespace() -> None:
    text = "We pick  latency.\nThen an A/B test, then a staged rollout."
    pieces = mark_spans(text, ["pick latency.", "an A/B test,", "A/B test, then"])
    assert "".join(p for p, _ in pieces) == text
    marked = [(p, hits) for p, hits in pieces if hits]
    assert marked == [("pick  latency.", ["pick latency."]),
                      ("an A/B test, then", ["an A/B test,", "A/B test, then"])]
    assert mark_spans("", ["x"]) == [] and mark_spans("abc", []) == [("abc", [])]


def test_markdown_report_holds_scorecard_and_whole_transcript(
        markup_session: Path, capsys: pytest.CaptureFixture[str]) -> None:
    record = saved_record(markup_session)
    assert main(["report", markup_session.name]) == 0  # md is the default
    md = capsys.readouterr().out
    card = record["scorecard"]
    assert md.startswith("# Mock interview: Mixed, ")
    assert f"**Overall: {card['overall']:.1f} / 5**" in md
    for d in card["dimensions"]:
        assert f"| {d['name']} | {d['score']:.1f} / 5 |" in md
    for q in record["questions"]:
        assert q["question"]["prompt"] in md
    for ex in exchanges(record):
        if ex["kind"] == "follow-up":
            assert ex["prompt"] in md.replace("\\", "")
    # Markup in an answer stays literal text in Markdown too.
    assert r"\<script\>window.pwned=1\</script\>" in md
    assert not re.search(r"(?<!\\)</?(script|img|b)\b", md), "no raw tag from an answer"
    assert CLOSING in md  # the strong answer, as typed
    assert "## Delivery" not in md  # a typed session has no delivery figures


def test_json_report_is_the_record_plus_the_scorecard(markup_session: Path,
                                                      capsys: pytest.CaptureFixture[str],
                                                      tmp_path: Path) -> None:
    record = saved_record(markup_session)
    out = tmp_path / "r.json"
    assert main(["report", markup_session.name, "-o", str(out)]) == 0  # format from suffix
    data = json.loads(out.read_text())
    report = data.pop("report")
    assert data == record
    assert report["scorecard"]["overall"] == record["scorecard"]["overall"]
    assert [d["id"] for d in report["scorecard"]["dimensions"]] == [d.id for d in dimensions()]
    assert report["questions"] == 2 and report["answered"] == 2
    assert report["follow_ups"] == sum(1 for ex in exchanges(record) if ex["kind"] == "follow-up")
    assert report["delivery"] is None
    assert report["session"] == markup_session.name
    assert not re.search(r"api[_-]?key|secret|token|password", out.read_text(), re.I)


def test_delivery_section_appears_only_with_delivery_figures(markup_session: Path) -> None:
    plain = render_session(load_record(markup_session).view(), "html")
    assert 'id="delivery"' not in plain
    add_delivery(markup_session, lambda n, ex: dict(FIGURES, wpm=150.0 + 20 * n))
    view = load_record(markup_session).view()
    page = render_session(view, "html")
    assert 'id="delivery"' in page
    assert "target: 130-160 words a minute" in page
    md = render_session(view, "md")
    assert "## Delivery" in md and "| Pace | 150 words/min | 130-160 words a minute |" in md
    data = json.loads(render_session(view, "json"))
    n = len(exchanges(saved_record(markup_session)))
    assert data["report"]["delivery"]["answers"] == n
    assert data["report"]["delivery"]["words"] == 150 * n
    assert data["report"]["delivery"]["wpm"] == 150.0  # words over time, not the mean of rates
    assert data["report"]["delivery"]["long_pauses_total"] == n


def test_unfinished_session_reports_say_so(home: Path) -> None:
    folder = make_session(home, [GOOD], count=3, stop_after=1, quit=True)
    view = load_record(folder).view()
    page = render_session(view, "html")
    assert "Not scored yet" in page and 'id="scorecard"' not in page
    assert page.count('class="question"') == 3 and "Not answered." in page
    assert "_Not scored yet" in render_session(view, "md")


def test_report_command_errors_are_one_line(home: Path, capsys: pytest.CaptureFixture[str],
                                            markup_session: Path) -> None:
    assert main(["report", "nope"]) == 2
    assert capsys.readouterr().err.startswith("interviewer: no session 'nope'")
    assert main(["report", "latest", "--format", "html", "-o", str(home)]) == 0
    written = home / f"{markup_session.name}.html"
    assert written.read_text().startswith("<!DOCTYPE html>")


# -- the page in a real browser -------------------------------------------------------------------
class DomSummary(HTMLParser):
    """What the browser built: element counts, classes, and the text a reader sees."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: dict[str, int] = {}
        self.attrs: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags[tag] = self.tags.get(tag, 0) + 1
        self.attrs.append((tag, dict(attrs)))
        if tag in ("style", "title"):
            self._skip += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in ("style", "title"):
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.text.append(data)

    def with_class(self, tag: str, cls: str) -> int:
        return sum(1 for t, a in self.attrs
                   if t == tag and cls in (a.get("class") or "").split())


def chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        found = shutil.which(name)
        if found:
            return found
    pytest.fail(INSTALL_HINT)


def run_chromium(binary: str, profile: Path, *args: str) -> subprocess.CompletedProcess[str]:
    done = subprocess.run([binary, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args],
                          capture_output=True, text=True, timeout=90, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    return done


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


@pytest.mark.slow
def test_html_report_renders_safely_in_headless_chromium(markup_session: Path,
                                                         tmp_path: Path) -> None:
    binary = chromium()
    add_delivery(markup_session, lambda n, ex: dict(FIGURES, wpm=125.0 + 15 * n,
                                                    fillers_per_min=1.5 + n))
    record = saved_record(markup_session)
    ARTIFACTS.mkdir(exist_ok=True)
    page = ARTIFACTS / "report.html"
    assert main(["report", str(markup_session), "--format", "html", "-o", str(page)]) == 0
    source = page.read_text(encoding="utf-8")
    assert not re.search(r"(src|href)\s*=\s*[\"']?(https?:)?//", source), "no network"
    assert "<script" not in source.lower() and "@import" not in source
    url = page.resolve().as_uri()

    dom = run_chromium(binary, tmp_path / "profile-dom", "--dump-dom", url).stdout
    parsed = DomSummary()
    parsed.feed(dom)
    text = "".join(parsed.text)
    # Nothing the candidate typed became an element: no script, no img, no b.
    assert parsed.tags.get("script", 0) == 0
    assert parsed.tags.get("img", 0) == 0 and parsed.tags.get("b", 0) == 0
    assert not any("onerror" in a for _, a in parsed.attrs)
    # ... it shows literally, as typed.
    for literal in ("<script>window.pwned=1</script>", "<img src=x onerror=alert(1)>",
                    "<b>bold</b>", '& "quotes"'):
        assert literal in text, literal
    # The scorecard, the chart and the transcript rendered.
    card = record["scorecard"]
    assert f"{card['overall']:.1f}" in text and "/ 5 overall" in text
    assert parsed.with_class("table", "scores") == 1
    assert parsed.with_class("article", "dim") == len(dimensions())
    for d in card["dimensions"]:
        assert d["name"] in text
    assert parsed.tags.get("svg") == 1 and parsed.with_class("svg", "radar") == 1
    assert parsed.with_class("polygon", "shape") == 1
    assert sum(1 for t, a in parsed.attrs if t == "circle") == len(dimensions())
    assert parsed.with_class("article", "question") == len(record["questions"])
    said = exchanges(record)
    assert parsed.with_class("p", "said") == len(said)
    for ex in said:
        if ex["kind"] == "follow-up":
            assert ex["prompt"] in text
    assert CLOSING in text and FOLLOW_UP in text
    assert parsed.tags.get("mark", 0) >= 2, "evidence quotes are highlighted in the answers"
    assert 'id="delivery"' in dom
    assert "target: 130-160 words a minute" in text

    shot = ARTIFACTS / "report.png"
    shot.unlink(missing_ok=True)
    run_chromium(binary, tmp_path / "profile-shot", f"--screenshot={shot}",
                 "--window-size=1200,1600", url)
    assert png_size(shot) == (1200, 1600)
    assert shot.stat().st_size > 50_000, "a blank page compresses to almost nothing"

    pdf = ARTIFACTS / "report.pdf"
    pdf.unlink(missing_ok=True)
    run_chromium(binary, tmp_path / "profile-pdf", f"--print-to-pdf={pdf}",
                 "--no-pdf-header-footer", url)
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF") and len(re.findall(rb"/Type\s*/Page\b", data)) >= 2


def test_weak_answer_report_marks_the_gaps(home: Path) -> None:
    folder = make_session(home, [WEAK], count=1)
    page = render_session(load_record(folder).view(), "html")
    assert 'class="overall weak"' in page or 'class="overall fair"' in page
    assert "Gaps" in page
