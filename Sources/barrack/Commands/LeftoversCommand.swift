import ArgumentParser
import BarrackAPI
import BarrackBackends
import BarrackPlatform
import BarrackScript
import Foundation

/// `barrack leftovers [--clean [--yes]]`: what earlier runs created and did not delete, read live.
struct LeftoversCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "leftovers",
        abstract: "List what earlier runs created and did not delete (from the ledger), with status and $/h read now.",
        discussion: """
            Every deploy, volume or snapshot creation, clone, restore and image creation a script \
            sends is written to a ledger in the state folder ($XDG_STATE_HOME/barrack, else \
            ~/.local/state/barrack) before it is sent, for this API URL and profile. This lists \
            those whose resource still exists, each read from the platform now; a create whose \
            answer was lost is looked for by the name it was sent with. A resource made from the \
            dashboard or another tool is not in the ledger.

            --clean deletes them after asking (on a terminal), or without asking with --yes; \
            with --dry-run it only says what it would delete. \
            --output json gives a document with leftovers, hourly_total and currency (and deleted \
            and failed after --clean).

            Exit status: 0 ok, 1 a deletion failed or the answer was no, 2 usage error (--clean \
            without a terminal and without --yes).
            """
    )

    @OptionGroup var global: GlobalOptions

    @Flag(help: "Delete what is listed: asks first on a terminal; --yes does not ask.")
    var clean = false

    /// What it is, which one, how it stands now, what it costs, where, and when a run made it.
    static let columns = ["kind", "id", "name", "status", "hourly_cost", "region", "recorded"]

    func run() throws {
        let backend: PlatformBackend
        do {
            backend = try PlatformBackend.open(global.backendOptions)
        } catch {
            StandardStreams.writeError("barrack: \(error)\n")
            throw ExitCode(1)
        }
        defer { try? backend.close() }
        let connection = ClientConnection(client: backend.client)
        let ledger = backend.ledger
        final class Box: @unchecked Sendable { var found: [Leftover] = [] }
        let box = Box()
        do {
            let entries = try ledger.outstanding()
            try blocking { box.found = await Leftover.read(entries, through: connection, ledger: ledger) }
        } catch {
            StandardStreams.writeError("barrack: cannot read the ledger: \(error)\n")
            throw ExitCode(1)
        }
        let found = box.found
        guard clean, !found.isEmpty else {
            write(found, deleted: nil)
            return
        }
        // --dry-run sends no change: it says what --clean would delete.
        if global.dryRun {
            let lines = found.map { "dry run: would delete \($0.entry.kind.rawValue) \($0.entry.resourceID ?? "?") \($0.entry.name ?? "")\n" }
            StandardStreams.write(lines.joined())
            StandardStreams.flush()
            return
        }
        if !global.yes {
            guard Terminal(descriptor: 0).isTerminal else {
                StandardStreams.writeError("barrack leftovers: standard input is not a terminal to confirm on; add --yes to delete without asking\n")
                throw ExitCode(2)
            }
            if global.output != .json { write(found, deleted: nil) }
            let what = LedgerKind.tally(found.map(\.entry.kind))
            guard TerminalQuestion.ask("Delete \(what)? [y/N] ") == true else {
                StandardStreams.writeError("barrack leftovers: nothing deleted\n")
                throw ExitCode(1)
            }
        }
        final class Results: @unchecked Sendable { var deleted: [Leftover] = []; var failed: [(Leftover, String)] = [] }
        let results = Results()
        try blocking {
            for leftover in found {
                do {
                    try await leftover.delete(through: connection, ledger: ledger)
                    results.deleted.append(leftover)
                } catch {
                    results.failed.append((leftover, "\(error)"))
                }
            }
        }
        write(found, deleted: (results.deleted, results.failed))
        if !results.failed.isEmpty { throw ExitCode(1) }
    }

    private func write(_ found: [Leftover], deleted: ([Leftover], [(Leftover, String)])?) {
        let entries = found.map(\.entry)
        let (hourly, currency) = entries.hourlyCost
        if global.output == .json {
            let document = MapObject()
            document["leftovers"] = .list(ListObject(found.map(\.value)))
            document["hourly_total"] = .float(PlanReport.rounded(hourly, places: 6))
            document["currency"] = .string(currency)
            if let deleted {
                let (done, failed) = deleted
                document["deleted"] = .list(ListObject(done.map(\.value)))
                document["failed"] = .list(ListObject(failed.map { leftover, error in
                    guard case .map(let row) = leftover.value else { return leftover.value }
                    row["error"] = .string(error)
                    return .map(row)
                }))
            }
            let text = (try? ValueConversion.json(.map(document)))
                .map { String(decoding: $0.jsonData(pretty: true), as: UTF8.self) } ?? "{}"
            StandardStreams.write(text + "\n")
            StandardStreams.flush()
            return
        }
        if let deleted {
            let (done, failed) = deleted
            var text = ""
            for leftover in done {
                text += "deleted \(leftover.entry.kind.rawValue) \(leftover.entry.resourceID ?? "?") \(leftover.entry.name ?? "")\n"
            }
            StandardStreams.write(text)
            for (leftover, error) in failed {
                StandardStreams.writeError("barrack leftovers: could not delete \(leftover.entry.kind.rawValue) '\(leftover.entry.name ?? "?")': \(error)\n")
            }
            StandardStreams.flush()
            return
        }
        guard !found.isEmpty else {
            StandardStreams.write("Nothing left: every resource the ledger recorded has been deleted or was never made.\n")
            StandardStreams.flush()
            return
        }
        let terminal = Terminal.standardOutput.isTerminal
        let colors = terminal && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
        let formatter = ResultFormatter(width: terminal ? REPL.terminalWidth() : 200, colors: colors,
                                        columns: LeftoversCommand.columns)
        let rows = Value.list(ListObject(found.map(\.value)))
        StandardStreams.write(formatter.format(rows) + "\n"
                              + "left: \(entries.summary); `barrack leftovers --clean` deletes them\n")
        StandardStreams.flush()
    }
}
