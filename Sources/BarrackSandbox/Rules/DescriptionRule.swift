/// The description of a firewall, startup script, snapshot or custom image: optional, at most
/// the catalogue's `descriptionMaxLength` characters.
extension World {
    /// The body's `description`, empty when absent; `INVALID_VALUE` when it is too long.
    func description(in body: Fields) throws(SandboxError) -> String {
        let description = try body.string("description") ?? ""
        try checkDescription(description)
        return description
    }

    func checkDescription(_ description: String) throws(SandboxError) {
        guard description.count <= catalogue.descriptionMaxLength else {
            throw .invalidValue("description", "description has \(description.count) characters; at most "
                                + "\(catalogue.descriptionMaxLength) are allowed")
        }
    }
}
