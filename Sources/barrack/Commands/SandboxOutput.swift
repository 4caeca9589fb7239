import ArgumentParser
import BarrackAPI
import BarrackSandbox
import BarrackScript

/// `--output json` (or `--json`) for every `barrack sandbox` subcommand: the answer as one JSON
/// object on standard output, and a failure as an error object on standard error.
struct SandboxOutput: ParsableArguments {
    @Option(name: [.customShort("o"), .long], help: ArgumentHelp("text (default) or json.", valueName: "format"))
    var output: String?

    @Flag(help: "The same as --output json.")
    var json = false

    func validate() throws {
        guard let output, output != "text", output != "table", output != "json" else { return }
        throw ValidationError("--output must be text or json, not '\(output)'")
    }

    var isJSON: Bool { json || output == "json" }

    /// Prints `text`, or the JSON object of `json`'s members.
    func print(text: String, json members: [(String, JSONValue)]) {
        if isJSON {
            let object = JSONValue.object(JSONObject(members.map { JSONObject.Member(key: $0.0, value: $0.1) }))
            StandardStreams.write(object.serialized(pretty: true) + "\n")
        } else {
            StandardStreams.write(text + "\n")
        }
        StandardStreams.flush()
    }

    /// Opens the sandbox with its clock frozen, runs `change` on it, saves it, and prints what
    /// `change` answers: a line of text and the members of the JSON object.
    func withSandbox(_ change: (Sandbox) throws -> (text: String, json: [(String, JSONValue)])) throws {
        try reportingErrors {
            let sandbox = try Sandbox.openDefault(speed: 0)
            let answer = try change(sandbox)
            try sandbox.close()
            print(text: answer.text, json: answer.json)
        }
    }

    /// Runs `work`; a failure is reported (as JSON with `--output json`) and ends with status 1.
    func reportingErrors(_ work: () throws -> Void) throws {
        do {
            try work()
        } catch {
            ErrorReport(format: isJSON ? .json : .table).write(error)
            throw ExitCode(1)
        }
    }
}

/// `barrack sandbox status --json`.
enum SandboxStatusJSON {
    static func members(_ status: SandboxStatus, profile: [(field: String, value: String)]) -> [(String, JSONValue)] {
        var members: [(String, JSONValue)] = [
            ("balance", .double(status.balance)),
            ("currency", .string(status.currency)),
            ("instances", .object(JSONObject(status.instancesByStatus.keys.sorted().map {
                JSONObject.Member(key: $0, value: .int(status.instancesByStatus[$0] ?? 0))
            }))),
            ("volumes", .int(status.volumes)),
            ("ssh_keys", .int(status.sshKeys)),
            ("firewalls", .int(status.firewalls)),
            ("scripts", .int(status.scripts)),
            ("snapshots", .int(status.snapshots)),
            ("images", .int(status.images)),
            ("profile", .object(JSONObject(profile.map { JSONObject.Member(key: $0.field, value: .string($0.value)) }))),
            ("clock", .string(status.simulatedTime.formatted(.iso8601))),
            ("speed", .double(status.speed)),
        ]
        if let file = status.file { members.append(("state_file", .string(file.path))) }
        return members
    }
}
