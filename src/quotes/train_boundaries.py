"""Trains the stripped-text boundary network of src/quotes/boundary.rs.

From the repository root, with the team's data in ../shared/data:

    python3 src/quotes/train_boundaries.py --out src/quotes/data/boundaries.bin

Needs numpy (2.4.6 measured) and cargo. It builds `newsmine-train-boundaries`,
which strips the training texts and labels each gap between words from the
punctuation that was there (`dump`): BBC News, PolNeAR train and the UN
General Debate speeches from 2015 on (their hard line wraps joined). It trains
the network (numpy, Adam, seeded), printing PolNeAR dev sentence-end and
clause-mark P/R/F1 per epoch at three end margins, writes the model in the
format of `boundary::Net::from_bytes`, and has the Rust side score the written
model on PolNeAR dev (compare its numbers with the last epoch's: they agree
to the third decimal).

The network: each word in a window around the gap is a learned vector (the
most frequent training words have their own; the rest share the "unknown"
one) and a learned vector of its last three characters, hashed (64-bit FNV-1a)
into buckets; one hidden ReLU layer; softmax over nothing / clause mark /
sentence end.
"""

import argparse
import json
import os
import re
import struct
import subprocess
import sys
import tempfile
import time
from collections import Counter

import numpy as np

MAGIC = b"NMBNET1\n"
BIN = "target/release/newsmine-train-boundaries"


def dump(paths):
    """[(words, labels)] of the texts in the JSONL files, via the Rust side."""
    out = subprocess.run([BIN, "dump", *paths], check=True, capture_output=True, text=True).stdout
    docs = []
    for line in out.split("\n"):
        if not line:
            continue
        pairs = [t.rsplit("/", 1) for t in line.split()]
        docs.append(([w for w, _ in pairs], np.array([int(lab) for _, lab in pairs], np.int8)))
    return docs


def un_speeches(shared, since, tmp):
    """The UN speeches from `since` on as a JSONL file, single line breaks
    (the transcripts' hard wraps) joined into spaces."""
    path = os.path.join(tmp, "un.jsonl")
    src = os.path.join(shared, "data/unlabeled/un_general_debate_2000_2024.jsonl.zst")
    raw = subprocess.run(["zstd", "-dcq", src], check=True, capture_output=True).stdout
    with open(path, "w", encoding="utf8") as f:
        for line in raw.decode("utf8").split("\n"):
            if not line.strip():
                continue
            d = json.loads(line)
            if int(d.get("year", 0)) >= since:
                text = re.sub(r"(?<!\n)\n(?!\n)", " ", d["text"])
                f.write(json.dumps({"text": text}) + "\n")
    return path


def fnv1a(b):
    h = 0xCBF29CE484222325
    for c in b:
        h = ((h ^ c) * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return h


class Windows:
    """Each gap's window of word ids and suffix buckets (0 outside the text)."""

    def __init__(self, docs, vocab, buckets, left, window):
        sfx = {}

        def bucket(w):
            if w not in sfx:
                sfx[w] = 1 + fnv1a(w[-3:].encode("utf8")) % buckets
            return sfx[w]

        ids, sub, ys, self.ends = [], [], [], []
        pad_l, pad_r = np.zeros(left, np.int32), np.zeros(window - left, np.int32)
        at = 0
        for words, labels in docs:
            n = len(words)
            a = np.concatenate([pad_l, np.array([vocab.get(w, 1) for w in words], np.int32), pad_r])
            s = np.concatenate([pad_l, np.array([bucket(w) for w in words], np.int32), pad_r])
            idx = np.arange(n)[:, None] + np.arange(window)[None, :] + 1
            ids.append(a[idx])
            sub.append(s[idx])
            ys.append(labels)
            at += n
            self.ends.append(at - 1)
        self.ids, self.sub = np.concatenate(ids), np.concatenate(sub)
        self.y = np.concatenate(ys).astype(np.int64)


class Net:
    def __init__(self, rng, vocab_size, buckets, window, emb, sfx, hidden):
        self.window, self.emb, self.sfx = window, emb, sfx
        width = window * (emb + sfx)
        self.E = (rng.standard_normal((vocab_size + 2, emb)) * 0.1).astype(np.float32)
        self.S = (rng.standard_normal((buckets + 1, sfx)) * 0.1).astype(np.float32)
        self.E[0] = 0
        self.S[0] = 0
        self.W1 = (rng.standard_normal((width, hidden)) * np.sqrt(2 / width)).astype(np.float32)
        self.b1 = np.zeros(hidden, np.float32)
        self.W2 = (rng.standard_normal((hidden, 3)) * np.sqrt(1 / hidden)).astype(np.float32)
        self.b2 = np.zeros(3, np.float32)

    def params(self):
        return [self.E, self.S, self.W1, self.b1, self.W2, self.b2]

    def forward(self, ids, sub):
        x = np.concatenate([self.E[ids], self.S[sub]], 2).reshape(len(ids), -1)
        h = np.maximum(x @ self.W1 + self.b1, 0)
        return x, h, h @ self.W2 + self.b2

    def logits(self, w):
        return np.concatenate(
            [
                self.forward(w.ids[s : s + 8192], w.sub[s : s + 8192])[2]
                for s in range(0, len(w.y), 8192)
            ]
        )

    def grads(self, ids, sub, y):
        """Mean cross-entropy of a batch and the gradients of the parameters."""
        n = len(y)
        x, h, z = self.forward(ids, sub)
        z = z - z.max(1, keepdims=True)
        p = np.exp(z)
        p /= p.sum(1, keepdims=True)
        loss = -np.log(p[np.arange(n), y] + 1e-9).sum()
        dz = p
        dz[np.arange(n), y] -= 1
        dz /= n
        dh = dz @ self.W2.T
        dh[h <= 0] = 0
        dx = (dh @ self.W1.T).reshape(n, self.window, self.emb + self.sfx)
        gE = np.zeros_like(self.E)
        np.add.at(gE, ids.reshape(-1), dx[:, :, : self.emb].reshape(-1, self.emb))
        gS = np.zeros_like(self.S)
        np.add.at(gS, sub.reshape(-1), dx[:, :, self.emb :].reshape(-1, self.sfx))
        gE[0] = 0
        gS[0] = 0
        return loss, [gE, gS, x.T @ dh, dh.sum(0), h.T @ dz, dz.sum(0)]


def scores(z, w, margin):
    """Sentence-end and clause-mark (P, R, F1) with an end margin, as the Rust
    side labels: an end where it outscores the rest by more than `margin`,
    and every text's last gap."""
    m = z[:, 2] - np.maximum(z[:, 0], z[:, 1])
    pred = np.where(m > margin, 2, np.where(z[:, 1] > z[:, 0], 1, 0))
    pred[w.ends] = 2
    out = []
    for k in (2, 1):
        tp = ((pred == k) & (w.y == k)).sum()
        p, r = tp / max((pred == k).sum(), 1), tp / max((w.y == k).sum(), 1)
        out.append((p, r, 2 * p * r / max(p + r, 1e-9)))
    return out


def write(path, net, vocab_words, left, buckets):
    with open(path, "wb") as f:
        f.write(MAGIC)
        dims = [net.window, left, len(net.b1), net.emb, net.sfx, buckets, len(vocab_words)]
        f.write(struct.pack("<7I", *dims))
        for w in vocab_words:
            b = w.encode("utf8")
            f.write(struct.pack("<B", len(b)) + b)
        for a in net.params():
            f.write(np.ascontiguousarray(a, "<f4").tobytes())


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", default="../shared")
    ap.add_argument("--out", required=True)
    ap.add_argument("--vocab", type=int, default=10000)
    ap.add_argument("--buckets", type=int, default=4096)
    ap.add_argument("--left", type=int, default=3, help="window words up to the gap")
    ap.add_argument("--right", type=int, default=4, help="window words after the gap")
    ap.add_argument("--emb", type=int, default=32)
    ap.add_argument("--suffix", type=int, default=16)
    ap.add_argument("--hidden", type=int, default=64)
    ap.add_argument("--epochs", type=int, default=3)
    ap.add_argument("--un-since", type=int, default=2015)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    subprocess.run(
        [
            "cargo",
            "build",
            "-q",
            "--release",
            "--features",
            "train",
            "--bin",
            "newsmine-train-boundaries",
        ],
        check=True,
    )
    polnear = os.path.join(a.shared, "data/quotes/polnear")
    with tempfile.TemporaryDirectory() as tmp:
        train = dump(
            [
                os.path.join(a.shared, "data/unlabeled/bbc_news.jsonl"),
                os.path.join(polnear, "polnear_train.jsonl"),
                un_speeches(a.shared, a.un_since, tmp),
            ]
        )
    dev_path = os.path.join(polnear, "polnear_dev.jsonl")
    dev = dump([dev_path])
    counts = Counter(w for words, _ in train for w in words)
    # The model file gives each word one length byte.
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    vocab_words = [w for w, _ in ranked if len(w.encode("utf8")) < 256][: a.vocab]
    vocab = {w: i + 2 for i, w in enumerate(vocab_words)}
    window = a.left + a.right
    tw = Windows(train, vocab, a.buckets, a.left, window)
    dw = Windows(dev, vocab, a.buckets, a.left, window)
    print(f"{len(train)} texts, {len(tw.y)} gaps; dev {len(dw.y)} gaps", file=sys.stderr)
    rng = np.random.default_rng(a.seed)
    net = Net(rng, len(vocab_words), a.buckets, window, a.emb, a.suffix, a.hidden)
    params = net.params()
    m1 = [np.zeros_like(p) for p in params]
    m2 = [np.zeros_like(p) for p in params]
    step, lr, batch = 0, 1e-3, 256
    for epoch in range(a.epochs):
        t0, total = time.time(), 0.0
        order = rng.permutation(len(tw.y))
        for s in range(0, len(order), batch):
            b = order[s : s + batch]
            loss, grads = net.grads(tw.ids[b], tw.sub[b], tw.y[b])
            total += loss
            step += 1
            for p, g, u, v in zip(params, grads, m1, m2, strict=True):
                u *= 0.9
                u += 0.1 * g
                v *= 0.999
                v += 0.001 * g * g
                p -= lr * (u / (1 - 0.9**step)) / (np.sqrt(v / (1 - 0.999**step)) + 1e-8)
        z = net.logits(dw)
        print(
            f"epoch {epoch + 1}: loss {total / len(tw.y):.4f} ({time.time() - t0:.0f} s)",
            file=sys.stderr,
        )
        for margin in (-1.0, -0.5, 0.0):
            (ep, er, ef), (cp, cr, cf) = scores(z, dw, margin)
            print(
                f"  dev, end margin {margin}: sentence end P {ep:.3f} R {er:.3f} F1 {ef:.3f}; "
                f"clause mark P {cp:.3f} R {cr:.3f} F1 {cf:.3f}",
                file=sys.stderr,
            )
    write(a.out, net, vocab_words, a.left, a.buckets)
    print(f"wrote {a.out} ({os.path.getsize(a.out)} bytes); the Rust side on dev:", file=sys.stderr)
    subprocess.run(
        [BIN, "evaluate", dev_path, "--model", a.out, "--margins", "-1,-0.5,0"], check=True
    )


if __name__ == "__main__":
    main()
