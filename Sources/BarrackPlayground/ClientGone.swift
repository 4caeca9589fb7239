/// The learner's connection closed before its request was read to the end (the browser left, or
/// the read timeout closed a connection whose body stopped coming): there is nobody to answer,
/// and it is logged as what it is, not as a failure of the server.
struct ClientGone: Error, Sendable {
    /// What was missing, for the log.
    var reason: String
}
