import Foundation

/// The account holder's billing profile; a deploy needs every field filled (barrack-api.md
/// section 3).
struct Profile: Codable, Sendable, Equatable {
    var fullName: String
    var billingAddressLine1: String
    var postalCode: String
    var country: String

    /// The contract's names of the empty fields, in the order the platform asks for them.
    var missingFields: [String] {
        let fields: [(String, String)] = [
            ("full_name", fullName), ("billing_address_line1", billingAddressLine1),
            ("postal_code", postalCode), ("country", country),
        ]
        return fields.filter { $0.1.trimmingCharacters(in: .whitespaces).isEmpty }.map(\.0)
    }
}
