"""Layers import downward only (read from the source with `ast`, nothing is imported):

    commands (cli, *_cli, doctor, __main__, interviewer/cli/)
      -> ui -> session -> coach, speech, report -> banks, rubric, scorecard, paths, config...

A module may import its own layer or any layer below; Textual is imported only in ui/."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "interviewer"
TOP = 4
LAYERS = {"ui": 3, "session": 2, "coach": 1, "speech": 1, "report": 1}
"""Rank of each sub-package; every top-level module not named here (banks, rubric, scorecard,
paths, config, secret...) is the bottom layer, 0, except the commands (`is_command`)."""
COMMANDS = ("cli", "doctor", "__main__")


def module_name(path: Path, root: Path = PACKAGE) -> str:
    parts = path.relative_to(root.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def is_command(name: str) -> bool:
    parts = name.split(".")
    return (len(parts) > 1 and parts[1] == "cli") or parts[-1] in COMMANDS \
        or parts[-1].endswith("_cli")


def rank(name: str) -> int:
    if is_command(name):
        return TOP
    parts = name.split(".")
    return LAYERS.get(parts[1], 0) if len(parts) > 1 else 0


def imports(path: Path, root: Path = PACKAGE) -> list[tuple[int, str]]:
    """(line, module) for every import in the file, function-level ones included."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    here = module_name(path, root).split(".")
    package = here if path.name == "__init__.py" else here[:-1]
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = package[:len(package) - node.level + 1] if node.level else []
            module = ".".join([*base, node.module] if node.module else base)
            found.append((node.lineno, module))
            # `from interviewer import report` names a sub-package, not a name in __init__
            found += [(node.lineno, f"{module}.{a.name}") for a in node.names
                      if module == "interviewer" and (root / a.name).is_dir()]
    return found


def sources(root: Path = PACKAGE) -> list[Path]:
    return sorted(root.rglob("*.py"))


def upward_imports(root: Path = PACKAGE) -> list[str]:
    """Every import of a higher layer than the importing module's, as `file:line: why`."""
    upward = []
    for path in sources(root):
        name = module_name(path, root)
        for line, target in imports(path, root):
            if target == "interviewer" or not target.startswith("interviewer."):
                continue
            if rank(target) > rank(name):
                upward.append(f"{path.relative_to(root.parent)}:{line}: {name} (layer "
                              f"{rank(name)}) imports {target} (layer {rank(target)})")
    return upward


def test_every_module_imports_downward_only() -> None:
    upward = upward_imports()
    assert not upward, "upward imports:\n" + "\n".join(upward)


def test_textual_is_imported_only_in_ui() -> None:
    outside = [f"{path.relative_to(PACKAGE.parent)}:{line}"
               for path in sources() if rank(module_name(path)) != LAYERS["ui"]
               for line, target in imports(path) if target.split(".")[0] == "textual"]
    assert not outside, "Textual imported outside ui/: " + ", ".join(outside)


def test_the_layer_map_knows_every_sub_package() -> None:
    """A new sub-package must be given its layer here, or it would count as the bottom one."""
    packages = {p.parent.name for p in PACKAGE.glob("*/__init__.py")}
    assert packages <= {*LAYERS, "cli"}, packages - {*LAYERS, "cli"}


def test_the_checker_sees_upward_imports(tmp_path: Path) -> None:
    """The rule itself, on a made-up package: report and config importing the session layer
    (one relative, one inside a function), a session module importing the ui, are caught;
    downward and sideways imports are not."""
    root = tmp_path / "interviewer"
    files = {
        "__init__.py": "",
        "config.py": "def f():\n    from interviewer.session.store import x\n",
        "cli.py": "from interviewer.ui import app\n",
        "report/__init__.py": "",
        "report/html.py": "from ..session import library\nfrom interviewer import rubric\n",
        "session/__init__.py": "",
        "session/engine.py": "import interviewer.speech.delivery\nfrom interviewer import ui\n",
        "ui/__init__.py": "",
        "speech/__init__.py": "",
        "speech/delivery.py": "from interviewer.report import html\n",
    }
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text)
    found = upward_imports(root)
    assert [f.split(": ", 1)[0] for f in found] == [
        "interviewer/config.py:2", "interviewer/report/html.py:1",
        "interviewer/session/engine.py:2"]
    assert rank("interviewer.review_cli") == rank("interviewer.cli.sessions") == TOP
    assert rank("interviewer.paths") == 0 < rank("interviewer.report.session_view")


MAX_LINES = 400
"""Small files whose names say what they hold: past this, a module holds two things."""


def test_no_module_is_over_400_lines() -> None:
    long = {str(p.relative_to(PACKAGE)): n for p in sources()
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert not long, f"split by responsibility: {long}"
