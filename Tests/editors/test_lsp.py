"""`barrack lsp` end to end, driven by pytest-lsp's client (the real protocol, over pipes).

Each test starts the server, initializes a session, works on documents and shuts it down; the
client checks every answer against the protocol's types. BARRACK is the binary under test.
"""

import os
import pathlib
import tempfile

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient

BARRACK = os.environ["BARRACK"]
FOLDER = pathlib.Path(tempfile.mkdtemp(prefix="barrack-lsp-"))
URI = (FOLDER / "deploy.brk").as_uri()

SCRIPT = """\
let count = 2
fn launch(n, region = FINLAND-1) {
  let total = n * count
  return total
}
launch(count)
print(cuont)
"""


INITIALIZED = {}


@pytest_lsp.fixture(
    config=ClientServerConfig(server_command=[BARRACK, "lsp"], server_env={**os.environ, "XDG_CACHE_HOME": str(FOLDER / "cache")})
)
async def client(lsp_client: LanguageClient):
    INITIALIZED["result"] = await lsp_client.initialize_session(
        types.InitializeParams(capabilities=types.ClientCapabilities(), root_uri=FOLDER.as_uri())
    )
    yield
    await lsp_client.shutdown_session()


def open_document(client: LanguageClient, text: str, uri: str = URI):
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=uri, language_id="barrack", version=1, text=text)
        )
    )


async def diagnostics_of(client: LanguageClient, uri: str = URI, version: int | None = None):
    """The diagnostics published for `uri` (at `version`, when given), waiting for them."""
    while True:
        published = await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        if published.uri == uri and (version is None or published.version == version):
            return published.diagnostics


def at(line: int, character: int):
    return types.Position(line=line, character=character)


def document():
    return types.TextDocumentIdentifier(uri=URI)


async def test_initialize_announces_the_features(client: LanguageClient):
    capabilities = INITIALIZED["result"].capabilities
    assert capabilities.text_document_sync.change == types.TextDocumentSyncKind.Incremental
    assert capabilities.hover_provider and capabilities.definition_provider and capabilities.references_provider
    assert capabilities.document_formatting_provider and capabilities.rename_provider


async def test_open_reports_a_name_error_with_its_range_and_fix(client: LanguageClient):
    open_document(client, SCRIPT)
    diagnostics = await diagnostics_of(client)
    assert [(d.range.start.line, d.range.start.character, d.range.end.character) for d in diagnostics] == [(6, 6, 11)]
    assert diagnostics[0].code == "NAME_ERROR" and diagnostics[0].severity == types.DiagnosticSeverity.Error
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=document(), range=diagnostics[0].range, context=types.CodeActionContext(diagnostics=diagnostics)
        )
    )
    assert actions[0].edit.changes[URI][0].new_text == "count"


async def test_an_incremental_change_clears_the_error(client: LanguageClient):
    open_document(client, SCRIPT)
    await diagnostics_of(client)
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=URI, version=2),
            content_changes=[types.TextDocumentContentChangePartial(range=types.Range(start=at(6, 6), end=at(6, 11)), text="count")],
        )
    )
    assert list(await diagnostics_of(client, version=2)) == []


async def test_completion_at_positions(client: LanguageClient):
    open_document(client, SCRIPT + "dep\ninstances(region: FIN\nlaunch(1).\n")
    await diagnostics_of(client)
    words = await client.text_document_completion_async(types.CompletionParams(text_document=document(), position=at(7, 3)))
    labels = [item.label for item in words.items]
    assert "deploy" in labels
    regions = await client.text_document_completion_async(types.CompletionParams(text_document=document(), position=at(8, 21)))
    assert {"FINLAND-1", "FINLAND-2"} <= {item.label for item in regions.items}
    names = await client.text_document_completion_async(types.CompletionParams(text_document=document(), position=at(5, 9)))
    assert "count" in [item.label for item in names.items]


async def test_hover_shows_help_and_declarations(client: LanguageClient):
    open_document(client, SCRIPT + "deploy gpu: H100-SXM5-80GB x 1 in FINLAND-1\n")
    await diagnostics_of(client)
    builtin = await client.text_document_hover_async(types.HoverParams(text_document=document(), position=at(7, 2)))
    assert "operation: deploy_instance" in builtin.contents.value
    declared = await client.text_document_hover_async(types.HoverParams(text_document=document(), position=at(5, 2)))
    assert "fn launch(n, region = FINLAND-1)" in declared.contents.value


async def test_definition_and_references(client: LanguageClient):
    open_document(client, SCRIPT)
    await diagnostics_of(client)
    definition = await client.text_document_definition_async(types.DefinitionParams(text_document=document(), position=at(5, 8)))
    assert [(d.range.start.line, d.range.start.character) for d in definition] == [(0, 4)]
    references = await client.text_document_references_async(
        types.ReferenceParams(text_document=document(), position=at(0, 5), context=types.ReferenceContext(include_declaration=True))
    )
    assert sorted(r.range.start.line for r in references) == [0, 2, 5]


async def test_definition_in_the_standard_library(client: LanguageClient):
    open_document(client, 'import "fleet"\nwait_active([])\n')
    await diagnostics_of(client)
    definition = await client.text_document_definition_async(types.DefinitionParams(text_document=document(), position=at(1, 3)))
    target = pathlib.Path(definition[0].uri.removeprefix("file://"))
    assert target.name == "fleet.brk"
    assert target.read_text().splitlines()[definition[0].range.start.line].startswith("fn wait_active(")


async def test_rename_of_a_local(client: LanguageClient):
    open_document(client, SCRIPT)
    await diagnostics_of(client)
    edit = await client.text_document_rename_async(types.RenameParams(text_document=document(), position=at(2, 7), new_name="sum"))
    assert sorted((e.range.start.line, e.range.start.character) for e in edit.changes[URI]) == [(2, 6), (3, 9)]


async def test_formatting_keeps_comments(client: LanguageClient):
    open_document(client, "let   a=1   # one\n\n\n# two\nprint(a)\n")
    await diagnostics_of(client)
    edits = await client.text_document_formatting_async(
        types.DocumentFormattingParams(text_document=document(), options=types.FormattingOptions(tab_size=2, insert_spaces=True))
    )
    assert [e.new_text for e in edits] == ["let a = 1 # one\n\n# two\nprint(a)\n"]


async def test_signature_help_and_document_symbols(client: LanguageClient):
    open_document(client, SCRIPT + "launch(1, \n")
    await diagnostics_of(client)
    help = await client.text_document_signature_help_async(types.SignatureHelpParams(text_document=document(), position=at(7, 10)))
    assert help.signatures[0].label == "launch(n, region = FINLAND-1)" and help.active_parameter == 1
    symbols = await client.text_document_document_symbol_async(types.DocumentSymbolParams(text_document=document()))
    assert [s.name for s in symbols] == ["count", "launch"]


async def test_a_burst_of_edits_to_a_broken_file_keeps_every_diagnostic(client: LanguageClient):
    open_document(client, "")
    await diagnostics_of(client)
    text = "fn f(a) {\n  return a +\n}\nprint(undefined_name)\nlet = 3\n"
    line, column, version = 0, 0, 1
    for character in text:
        version += 1
        client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(uri=URI, version=version),
                content_changes=[types.TextDocumentContentChangePartial(range=types.Range(start=at(line, column), end=at(line, column)), text=character)],
            )
        )
        line, column = (line + 1, 0) if character == "\n" else (line, column + 1)
    diagnostics = await diagnostics_of(client, version=version)
    assert sorted({d.range.start.line for d in diagnostics}) == [2, 3, 4]
    # The server still answers after the burst.
    hover = await client.text_document_hover_async(types.HoverParams(text_document=document(), position=at(3, 1)))
    assert "print" in hover.contents.value
