import BarrackAPI
import Foundation
import Testing

@testable import BarrackSandbox

/// The sandbox serves the OpenAPI document, and every route it answers is in it.
@Suite struct APIDescriptionTests {
    @Test func theDocumentIsServedWithNoKey() throws {
        let sandbox = try Sandbox(configuration: .init(speed: 0, keyPolicy: .exactly("secret")))
        let json = sandbox.handle(method: "GET", path: "/api/openapi.json")
        #expect(json.status == 200)
        #expect(json.headers["Content-Type"] == "application/json")
        let document = try JSONValue(parsing: json.body)
        #expect(document["openapi"] == "3.1.0")
        #expect(document["paths"]?["/api/instances/{id}/"]?["delete"]?["operationId"] == "delete_instance")
        let yaml = sandbox.handle(method: "GET", path: "/api/openapi.yaml/")
        #expect(yaml.status == 200)
        #expect(String(decoding: yaml.body, as: UTF8.self).hasPrefix("openapi: 3.1.0"))
        #expect(sandbox.handle(method: "GET", path: "/api/balance/").status == 401)
    }

    @Test func everyRouteTheSandboxAnswersIsInTheDocument() throws {
        let document = try JSONValue(parsing: OpenAPIDocument.json)
        let paths = document["paths"]?.objectValue ?? JSONObject()
        var documented: Set<String> = []
        for path in paths {
            for method in path.value.objectValue ?? JSONObject() where ["get", "post", "put", "delete"].contains(method.key) {
                documented.insert(method.key.uppercased() + " " + path.key)
            }
        }
        for route in document["x-sandbox-routes"]?.arrayValue ?? [] {
            documented.insert((route["method"]?.stringValue ?? "") + " " + (route["path"]?.stringValue ?? ""))
        }
        // The sandbox dispatches the endpoint table's routes, plus its own.
        var answered = Set(EndpointTable.all.map { $0.method.rawValue + " " + $0.pathTemplate })
        answered.insert("POST " + AdminRoutes.advanceClock)
        answered.insert("GET " + APIDescriptionRoute.json)
        answered.insert("GET " + APIDescriptionRoute.yaml)
        for route in answered.subtracting(documented).sorted() {
            Issue.record("expected \(route) in api/barrack.openapi.yaml, got none")
        }
        // And each documented route is answered by something other than 404.
        let sandbox = try Harness()
        for route in documented.sorted() {
            let parts = route.split(separator: " ", maxSplits: 1).map(String.init)
            let path = parts[1].replacingOccurrences(of: "{id}", with: "BRK-000000X")
                .replacingOccurrences(of: "{rule_id}", with: "BRK-000000R")
            let answer = sandbox.request(parts[0], path)
            #expect(answer.status != 405, "\(route) is not answered")
            if answer.status == 404 { #expect(answer["error"]?["details"]?["id"] != nil, "\(route): \(answer.json)") }
        }
    }
}
