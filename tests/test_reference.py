"""A small reference deck (tests/reference/proef.yaml) builds, in a new process, to the bytes
recorded in tests/reference/hashes.json: the same input gives the same PDFs on every machine
that installs requirements.lock. A change of the generator or the layouts that alters the
output on purpose records the new hashes with `.venv/bin/python -m tests.test_reference`."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

from tests.projects import LAYOUTS, ROOT

REFERENCE = ROOT / "tests" / "reference"
HASHES = REFERENCE / "hashes.json"


def built_hashes(output: Path, relative: bool = False) -> dict[str, str]:
    """Build the reference deck into output with a new interpreter; each PDF's SHA-256.
    relative: name the folders relative to the project, as a user in it would."""
    folders = [REFERENCE, LAYOUTS]
    cards, layouts = (str(f.relative_to(ROOT)) if relative else str(f) for f in folders)
    command = [sys.executable, "-m", "generator", "build", "-q", "--cards", cards,
               "--layouts", layouts, "--out", str(output)]  # fmt: skip
    subprocess.run(command, cwd=ROOT, check=True, capture_output=True)
    return {path.name: hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(output.glob("*.pdf"))}  # fmt: skip


def test_the_reference_deck_builds_to_its_recorded_bytes(tmp_path: Path) -> None:
    recorded = json.loads(HASHES.read_text(encoding="utf-8"))
    assert len(recorded) == 5  # the deck's four files and the review report
    assert built_hashes(tmp_path / "a") == recorded, (
        "the output changed: if on purpose, record it with `.venv/bin/python -m "
        "tests.test_reference`"
    )
    # The same folders spelled another way give the same bytes.
    assert built_hashes(tmp_path / "b", relative=True) == recorded


if __name__ == "__main__":
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        HASHES.write_text(json.dumps(built_hashes(Path(folder)), indent=2) + "\n", "utf-8")
    print(f"wrote {HASHES.relative_to(ROOT)}")
