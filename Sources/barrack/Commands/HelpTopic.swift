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

extension HelpTopic {
    /// What `barrack help NAME` adds after a built-in's own help when the built-in is one part of
    /// a feature with a command-line side too.
    static let featureNotes: [String: String] = ["budget": budget, "costs": costs, "created": created]

    /// `barrack help budget`: the budget guard as a whole.
    static let budget = """

        The budget guard (docs/SPENDING.md):
          barrack --max-hourly 40 train.brk     the host's limit per hour, for run, the REPL and plan
          max_hourly = 40                       the same from a config profile ([profiles.NAME])
          budget max_hourly: 20                 a script may only lower the limit in force
        A deploy, start, restore, or volume, snapshot or image creation that would take the
        account's hourly spend over the limit fails with BUDGET_EXCEEDED before anything is sent,
        naming the cost, the spend now and the limit; inside parallel for, the check and the
        reservation of the cost are one step, so two deploys cannot both pass on the same room.
        On a terminal, a call adding more than confirm_over per hour (config, default 10) asks
        first unless --yes was given; `barrack plan FILE` shows what a script would spend.

        """

    /// `barrack help costs`: the built-in and the command.
    static let costs = """

        On the command line: barrack costs [--output json]
          the same as a table (id, name, status, kind, hourly_cost, hours, cost), then the total
          per hour, the balance and the runway; JSON with resources, hourly_total, balance,
          currency and runway_hours. Everything comes from read operations (docs/SPENDING.md).

        """

    /// `barrack help created`: the ledger behind it and its command.
    static let created = """

        Every deploy, volume or snapshot creation, clone, restore and image creation is written to
        a ledger in the state folder before it is sent (docs/RELIABILITY.md, "The ledger"), so
        created() also lists a create whose answer was lost, found by the name it was sent with.
        On the command line: barrack leftovers [--clean [--yes]] [--output json]
          what earlier runs created and did not delete, with status and $/h read now; --clean
          deletes them. A run that ends leaving resources says so on standard error:
          barrack: left running: 2 instances, 39.90 USD/h (barrack leftovers)

        """
}
