"""Pack export/import from the GUI, with the dialog steps replaced (no modal dialogs in tests)."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QMessageBox

from balint_trainer.core.catalogue import load_catalogue
from balint_trainer.gui.authoring import packs as gui_packs

DATA = Path(__file__).resolve().parent.parent / "data" / "valid"


@pytest.fixture
def shown(monkeypatch) -> dict[str, list]:
    """Record the messages instead of showing them."""
    record: dict[str, list] = {"problems": [], "info": [], "conflicts": []}
    monkeypatch.setattr(
        gui_packs,
        "show_problems",
        lambda parent, title, message, problems: record["problems"].append((message, problems)),
    )
    monkeypatch.setattr(gui_packs, "show_info", lambda parent, title, message: record["info"].append(message))
    return record


@pytest.fixture
def library(tmp_path: Path, monkeypatch) -> Path:
    folder = tmp_path / "authoring"
    folder.mkdir()
    (folder / "minimal.yaml").write_bytes((DATA / "minimal.yaml").read_bytes())
    second = (DATA / "minimal.yaml").read_text(encoding="utf-8").replace("id: minimal-test", "id: second-one")
    (folder / "second.yaml").write_text(
        second.replace("Minimal test scenario", "Second one"), encoding="utf-8"
    )
    monkeypatch.setattr(
        gui_packs,
        "library_entries",
        lambda: [e for e in load_catalogue([folder], include_bundled=False) if e.ok],
    )
    return folder


def test_user_folder_is_in_the_platform_data_dir() -> None:
    folder = gui_packs.user_scenarios_dir()
    assert folder.is_dir()
    assert folder.name == "scenarios" and folder.parent.name == "balint-trainer"


def test_export_dialog_and_round_trip(qtbot, tmp_path: Path, library: Path, shown, monkeypatch) -> None:
    destination = tmp_path / "out" / "course"
    monkeypatch.setattr(
        gui_packs, "choose_export_path", lambda parent, suggested: destination.with_suffix(".zip")
    )

    def accept_with_one(self: gui_packs.ExportPackDialog) -> QDialog.DialogCode:
        qtbot.addWidget(self)
        ok = self.buttons.button(self.buttons.StandardButton.Ok)
        assert not ok.isEnabled()  # nothing chosen yet
        self.set_checked_ids(["second-one"])
        assert ok.isEnabled()
        self.title_edit.setText("Course B")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(gui_packs.ExportPackDialog, "exec", accept_with_one)
    written = gui_packs.export_pack(None, None)
    assert written == destination.with_suffix(".zip")
    with zipfile.ZipFile(written) as archive:
        assert sorted(archive.namelist()) == ["manifest.json", "scenarios/second-one.yaml"]
    assert "1 scenario written" in shown["info"][0]

    target = tmp_path / "imported"
    result = gui_packs.import_pack(None, None, written, target=target)
    assert result is not None and result.installed == ["second-one"]
    assert (target / "second-one.yaml").read_bytes() == (library / "second.yaml").read_bytes()
    assert "Installed: second-one" in shown["info"][-1]


def test_export_dialog_cancelled_writes_nothing(qtbot, tmp_path: Path, library: Path, monkeypatch) -> None:
    monkeypatch.setattr(gui_packs.ExportPackDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    monkeypatch.setattr(gui_packs, "choose_export_path", lambda *a: pytest.fail("must not ask for a file"))
    assert gui_packs.export_pack(None, None) is None


def test_import_refuses_bad_pack_with_clear_problems(qtbot, tmp_path: Path, shown, monkeypatch) -> None:
    evil = tmp_path / "evil.zip"
    with zipfile.ZipFile(evil, "w") as archive:
        archive.writestr("manifest.json", b"{}")
        archive.writestr("../../escape.yaml", b"x")
    target = tmp_path / "target"
    target.mkdir()
    monkeypatch.setattr(gui_packs, "choose_pack_to_import", lambda parent: evil)
    assert gui_packs.import_pack(None, None, target=target) is None
    message, problems = shown["problems"][0]
    assert "cannot be imported" in message and "Nothing was changed" in message
    # The sentence ends before the problem list instead of dangling on a colon.
    assert message.endswith("cannot be imported. Nothing was changed.")
    assert any("path traversal" in p for p in problems)
    assert list(target.iterdir()) == []
    assert not (tmp_path.parent / "escape.yaml").exists()


def test_import_conflict_choice_is_asked_and_respected(
    qtbot, tmp_path: Path, library: Path, shown, monkeypatch
) -> None:
    pack = tmp_path / "p.zip"
    gui_packs.core_packs.export_pack([library / "minimal.yaml"], pack, title="P")
    target = tmp_path / "target"
    target.mkdir()
    local = (library / "minimal.yaml").read_bytes().replace(b"Silence is fine.", b"My local edit.")
    (target / "minimal-test.yaml").write_bytes(local)

    asked: list[list[str]] = []

    def answer(choice: str):
        def ask(parent, conflicts):
            asked.append([c.scenario_id for c in conflicts])
            return choice

        return ask

    monkeypatch.setattr(gui_packs, "ask_conflict_policy", answer("cancel"))
    result = gui_packs.import_pack(None, None, pack, target=target)
    assert result is not None and result.cancelled
    assert (target / "minimal-test.yaml").read_bytes() == local
    assert not shown["info"]

    monkeypatch.setattr(gui_packs, "ask_conflict_policy", answer("replace"))
    result = gui_packs.import_pack(None, None, pack, target=target)
    assert result is not None and result.replaced == ["minimal-test"]
    assert (target / "minimal-test.yaml").read_bytes() == (library / "minimal.yaml").read_bytes()
    assert asked == [["minimal-test"], ["minimal-test"]]
    assert "Replaced: minimal-test" in shown["info"][-1]


def test_builtin_conflict_offers_the_users_copy(qtbot, tmp_path: Path, shown, monkeypatch) -> None:
    """A pack scenario with a built-in's id is a distinct conflict: skipped by default, or the user's copy."""
    bundled = tmp_path / "bundled"
    bundled.mkdir()
    builtin = bundled / "minimal.yaml"
    builtin.write_bytes((DATA / "minimal.yaml").read_bytes().replace(b"Silence is fine.", b"Old key."))
    monkeypatch.setattr("balint_trainer.paths.bundled_scenarios_dir", lambda: bundled)
    pack = tmp_path / "p.zip"
    gui_packs.core_packs.export_pack([DATA / "minimal.yaml"], pack, title="New key")
    target = tmp_path / "target"
    target.mkdir()

    boxes: list[tuple[str, str, list[str]]] = []
    press: list[str] = []

    def fake_exec(box: QMessageBox) -> int:
        qtbot.addWidget(box)
        names = [b.text() for b in box.buttons()]
        boxes.append((box.informativeText(), box.defaultButton().text(), names))
        chosen = next((b for b in box.buttons() if b.text() == press[0]), None) if press else None
        (chosen or box.defaultButton()).click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    result = gui_packs.import_pack(None, None, pack, target=target)
    informative, default, names = boxes[-1]
    assert (
        "• Minimal test scenario [minimal-test] — would replace the built-in scenario "
        "“Minimal test scenario” as your own copy (delete your copy to get the built-in back)"
    ) in informative
    assert str(builtin) not in informative
    # The same choices and default as for a conflict with the user's own file.
    assert default == "&Skip them" and "&Replace" in names
    assert result is not None and result.skipped == ["minimal-test"]
    assert list(target.iterdir()) == []

    press.append("&Replace")
    result = gui_packs.import_pack(None, None, pack, target=target)
    assert result is not None and result.replaced == ["minimal-test"]
    assert (target / "minimal-test.yaml").read_bytes() == (DATA / "minimal.yaml").read_bytes()
    assert b"Old key." in builtin.read_bytes()
    assert (
        "Installed as your own copy in place of the built-in (delete the copy to get the built-in back): "
        "minimal-test"
    ) in shown["info"][-1]
    assert "Replaced:" not in shown["info"][-1]
    [entry] = [e for e in load_catalogue([target], use_cache=False) if e.ok and e.id == "minimal-test"]
    assert entry.replaces == builtin


def test_main_window_menu_reaches_import(qtbot, window, tmp_path: Path, monkeypatch, shown) -> None:
    """The main window's Import action goes through the lazy dispatcher into this module."""
    pack = tmp_path / "p.zip"
    gui_packs.core_packs.export_pack([DATA / "minimal.yaml"], pack, title="P")
    monkeypatch.setattr(gui_packs, "choose_pack_to_import", lambda parent: pack)
    result = window.open_workbench("import_pack")
    assert result is not None and result.installed == ["minimal-test"]
    assert (gui_packs.user_scenarios_dir() / "minimal-test.yaml").is_file()


def test_dispatcher_imports_tools_lazily() -> None:
    code = (
        "import sys, balint_trainer.gui.workbench as w; "
        "prefixes = tuple(f'balint_trainer.gui.{p}.' for p in ('workbench', 'authoring', 'accounts')); "
        "print(any(m.startswith(prefixes) for m in sys.modules)); "
        "print(all(callable(getattr(w, n)) for n in w.__all__))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.split()
    assert out == ["False", "True"]
