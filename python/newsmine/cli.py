"""The ``newsmine`` command.

newsmine --version
newsmine demo [--form ordinary|stripped|both]
newsmine extract FILE [--text-column text] [--id-column ID] [--out DIR]
                      [--format csv|parquet] [--threads N] [--no-progress]
                      [--stages entities,figures,quotes] [--resume | --overwrite]
newsmine evaluate ner FILE

Errors are one line on stderr (exit status 2); Ctrl-C during ``extract`` says
how many rows are saved (exit status 130).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from importlib import resources
from pathlib import Path

from newsmine._api import Extractor
from newsmine._newsmine import NewsmineError, __version__
from newsmine.stream import Interrupted, extract_file


def demo_text(form: str) -> str:
    """The demo article that ships with the package, in `form`."""
    return resources.files("newsmine").joinpath(f"data/demo_{form}.txt").read_text("utf-8")


def _table(rows: list[list[str]], header: list[str]) -> str:
    widths = [len(h) for h in header]
    for row in rows:
        widths = [max(w, len(c)) for w, c in zip(widths, row, strict=True)]
    line = "  ".join("-" * w for w in widths)
    out = ["  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)), line]
    out += ["  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) for row in rows]
    return "\n".join(out)


def _short(value: str | None, n: int = 60) -> str:
    s = value or ""
    return s if len(s) <= n else s[: n - 1] + "…"


def _num(v: float | None) -> str:
    if v is None:
        return ""
    return f"{v:g}" if abs(v) < 1e15 else f"{v:.3e}"


def cmd_demo(args: argparse.Namespace) -> int:
    ex = Extractor(threads=args.threads)
    forms = ["ordinary", "stripped"] if args.form == "both" else [args.form]
    for form in forms:
        art = ex.extract(demo_text(form))
        print(f"=== demo article, {art.form} text ({len(art.text)} characters) ===\n")
        print(f"Entities ({len(art.entities)})")
        print(
            _table(
                [[e.text, e.label, e.display, f"{e.start}-{e.end}"] for e in art.entities],
                ["text", "label", "name", "span"],
            )
        )
        print(f"\nFigures ({len(art.figures)})")
        print(
            _table(
                [
                    [
                        f.text,
                        f.kind,
                        _num(f.value),
                        _num(f.value_to),
                        f.unit or "",
                        f.qualifier or "",
                        f.counted or "",
                    ]
                    for f in art.figures
                ],
                ["text", "kind", "value", "value_to", "unit", "qualifier", "counted"],
            )
        )
        print(f"\nQuotes ({len(art.quotes)})")
        print(
            _table(
                [
                    [
                        _short(q.speaker_display or q.speaker, 24),
                        q.cue or "",
                        "yes" if q.direct else "no",
                        _short(q.text),
                    ]
                    for q in art.quotes
                ],
                ["speaker", "cue", "direct", "text"],
            )
        )
        print()
    return 0


def cmd_extract(args: argparse.Namespace) -> int:
    path = Path(args.file)
    if not path.is_file():
        print(f"error: {path} is not a file", file=sys.stderr)
        return 2
    try:
        stages = args.stages.split(",") if args.stages else None
        ex = Extractor(threads=args.threads, stages=stages, model=args.model)
        counts = extract_file(
            path,
            Path(args.out),
            text_column=args.text_column,
            id_column=args.id_column,
            fmt=args.format,
            rows_per_chunk=args.chunk_rows,
            resume=args.resume,
            overwrite=args.overwrite,
            extractor=ex,
            progress=not args.no_progress,
            published_column=args.published_column,
        )
    except (ValueError, NewsmineError, OSError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    except Interrupted as e:
        print(f"interrupted after {e.rows:,} rows: rerun with --resume", file=sys.stderr)
        return 130
    summary = ", ".join(f"{n} {t}" for t, n in counts.items())
    print(f"wrote {summary} to {args.out}/ ({args.format})", file=sys.stderr)
    return 0


def cmd_evaluate(args: argparse.Namespace) -> int:
    from newsmine._newsmine import evaluate_ner

    text = Path(args.file).read_text(encoding="utf-8")
    form, articles, tokens, rows = evaluate_ner(text, args.model)
    model = args.model or "the compiled-in model"
    print(f"{args.file}: {articles} articles, {tokens} tokens, {form} form (exact spans), {model}")
    table = []
    totals = [0, 0, 0]
    for label, tp, fp, fn in rows:
        table.append([label, *_prf(tp, fp, fn), str(tp), str(fp), str(fn)])
        totals = [totals[0] + tp, totals[1] + fp, totals[2] + fn]
    table.append(["overall", *_prf(*totals), *map(str, totals)])
    print(_table(table, ["type", "P", "R", "F1", "tp", "fp", "fn"]))
    return 0


def cmd_train(args: argparse.Namespace) -> int:
    from newsmine._newsmine import train_ner

    train, dev = args.train.split(","), args.dev.split(",") if args.dev else []
    out = Path(args.out)
    last = train_ner(
        train,
        dev,
        str(out),
        epochs=args.epochs,
        seed=args.seed,
        prune=args.prune,
        progress=lambda line: print(line, flush=True),
    )
    info = {
        "newsmine": __version__,
        "train": [os.path.abspath(p) for p in train],
        "dev": [os.path.abspath(p) for p in dev],
        "epochs": args.epochs,
        "seed": args.seed,
        "prune": args.prune,
        "dev_f1": dict(last),
    }
    (out / "newsmine-model.json").write_text(json.dumps(info, indent=2) + "\n", "utf-8")
    print(f"wrote {out / 'model.bin'}: use it with newsmine.Extractor(model={str(out)!r})")
    return 0


def _prf(tp: int, fp: int, fn: int) -> list[str]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return [f"{p:.4f}", f"{r:.4f}", f"{f:.4f}"]


def _positive(value: str) -> int:
    n = int(value)
    if n < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {n}")
    return n


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="newsmine", description="Entities, figures and quotes from news articles."
    )
    parser.add_argument("--version", action="version", version=f"newsmine {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("demo", help="run on a sample article that ships with newsmine")
    p.add_argument("--form", choices=["ordinary", "stripped", "both"], default="both")
    p.add_argument("--threads", type=int, default=None)
    p.set_defaults(func=cmd_demo)

    p = sub.add_parser("extract", help="extract from a JSONL, CSV or Parquet file")
    p.add_argument("file", help="input .jsonl, .csv, .tsv or .parquet")
    p.add_argument("--text-column", default="text", help="column holding the text (default: text)")
    p.add_argument("--id-column", default=None, help="column holding ids (default: row number)")
    p.add_argument("--out", default="newsmine_out", help="output folder (default: newsmine_out)")
    p.add_argument("--format", choices=["csv", "parquet"], default="csv")
    p.add_argument("--threads", type=int, default=None)
    p.add_argument(
        "--chunk-rows", type=_positive, default=2_000, help="rows per chunk (default 2000)"
    )
    again = p.add_mutually_exclusive_group()
    again.add_argument(
        "--resume", action="store_true", help="continue an interrupted run in the same --out"
    )
    again.add_argument(
        "--overwrite", action="store_true", help="replace the outputs of a run in --out"
    )
    p.add_argument("--no-progress", action="store_true", help="hide the progress bar")
    p.add_argument("--model", default=None, help="an entity model directory (default: compiled-in)")
    p.add_argument(
        "--published-column",
        default=None,
        help="a column of publication days (2020-03-12): DATE entities get their days",
    )
    p.add_argument(
        "--stages",
        default=None,
        help="stages to run, comma-separated (default: entities,figures,quotes); "
        "the tables of the others stay empty",
    )
    p.set_defaults(func=cmd_extract)

    p = sub.add_parser("evaluate", help="score newsmine on annotated data")
    what = p.add_subparsers(dest="what", required=True)
    ner = what.add_parser("ner", help="exact-span P/R/F of entities on a CoNLL (IOB) file")
    ner.add_argument("file", help="CoNLL file: token TAG per line, -DOCSTART- between articles")
    ner.add_argument("--model", default=None, help="a model directory (default: compiled-in)")
    ner.set_defaults(func=cmd_evaluate)

    p = sub.add_parser("train", help="train a model on your own annotated data")
    what = p.add_subparsers(dest="what", required=True)
    ner = what.add_parser(
        "ner",
        help="entity tagger on CoNLL (IOB) files, with the compiled-in name lists and word classes",
    )
    ner.add_argument("--train", required=True, help="training files, comma-separated")
    ner.add_argument("--dev", default="", help="files scored after each epoch, comma-separated")
    ner.add_argument("--out", required=True, help="the model directory to write")
    ner.add_argument("--epochs", type=_positive, default=10)
    ner.add_argument("--seed", type=int, default=1)
    ner.add_argument(
        "--prune", type=float, default=2.0, help="drop features whose weights stay under this"
    )
    ner.set_defaults(func=cmd_train)

    args = parser.parse_args(argv)
    try:
        return int(args.func(args))
    except (NewsmineError, OSError) as e:  # a file that cannot be read or a bad model
        print(f"error: {e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:  # before any row was done (``extract`` says how far it got)
        print("interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
