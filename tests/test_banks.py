"""Question banks: the bundled set is complete, and every malformed bank is named precisely."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from interviewer.bank_errors import BankError
from interviewer.banks import (
    MIXED,
    Question,
    QuestionBank,
    bank_files,
    bundled_bank_dir,
    load_bank_file,
    load_banks,
)
from interviewer.cli.banks import listing_text
from interviewer.rubric import dimension_ids, question_kinds

INTERVIEWER = str(Path(sys.executable).parent / "interviewer")

GOOD = '''
[[questions]]
id = "my-q"
track = "my-track"
difficulty = "easy"
kind = "metrics"
prompt = "How would you measure an AI feature?"
dimensions = ["metrics", "trade-offs"]
outline = ["The user and the job", "A north-star metric", "A guardrail", "How to validate it"]
[questions.probes]
metrics = ["Which metric, exactly?", "What would you watch so it does no harm?"]
trade-offs = ["What would you give up for speed?", "Which side would you take, and why?"]
'''


def write(tmp_path: Path, text: str, name: str = "mine.toml") -> Path:
    p = tmp_path / name
    p.write_text(text)
    return p


def test_bundled_banks_are_big_and_complete(bank: QuestionBank) -> None:
    assert len(bank.questions) >= 40
    assert len(bank.tracks()) >= 8
    for q in bank.questions:
        assert set(q.dimensions) <= set(dimension_ids())
        # Every dimension a question stresses has a probe the coach can ask.
        assert set(q.dimensions) <= set(q.probes), q.id
        assert q.outline, q.id
        assert q.prompt.endswith(("?", ".")), q.id


def test_mixed_pick_spreads_over_tracks(bank: QuestionBank) -> None:
    import random

    picked = bank.pick(MIXED, 5, random.Random(1))
    assert len({q.id for q in picked}) == 5
    assert len({q.track for q in picked}) == 5
    one_track = bank.pick("recommendations", 3, random.Random(1))
    assert {q.track for q in one_track} == {"recommendations"}


def test_a_user_bank_adds_to_the_bundled_ones(tmp_path: Path, bank: QuestionBank) -> None:
    merged = load_banks([write(tmp_path, GOOD)])
    assert len(merged.questions) == len(bank.questions) + 1
    assert merged.by_id("my-q").probes["metrics"][0] == "Which metric, exactly?"


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        (lambda t: t.replace('prompt = "How', 'prompt = "How\n'), "TOML syntax error"),
        (lambda t: t.replace('difficulty = "easy"\n', ""), "question 'my-q': field 'difficulty': is missing"),
        (lambda t: t.replace('kind = "metrics"', 'kind = "vibes"'), "question 'my-q': field 'kind': 'vibes' is not a question kind"),
        (lambda t: t.replace('"trade-offs"', '"vibes"'), "question 'my-q': field 'dimensions': unknown dimension 'vibes'"),
        (lambda t: t.replace("metrics = [", "charisma = ["), "question 'my-q': field 'probes.charisma': unknown dimension"),
        (lambda t: t.replace('"easy"', '"trivial"'), "question 'my-q': field 'difficulty': 'trivial' is not a difficulty (one of: easy,"),
        (lambda t: re.sub(r"outline = \[.*\]", "outline = []", t), "question 'my-q': field 'outline': must be a non-empty list"),
        (lambda t: t + t, "question 'my-q': field 'id': duplicate id"),
        (lambda t: t.replace('track = "my-track"', 'track = "my-track"\nhint = "x"'), "question 'my-q': field 'hint': unknown field"),
        (lambda t: t.replace('id = "my-q"\n', ""), "question '#1': field 'id': is missing"),
    ],
)
def test_malformed_bank_names_file_question_and_field(
    tmp_path: Path, edit: Callable[[str], str], expected: str
) -> None:
    path = write(tmp_path, edit(GOOD))
    with pytest.raises(BankError) as err:
        load_bank_file(path)
    assert str(path) in str(err.value)
    assert expected in str(err.value)


def test_a_users_question_with_a_bundled_id_wins_with_one_notice(
    tmp_path: Path, bank: QuestionBank
) -> None:
    mine = GOOD.replace('"my-q"', '"rec-stale-feed"') + GOOD.replace('"my-q"', '"rec-cold-start"')
    path = write(tmp_path, mine)
    merged = load_banks([path])
    assert len(merged.questions) == len(bank.questions)
    assert merged.by_id("rec-stale-feed").prompt == "How would you measure an AI feature?"
    assert merged.by_id("rec-stale-feed").source == str(path)
    assert merged.notices == ["your banks replace 2 bundled questions with the same id: "
                              "rec-stale-feed, rec-cold-start"]
    # Naming the bundled folder itself as an extra bank changes nothing and says nothing.
    again = load_banks([bank_files([bundled_bank_dir()])[0].parent])
    assert again.notices == [] and len(again.questions) == len(bank.questions)


def test_an_id_defined_twice_in_the_users_banks_is_refused(tmp_path: Path) -> None:
    a = write(tmp_path, GOOD, "a.toml")
    write(tmp_path, GOOD, "b.toml")
    with pytest.raises(BankError, match=r"b.toml: question 'my-q': field 'id': duplicate id, "
                                        r"already defined in .*a.toml"):
        load_banks([a.parent])


def test_the_cli_prints_the_notice_once_and_lists_the_users_version(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD.replace('"my-q"', '"rec-stale-feed"'))
    out = subprocess.run([INTERVIEWER, "--bank", str(path), "banks", "--format", "json"],
                         capture_output=True, text=True, check=True)
    assert out.stderr == ("interviewer: your banks replace 1 bundled question with the same id: "
                          "rec-stale-feed\n")
    listed = {q["id"]: q for q in json.loads(out.stdout)}
    assert listed["rec-stale-feed"]["prompt"] == "How would you measure an AI feature?"


def test_cli_lists_banks() -> None:
    out = subprocess.run([INTERVIEWER, "banks"], capture_output=True, text=True, check=True)
    assert "rec-stale-feed" in out.stdout
    assert "questions in" in out.stdout.splitlines()[-1]


def validate(*paths: Path | str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([INTERVIEWER, "banks", "validate", *map(str, paths)],
                          capture_output=True, text=True)


def test_cli_validates_a_good_bank(tmp_path: Path) -> None:
    out = validate(write(tmp_path, GOOD))
    assert out.returncode == 0, out.stdout + out.stderr
    assert out.stdout.endswith(": OK, 1 question in 1 file\n")


def test_cli_rejects_a_bad_bank_with_one_line_and_no_traceback(tmp_path: Path) -> None:
    bad = write(tmp_path, GOOD.replace('"trade-offs"', '"vibes"'))
    out = validate(bad)
    assert out.returncode == 2
    assert "Traceback" not in out.stdout + out.stderr
    assert out.stdout == (f"{bad}: question 'my-q': field 'dimensions': unknown dimension "
                          f"'vibes' (known: {', '.join(dimension_ids())})\n")
    assert out.stderr == f"interviewer: 1 problem in {bad}\n"


def test_three_faults_print_three_lines_naming_file_question_and_field(tmp_path: Path) -> None:
    bad = GOOD.replace('kind = "metrics"', 'kind = "vibes"')  # structural: unknown kind
    bad = bad.replace('"The user and the job", ', "")  # content: 3 outline points
    bad = bad.replace('"What would you give up for speed?", ', "")  # content: 1 trade-offs probe
    out = validate(write(tmp_path, bad))
    assert out.returncode == 2
    lines = out.stdout.splitlines()
    where = f"{tmp_path / 'mine.toml'}: question 'my-q': field"
    assert lines == [
        f"{where} 'kind': 'vibes' is not a question kind (one of: {', '.join(question_kinds())})",
        f"{where} 'outline': has 3 points; write 4-7 short points of what a strong answer covers",
        f"{where} 'probes.trade-offs': has 1 probe; a stressed dimension needs at least 2 "
        "(add them under [questions.probes])",
    ]
    assert out.stderr == f"interviewer: 3 problems in {tmp_path / 'mine.toml'}\n"


@pytest.mark.parametrize(
    ("edit", "field", "message"),
    [
        (lambda t: t.replace('"A guardrail"', '"' + "x" * 121 + '"'), "outline[2]",
         "is 121 characters; keep a point to one line of at most 120"),
        (lambda t: t.replace('"A guardrail"', '"""two\nlines"""'), "outline[2]",
         "must be one line"),
        (lambda t: t.replace('"A guardrail", "How to validate it"',
                             '"a", "b", "c", "d", "e", "f"'), "outline",
         "has 8 points; write 4-7 short points"),
        (lambda t: t.replace("trade-offs = [", "framing = ["), "probes.trade-offs",
         "has 0 probes; a stressed dimension needs at least 2"),
    ],
)
def test_content_rules_are_checked_by_validate_but_not_by_the_loader(
    tmp_path: Path, edit: Callable[[str], str], field: str, message: str
) -> None:
    path = write(tmp_path, edit(GOOD))
    out = validate(path)
    assert out.returncode == 2
    assert out.stdout.startswith(f"{path}: question 'my-q': field '{field}': {message}")
    assert out.stdout.count("\n") == 1
    assert load_bank_file(path)[0].id == "my-q"  # usable at run time all the same


def test_every_problem_in_every_file_is_reported(tmp_path: Path) -> None:
    two_faults = GOOD.replace('"The user and the job", ', "").replace('"A guardrail"', '"' + "x" * 121 + '"')
    a = write(tmp_path, two_faults, "a.toml")
    b = write(tmp_path, GOOD + GOOD.replace('"my-q"', '"other"').replace('"trade-offs"]', '"x"]'),
              "b.toml")
    c = write(tmp_path, GOOD.replace('"my-q"', '"in-c"'), "c.toml")
    out = validate(tmp_path)
    assert out.returncode == 2
    assert out.stdout.splitlines() == [
        f"{a}: question 'my-q': field 'outline': has 3 points; write 4-7 short points of what "
        "a strong answer covers",
        f"{a}: question 'my-q': field 'outline[1]': is 121 characters; keep a point to one line "
        "of at most 120 (shorten it or split it)",
        f"{b}: question 'other': field 'dimensions': unknown dimension 'x' "
        f"(known: {', '.join(dimension_ids())})",
        f"{b}: question 'my-q': field 'id': duplicate id, also defined in {a}",
    ]
    assert str(c) not in out.stdout
    # A file given twice (in its folder and by name) is read once: no duplicate of itself.
    (tmp_path / "sub").mkdir()
    again = validate(c, tmp_path / "sub" / ".." / "c.toml")
    assert again.returncode == 0, again.stdout
    assert again.stdout.endswith(": OK, 1 question in 1 file\n")


def test_a_missing_path_and_an_empty_folder_are_one_line_each(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    out = validate(tmp_path / "nope.toml", tmp_path / "empty")
    assert out.returncode == 2
    assert out.stdout.splitlines() == [f"{tmp_path / 'nope.toml'}: does not exist",
                                       f"{tmp_path / 'empty'}: holds no .toml files"]


def test_a_copy_of_a_bundled_bank_validates_as_its_original(tmp_path: Path) -> None:
    original = bundled_bank_dir() / "recommendations.toml"
    copy = tmp_path / "recommendations.toml"
    shutil.copy(original, copy)
    ours, theirs = validate(copy), validate(original)
    assert "duplicate id" not in ours.stdout + theirs.stdout
    assert ours.returncode == theirs.returncode
    assert ours.stdout.replace(str(copy), "F") == theirs.stdout.replace(str(original), "F")
    # The bundled folder validates on its own: no id is found "already defined" in itself.
    folder = validate(bundled_bank_dir())
    assert "duplicate id" not in folder.stdout


def test_json_listing_has_every_question_and_only_the_listed_fields(bank: QuestionBank) -> None:
    out = subprocess.run([INTERVIEWER, "banks", "--format", "json"], capture_output=True,
                         text=True, check=True)
    listed = json.loads(out.stdout)
    assert [q["id"] for q in listed] == [q.id for q in bank.questions]
    for item in listed:
        assert list(item) == ["id", "track", "kind", "difficulty", "dimensions", "prompt"]
        q = bank.by_id(item["id"])
        assert (item["track"], item["kind"], item["prompt"]) == (q.track, q.kind, q.prompt)
        assert item["dimensions"] == list(q.dimensions)


def test_listing_filters_by_kind_and_track(bank: QuestionBank) -> None:
    kind = bank.questions[0].kind
    track = bank.questions[0].track
    out = subprocess.run([INTERVIEWER, "banks", "--format", "json", "--kind", kind, "--track",
                          track], capture_output=True, text=True, check=True)
    listed = json.loads(out.stdout)
    expected = [q.id for q in bank.questions if q.kind == kind and q.track == track]
    assert [q["id"] for q in listed] == expected and expected
    bad = subprocess.run([INTERVIEWER, "banks", "--kind", "vibes"], capture_output=True,
                         text=True)
    assert bad.returncode == 2 and bad.stdout == ""
    assert bad.stderr.startswith("interviewer: --kind: must be one of any, design")
    bad = subprocess.run([INTERVIEWER, "banks", "--track", "nope"], capture_output=True,
                         text=True)
    assert bad.returncode == 2 and bad.stderr.startswith("interviewer: unknown track 'nope'")


def _question(qid: str, kind: str = "improve", prompt: str = "Short?") -> Question:
    return Question(id=qid, track="ai-search", difficulty="medium", prompt=prompt,
                    dimensions=("metrics",), probes={}, outline=(), kind=kind)


def test_text_listing_aligns_columns_whatever_the_id_length_and_wraps_prompts() -> None:
    long_prompt = " ".join(["word"] * 60) + "?"
    qs = [_question("a", prompt=long_prompt),
          _question("a-much-longer-question-id-than-any-bundled-one", "ml-system-design"),
          _question("mid-length-id", "estimate", long_prompt)]
    text = listing_text(qs, 140)
    lines = text.splitlines()
    assert lines[0] == "AI search (ai-search): 3 questions"
    assert lines[-1] == "3 questions in 1 track"
    assert all(len(line) <= 140 for line in lines)
    rows = [line for line in lines[1:-1] if line.startswith("  ") and line[2] != " "]
    assert len(rows) == 3
    # Every column starts where the longest id and the longest kind put it.
    assert {row.index("medium") for row in rows} == {2 + 46 + 2}
    prompt_col = 2 + 46 + 2 + 6 + 2 + len("ml-system-design") + 2
    assert rows[0].index("word") == rows[1].index("Short?") == rows[2].index("word") == prompt_col
    continued = [line for line in lines if line.startswith(" " * prompt_col + "word")]
    assert len(continued) >= 4  # two long prompts, each wrapped onto more lines
    assert len(lines) == 1 + 3 + len(continued) + 1


def test_text_listing_puts_prompts_under_the_row_when_too_narrow() -> None:
    qs = [_question("a-much-longer-question-id-than-any-bundled-one", "ml-system-design",
                    "One two three four five six seven eight nine ten eleven twelve?")]
    lines = listing_text(qs, 80).splitlines()
    assert lines[0] == "AI search (ai-search): 1 question"
    assert lines[1] == "  a-much-longer-question-id-than-any-bundled-one  medium  ml-system-design"
    assert lines[2].startswith("    One two three")
    assert all(len(line) <= 80 for line in lines)
    assert lines[-1] == "1 question in 1 track"


def test_cli_listing_uses_the_terminal_width(bank: QuestionBank) -> None:
    for width in ("72", "140"):
        out = subprocess.run([INTERVIEWER, "banks"], capture_output=True, text=True, check=True,
                             env={**os.environ, "COLUMNS": width})
        assert max(len(line) for line in out.stdout.splitlines()) <= int(width)
    piped = subprocess.run([INTERVIEWER, "banks"], capture_output=True, text=True, check=True,
                           env={k: v for k, v in os.environ.items() if k != "COLUMNS"})
    lines = piped.stdout.splitlines()
    assert max(len(line) for line in lines) <= 100
    assert lines[-1] == f"{len(bank.questions)} questions in {len(bank.tracks())} tracks"


def test_pick_by_kind_spreads_over_tracks(bank: QuestionBank) -> None:
    import random

    kind = max(bank.kinds(), key=lambda k: len({q.track for q in bank.matching(kind=k)}))
    tracks = {q.track for q in bank.matching(kind=kind)}
    picked = bank.pick(MIXED, len(tracks), random.Random(3), kind=kind)
    assert {q.kind for q in picked} == {kind}
    assert {q.track for q in picked} == tracks
    one = bank.pick(picked[0].track, 2, random.Random(3), kind=kind)
    assert {(q.track, q.kind) for q in one} == {(picked[0].track, kind)}
    track, empty = next((t, k) for t in bank.tracks() for k in question_kinds()
                        if not bank.matching(t, k))
    with pytest.raises(KeyError):
        bank.pick(track, 2, kind=empty)


def test_kind_on_the_command_line_and_in_the_config(tmp_path: Path) -> None:
    from interviewer.config import ConfigError, load_settings

    config = tmp_path / "config.toml"
    config.write_text('kind = "estimate"\n')
    assert load_settings(config, env={}).kind == "estimate"
    assert load_settings(tmp_path / "none.toml", env={}).kind == "any"
    config.write_text('kind = "vibes"\n')
    with pytest.raises(ConfigError, match=r"setting 'kind': must be one of any, .* \(not 'vibes'\)"):
        load_settings(config, env={})
    env = {**os.environ, "INTERVIEWER_CONFIG": str(tmp_path / "none.toml")}
    out = subprocess.run([INTERVIEWER, "--text", "--kind", "vibes"], capture_output=True,
                         text=True, timeout=60, env=env)
    assert out.returncode == 2 and "Traceback" not in out.stderr
    assert out.stderr.startswith("interviewer: --kind: must be one of any, design")
    assert out.stderr.rstrip().endswith("(not 'vibes')")
    mine = write(tmp_path, GOOD)
    out = subprocess.run([INTERVIEWER, "--bank", str(mine), "--text", "--track", "my-track",
                          "--kind", "estimate"], capture_output=True, text=True, timeout=60,
                         env=env)
    assert out.returncode == 2
    assert out.stderr == ("interviewer: no questions of kind 'estimate' in track 'my-track' "
                          "(kinds there: metrics)\n")


def test_a_bad_bank_given_to_the_app_fails_before_the_tui(tmp_path: Path) -> None:
    bad = write(tmp_path, "[[questions]\n")
    out = subprocess.run([INTERVIEWER, "--bank", str(bad), "--text"], capture_output=True,
                         text=True, timeout=60)
    assert out.returncode == 2
    assert "TOML syntax error" in out.stderr and str(bad) in out.stderr


def test_track_titles_keep_acronyms() -> None:
    from interviewer.banks import track_title

    assert track_title("ai-search") == "AI search"
    assert track_title("genai-quality-cost") == "GenAI quality and cost"
    assert track_title("recommendations") == "Recommendations"
    assert track_title("ml-system-design") == "ML system design"
    assert track_title("responsible-ai") == "Responsible AI"
    assert track_title("rag-quality") == "RAG quality"


def test_the_readme_example_bank_validates(tmp_path: Path) -> None:
    readme = (bundled_bank_dir().parent / "README.md").read_text()
    example = re.search(r"```toml\n(\[\[questions\]\].*?)```", readme, re.S)
    assert example is not None
    out = validate(write(tmp_path, example.group(1)))
    assert out.returncode == 0, out.stdout
