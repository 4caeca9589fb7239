/// `keys values get has remove len update`.
enum MapMethods {
    static let all: [BuiltinFunction] = [
        Methods.method("map", "keys", returns: "list", summary: "The keys, in insertion order.") { call in
            .list(receiver(call).keys.map { .string($0) })
        },
        Methods.method("map", "values", returns: "list", summary: "The values, in insertion order.") { call in
            .list(receiver(call).values)
        },
        Methods.method("map", "get", [.required("key", "string"), .optional("default", default: "nil")],
                       summary: "The value of key, or default when the key is absent.") { call in
            receiver(call)[try call.string(1)] ?? (call.argument(2) ?? .null)
        },
        Methods.method("map", "has", [.required("key", "string")], returns: "bool", summary: "Whether the map has key.") { call in
            .bool(receiver(call)[try call.string(1)] != nil)
        },
        Methods.method("map", "remove", [.required("key", "string")],
                       summary: "Removes key; returns its value, or nil when it was absent.") { call in
            receiver(call).removeValue(forKey: try call.string(1)) ?? .null
        },
        Methods.method("map", "len", returns: "int", summary: "The number of entries.") { call in
            .int(receiver(call).count)
        },
        Methods.method("map", "update", [.required("key", "string"), .required("function", "function"),
                                         .optional("default", default: "nil")],
                       summary: "Atomically sets key to function(its value, or default when absent); returns the new value.") { call in
            // Read, call and write are one step: inside `parallel for` no other iteration runs
            // in between, even when the function sleeps or calls the platform.
            let map = receiver(call)
            let key = try call.string(1)
            let function = try Methods.function(call, 2)
            let updated = try call.callAtomically(function, [map[key] ?? (call.argument(3) ?? .null)])
            map[key] = updated
            return updated
        },
    ]

    static func receiver(_ call: BuiltinCall) -> MapObject {
        if case .map(let map)? = call.arguments[0] { return map }
        return MapObject()
    }
}
