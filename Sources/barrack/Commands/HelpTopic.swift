/// Help pages that are neither a built-in nor a command, by the name `barrack help` takes.
enum HelpTopic {
    static let pages: [String: String] = ["api": api]

    /// `barrack help api`: where the platform API's machine-readable description is.
    static let api = """
        The platform API: its OpenAPI 3.1 document

        The 67 operations the platform built-ins call (`barrack builtins` lists each with its route),
        with their parameters, request bodies, answers and error codes, are described in
        api/barrack.openapi.yaml in the source tree. `barrack sandbox serve` serves the same
        document with no key needed, as JSON and as YAML:

          barrack sandbox serve --port 8080 &
          curl http://127.0.0.1:8080/api/openapi.json
          curl http://127.0.0.1:8080/api/openapi.yaml

        Any OpenAPI tool can use it, for example the API fuzzer schemathesis:

          schemathesis run http://127.0.0.1:8080/api/openapi.json -H 'Authorization: Bearer any'

        Rules the document settles: a body member the document does not name is refused
        (INVALID_VALUE; barrack warns before sending one), a member given as null is the same as one
        left out, and a method a path does not take is answered 405 with code NOT_FOUND and an Allow
        header. docs/SANDBOX.md says more.

        """
}
