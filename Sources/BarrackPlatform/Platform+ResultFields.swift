import BarrackAPI

extension Platform {
    /// The fields of the record platform built-in `name` returns (`instance` gives an instance's
    /// `id`, `name`, `status`, …), read from the API document's answer the way `PlatformCall`
    /// picks the part a script gets; nil when it returns a list, or is not a platform built-in.
    /// For completion (`instance(vm).⇥`), which must not call anything.
    public static func resultFields(of name: String) -> [String]? {
        guard let spec = BuiltinTable.all.first(where: { $0.name == name }) else { return nil }
        let members = ResponseSchema.members(of: spec.operation)
            .filter { !PlatformCall.envelopeKeys.contains($0.name) }
        guard !members.isEmpty else { return nil }
        if spec.returnsWholeAnswer { return members.map(\.name) }
        let structured = members.filter { member in
            (ResponseSchema.isObject(member.schema) || ResponseSchema.isArray(member.schema))
                && !PlatformCall.incidentalKeys.contains(member.name)
        }
        if let key = spec.operation.endpoint.itemsKey, structured.count == 1, structured[0].name == key { return nil }
        if structured.count == 1, ResponseSchema.isObject(structured[0].schema) {
            return ResponseSchema.fields(of: structured[0].schema).map(\.name)
        }
        return members.map(\.name)
    }
}
