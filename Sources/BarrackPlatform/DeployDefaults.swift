import BarrackAPI
import BarrackScript

/// What `deploy` fills in when a script leaves it out, so that the first statement a newcomer
/// types works: the region's newest OS image, and every SSH key of the account.
enum DeployDefaults {
    static func prepare(_ connection: any PlatformConnection) -> @Sendable (inout JSONObject, BuiltinCall) throws -> Void {
        { body, call in
            if body["boot_source"] == nil, let region = body["region"]?.stringValue {
                let images = try list(.listOSImages, query: [QueryItem(name: "region", value: region)], connection, call)
                guard let image = newest(images) else {
                    throw ErrorObject(code: "ARGUMENT_ERROR",
                                      message: "deploy: \(region) offers no OS image; give boot_source: {type: \"volume\", volume_id: …}")
                }
                body["boot_source"] = .object(JSONObject([.init(key: "type", value: .string("os_image")),
                                                          .init(key: "os_image_id", value: image)]))
            }
            let bootType = body["boot_source"]?["type"]?.stringValue
            if body["ssh_key_ids"] == nil, bootType != "volume" {
                let keys = try list(.listSSHKeys, query: [], connection, call).compactMap { $0["id"] }
                guard !keys.isEmpty else {
                    throw ErrorObject(code: "ARGUMENT_ERROR", message: """
                        deploy: the account has no SSH key, and an instance needs one to be reached. Add one first:
                          create_ssh_key name: "laptop" public_key: "ssh-ed25519 AAAA… you@laptop"
                        or let the platform make a pair (its private_key is shown once):
                          let key = create_ssh_key name: "generated"
                        """)
                }
                body["ssh_key_ids"] = .array(keys)
            }
        }
    }

    /// The items of a list operation.
    static func list(_ operation: OperationID, query: [QueryItem], _ connection: any PlatformConnection,
                     _ call: BuiltinCall) throws -> [JSONValue] {
        let answer: JSONValue
        do {
            answer = try BlockingBridge.run(call) {
                try await connection.call(operation, pathParameters: [:], query: query, body: nil)
            }
        } catch let error as BarrackAPIError {
            throw PlatformCall.scriptError(error)
        }
        if case .array(let items) = PlatformCall.payload(answer, endpoint: operation.endpoint) { return items }
        return []
    }

    /// The id of the newest plain image: the highest version among those without Docker.
    static func newest(_ images: [JSONValue]) -> JSONValue? {
        let plain = images.filter { $0["docker"]?.boolValue != true && !($0["name"]?.stringValue ?? "").contains("Docker") }
        let candidates = plain.isEmpty ? images : plain
        return candidates.max { ($0["name"]?.stringValue ?? "") < ($1["name"]?.stringValue ?? "") }?["id"]
    }
}
