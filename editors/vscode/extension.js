// Starts `barrack lsp` for .brk files and connects it to the editor through the Language Server
// Protocol client (vscode-languageclient). Everything the extension offers besides highlighting
// comes from the server: diagnostics, completion, hover, signature help, definition,
// references, symbols, rename, formatting and quick fixes.
const vscode = require("vscode");
const { LanguageClient, TransportKind } = require("vscode-languageclient/node");

let client;

function activate(context) {
  const command = vscode.workspace.getConfiguration("barrack").get("path") || "barrack";
  const server = { command, args: ["lsp"], transport: TransportKind.stdio };
  client = new LanguageClient(
    "barrack",
    "Barrack Script",
    { run: server, debug: server },
    {
      documentSelector: [
        { scheme: "file", language: "barrack" },
        { scheme: "untitled", language: "barrack" },
      ],
    }
  );
  context.subscriptions.push({ dispose: () => client && client.stop() });
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
