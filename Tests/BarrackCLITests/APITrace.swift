import Foundation

/// Where the platform golden scripts record their requests and answers for the conformance check.
///
/// With `BARRACK_API_TRACE_DIR` set (as `api/check-conformance` and CI set it), every sandbox a
/// golden script talks to writes one JSON line per request to a file of its own in that folder,
/// and `api/check-conformance` validates each against the OpenAPI document.
enum APITrace {
    static var folder: String? {
        ProcessInfo.processInfo.environment["BARRACK_API_TRACE_DIR"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// `BARRACK_SANDBOX_TRACE` for one run of `script` (`way` is "in-process" or "http"); empty
    /// when no trace folder is set.
    static func variables(for script: GoldenScript, _ way: String) -> [String: String] {
        guard let folder else { return [:] }
        let name = script.name.replacingOccurrences(of: "/", with: "_")
        return ["BARRACK_SANDBOX_TRACE": folder + "/" + way + "-" + name + ".jsonl"]
    }
}
