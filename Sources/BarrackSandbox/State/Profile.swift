import Foundation

/// The account holder's billing profile; a deploy needs every field filled (barrack-api.md
/// section 3).
struct Profile: Codable, Sendable, Equatable {
    var fullName: String
    var billingAddressLine1: String
    var postalCode: String
    var country: String

    /// The contract's names of the fields, in the order the platform asks for them.
    static let fieldNames = ["full_name", "billing_address_line1", "postal_code", "country"]

    private static var keyPaths: [WritableKeyPath<Profile, String>] { [\.fullName, \.billingAddressLine1, \.postalCode, \.country] }

    /// The contract's names of the empty fields, in the order the platform asks for them.
    var missingFields: [String] {
        zip(Profile.fieldNames, Profile.keyPaths)
            .filter { self[keyPath: $0.1].trimmingCharacters(in: .whitespaces).isEmpty }.map(\.0)
    }

    /// Sets the field the contract calls `field` (`country`); false when there is no such field.
    mutating func set(_ field: String, to value: String) -> Bool {
        guard let index = Profile.fieldNames.firstIndex(of: field) else { return false }
        self[keyPath: Profile.keyPaths[index]] = value
        return true
    }
}
