"""Training an entity model from the installed package: newsmine train ner,
Extractor(model=DIR), newsmine evaluate ner --model DIR."""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import pytest

import newsmine
from newsmine import Extractor, NewsmineError
from newsmine.cli import main

# Sentences written for this test: a fictional company always ORG, its
# founder always PER, a fictional town always LOC.
SENTENCES = [
    [("Korvath", "B-ORG"), ("Dynamics", "I-ORG"), ("hired", "O"), ("Imre", "B-PER"),
     ("Valdosa", "I-PER"), ("in", "O"), ("Brellin", "B-LOC"), (".", "O")],
    [("Imre", "B-PER"), ("Valdosa", "I-PER"), ("said", "O"), ("Korvath", "B-ORG"),
     ("Dynamics", "I-ORG"), ("would", "O"), ("grow", "O"), (".", "O")],
    [("The", "O"), ("mayor", "O"), ("of", "O"), ("Brellin", "B-LOC"), ("met", "O"),
     ("Valdosa", "B-PER"), ("on", "O"), ("Monday", "O"), (".", "O")],
]  # fmt: skip


def _conll(path: Path, articles: int) -> Path:
    lines = []
    for _ in range(articles):
        lines += ["-DOCSTART- O", ""]
        for sentence in SENTENCES:
            lines += [f"{w} {t}" for w, t in sentence] + [""]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_train_evaluate_and_load_a_model(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    train = _conll(tmp_path / "train.conll", 20)
    dev = _conll(tmp_path / "dev.conll", 2)
    out = tmp_path / "model"
    args = ["--train", str(train), "--dev", str(dev), "--out", str(out), "--epochs", "3"]
    assert main(["train", "ner", *args, "--prune", "0"]) == 0
    printed = capsys.readouterr().out
    assert "stage 2 epoch 3 dev" in printed and (out / "model.bin").is_file()
    info = json.loads((out / "newsmine-model.json").read_text())
    assert info["epochs"] == 3 and info["dev_f1"][str(dev)] > 0.9

    ex = Extractor(model=out)
    assert ex.model == str(out.resolve()) and f"model={str(out.resolve())!r}" in repr(ex)
    found = {(e.text, e.label) for e in ex.extract("Valdosa left Korvath Dynamics.").entities}
    assert found == {("Valdosa", "PER"), ("Korvath Dynamics", "ORG")}
    back = pickle.loads(pickle.dumps(ex))
    assert back.model == ex.model
    assert back.extract("Imre Valdosa is in Brellin.") == ex.extract("Imre Valdosa is in Brellin.")

    assert main(["evaluate", "ner", str(dev), "--model", str(out)]) == 0
    table = capsys.readouterr().out
    overall = next(line for line in table.splitlines() if line.startswith("overall"))
    assert float(overall.split()[3]) > 0.9


def test_a_bad_model_directory_is_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(NewsmineError, match="does not exist"):
        Extractor(model=tmp_path / "nowhere")
    with pytest.raises(NewsmineError, match=r"model\.bin"):
        Extractor(model=tmp_path)
    (tmp_path / "model.bin").write_bytes(b"not a model")
    with pytest.raises(NewsmineError, match="not a newsmine entity model"):
        Extractor(model=tmp_path)
    assert main(["evaluate", "ner", str(tmp_path / "x.conll"), "--model", str(tmp_path)]) == 2
    assert "error:" in capsys.readouterr().err
    assert issubclass(NewsmineError, Exception) and newsmine.Extractor().model is None
