"""The TextMate grammar of editors/vscode, run by textmate-grammar-python (VS Code's way of
tokenising: Oniguruma regular expressions, begin/end rules).

Every script of the project that parses is tokenised with a sentinel line after it: the sentinel
must be a plain name at the top level, so no string, interpolation or bracket of the script was
left open. PARSED_SCRIPTS names the files (one path a line), chosen by `barrack parse`.
"""

import json
import logging
import os
import pathlib

import pytest
from textmate_grammar.parsers.base import LanguageParser

ROOT = pathlib.Path(__file__).resolve().parents[2]
GRAMMAR = json.loads((ROOT / "editors/vscode/syntaxes/barrack.tmLanguage.json").read_text())
SENTINEL = "zz_sentinel_after_the_script"
logging.getLogger("textmate_grammar").setLevel(logging.ERROR)
PARSER = LanguageParser(GRAMMAR)
SCRIPTS = [line for line in pathlib.Path(os.environ["PARSED_SCRIPTS"]).read_text().splitlines() if line]


def tokens(text: str):
    element = PARSER.parse_string(text)
    return element.flatten() if element else []


def scopes_of(text: str, word: str):
    return next(scopes for _, token, scopes in tokens(text) if token == word)


def test_there_are_scripts_to_tokenise():
    assert len(SCRIPTS) > 350


@pytest.mark.parametrize("path", SCRIPTS)
def test_the_script_closes_every_scope(path: str):
    text = (ROOT / path).read_text()
    assert scopes_of(text + "\n" + SENTINEL + "\n", SENTINEL) == ["source.barrack", "variable.other.barrack"]


def test_the_grammar_names_each_kind_of_token():
    text = 'fn launch(n) { return deploy(gpu: H100-SXM5-80GB x n, region: FINLAND-1) }  # why\nwait until ok timeout 10m\nlet s = "a {n + 1} b"\nlet size = 500GB\n'
    assert scopes_of(text, "launch")[-1] == "entity.name.function.barrack"
    assert scopes_of(text, "H100-SXM5-80GB")[-1] == "constant.other.atom.barrack"
    assert scopes_of(text, "# why")[-1] == "comment.line.number-sign.barrack"
    assert scopes_of(text, "10m")[-1] == "constant.numeric.duration.barrack"
    assert scopes_of(text, "500GB")[-1] == "constant.numeric.size.barrack"
    assert scopes_of(text, "until")[-1] == "keyword.control.barrack"
    assert scopes_of(text, "gpu")[-1] == "variable.parameter.label.barrack"
    assert "meta.embedded.interpolation.barrack" in scopes_of(text, "+")


def test_a_long_string_holds_its_lines_and_interpolations():
    text = 'let s = """\n  #!/bin/sh\n  echo {name}\n  """\nprint s\n'
    assert scopes_of(text, "  #!/bin/sh")[1] == "string.quoted.triple.barrack"
    assert "meta.embedded.interpolation.barrack" in scopes_of(text, "name")
    assert scopes_of(text, "print") == ["source.barrack", "variable.other.barrack"]


def test_nested_brackets_close():
    for text in ["[[1]]", "f(g(h()))", "{a: {b: [1]}}", "x[y[0]]"]:
        assert scopes_of(text + "\n" + SENTINEL + "\n", SENTINEL) == ["source.barrack", "variable.other.barrack"], text


def test_an_unclosed_string_is_seen():
    assert scopes_of('let s = "open {x\n' + SENTINEL + "\n", SENTINEL) != ["source.barrack", "variable.other.barrack"]
