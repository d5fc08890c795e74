"""Shared fixtures: small news texts written for these tests, in both forms."""

from __future__ import annotations

import re

import pytest

from newsmine.cli import demo_text

ORDINARY = [
    "The U.S. launched strikes on Thursday, a day after two service members were killed.",
    'Mayor Elena Vasquez said the plan would cost $2.5 billion. "We cannot wait," she said.',
    "Shares of Acme Corp. fell 3.5 percent on Monday, their worst day in a decade.",
    "",
    "   \n\t ",
    "Zürich's council met in the Rathaus; Ана Петрова and 李华 attended. 🙂",
    "مرحبا بالعالم — the conference opened in Dubai with about 3,000 delegates.",
]


def strip(text: str) -> str:
    return re.sub(r"[^0-9a-z]+", " ", text.lower()).strip()


STRIPPED = [strip(t) for t in ORDINARY]


@pytest.fixture(scope="session")
def texts() -> list[str]:
    return [*ORDINARY, *STRIPPED, demo_text("ordinary"), demo_text("stripped")]
