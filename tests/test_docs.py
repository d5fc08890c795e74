"""The examples in the docstrings run."""

from __future__ import annotations

import doctest

import pytest

import newsmine
import newsmine._api
import newsmine.frames
import newsmine.partition


@pytest.mark.parametrize("module", [newsmine, newsmine._api, newsmine.frames, newsmine.partition])
def test_docstring_examples(module: object) -> None:
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)  # type: ignore[arg-type]
    assert result.failed == 0
