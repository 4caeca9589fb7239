import Foundation
import XCTest

/// The generated built-in reference: docs/BUILTINS.md is what the binary generates, and the JSON
/// listing names every platform operation once.
final class BuiltinReferenceTests: XCTestCase {
    func testMarkdownReferenceMatchesDocs() throws {
        guard let binary = TestPaths.binary() else { return }
        let run = ScriptRun.execute(binary: binary, arguments: ["builtins", "--markdown"], in: TestPaths.root, timeout: 20)
        XCTAssertEqual(run.status, 0, run.standardError)
        let docs = try String(contentsOf: TestPaths.root.appendingPathComponent("docs/BUILTINS.md"), encoding: .utf8)
        if run.standardOutput != docs {
            let generated = run.standardOutput.split(separator: "\n", omittingEmptySubsequences: false)
            let written = docs.split(separator: "\n", omittingEmptySubsequences: false)
            let first = zip(generated, written).enumerated().first { $0.element.0 != $0.element.1 }?.offset
                ?? min(generated.count, written.count)
            let got = first < written.count ? String(written[first]) : "end of file"
            let expected = first < generated.count ? String(generated[first]) : "end of output"
            XCTFail("""
                docs/BUILTINS.md is out of date: at line \(first + 1) expected "\(expected)", got "\(got)". \
                Regenerate it with `.build/debug/barrack builtins --markdown > docs/BUILTINS.md`
                """)
        }
    }

    func testJSONListsEveryOperationOnce() throws {
        guard let binary = TestPaths.binary() else { return }
        let operations = try BuiltinList.all(binary: binary).compactMap(\.operation)
        XCTAssertEqual(operations.count, 67, "expected 67 platform built-ins, got \(operations.count)")
        let counts = Dictionary(operations.map { ($0, 1) }, uniquingKeysWith: +)
        XCTAssertEqual(counts.filter { $0.value > 1 }.keys.sorted(), [], "operations listed more than once")
        XCTAssertEqual(Set(operations), Set(Self.contractOperations),
                       "expected the 67 operation ids of barrack-api.md section 7")
    }

    /// The operation ids of barrack-api.md section 7, in its order.
    static let contractOperations = [
        "get_balance", "get_gpu_stock", "get_gpu_specs", "list_regions", "get_pricing", "quote_pricing",
        "deploy_instance", "list_instances", "get_instance", "get_instance_billing", "start_instance",
        "stop_instance", "reboot_instance", "hibernate_instance", "restore_instance", "toggle_public_ip",
        "add_security_rule", "remove_security_rule", "delete_instance", "list_os_images", "list_ssh_keys",
        "get_ssh_key", "create_ssh_key", "delete_ssh_key", "list_volumes", "create_volume", "get_volume",
        "delete_volume", "resize_volume", "clone_volume", "attach_volumes", "detach_volumes", "list_volume_types",
        "get_volume_billing", "list_firewalls", "get_firewall", "list_firewall_protocols", "list_instance_firewalls",
        "list_firewall_attachable_instances", "create_firewall", "delete_firewall", "add_firewall_rule",
        "remove_firewall_rule", "attach_firewall", "list_scripts", "get_script", "create_script", "update_script",
        "delete_script", "delete_scripts", "list_snapshots", "get_snapshot", "list_snapshot_eligible_instances",
        "get_snapshot_billing", "create_snapshot", "delete_snapshot", "restore_snapshot", "list_images",
        "get_image", "create_image", "delete_image", "get_snapshot_image", "get_snapshot_images", "list_ai_models",
        "chat", "get_ai_usage_summary", "get_ai_usage_history",
    ]
}
