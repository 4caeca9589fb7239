import ArgumentParser
import BarrackTools
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `barrack lsp`: the language server (`LanguageServer`) over standard input and output.
struct LspCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lsp",
        abstract: "Run the language server for editors (LSP over standard input and output).",
        discussion: """
            Speaks the Language Server Protocol 3.17 on standard input and output: diagnostics \
            (everything `barrack check` reports), completion, hover, signature help, definition, \
            references, document symbols, rename, formatting and quick fixes. It never runs a \
            script and never calls the platform. docs/EDITORS.md sets it up in VS Code and Neovim.
            """
    )

    func run() throws {
        // A client that goes away must end the server through a failed write, not a signal.
        signal(SIGPIPE, SIG_IGN)
        let folder = ModuleFiles.defaultStandardLibraryFolder(environment: ProcessInfo.processInfo.environment)
        let environment = LanguageServer.Environment(
            makeInterpreter: { ScriptEnvironment.detachedInterpreter(configured: true) },
            modules: ModuleFiles(standardLibraryFolder: folder)
        )
        let loop = LanguageServerLoop(server: LanguageServer(environment: environment), log: { line in
            Terminal.standardError.write(line + "\n")
        })
        let status = loop.run()
        if status != 0 { throw ExitCode(status) }
    }
}
