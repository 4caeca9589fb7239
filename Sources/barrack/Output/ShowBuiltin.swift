import BarrackAPI
import BarrackScript

/// `show(value, columns: [...])`: prints a value as the command-line verbs do — a list of
/// records as a table with the most important columns first, a record as a block — in the output
/// format chosen (`--output json` prints JSON), with only the columns named, in that order.
///
///     show(instances(), columns: ["id", "status", "hourly_cost"])
enum ShowBuiltin {
    static func function(format: OutputFormat) -> BuiltinFunction {
        let parameters = [
            BuiltinParameter.required("value", "any", "What to show: a list of maps is a table, a map a block."),
            BuiltinParameter(name: "columns", isRequired: false, type: "list of strings",
                             defaultDescription: "the most important first, as many as fit",
                             summary: "The keys to show, in this order."),
        ]
        let help = BuiltinHelp(summary: "Prints a value as a table (a list of maps) or a block (a map), as the REPL does.",
                               returns: "nil",
                               example: "show(instances(), columns: [\"id\", \"status\", \"hourly_cost\"])", group: "output")
        return BuiltinFunction(name: "show", parameters: parameters, help: help) { call in
            var options = OutputOptions(format: format)
            if let given = call.argument(1) {
                guard case .list(let list) = given else { throw call.typeError(1, "a list of strings") }
                options.columns = try list.elements.map { element in
                    guard case .string(let key) = element else { throw call.typeError(1, "a list of strings") }
                    return key
                }
            }
            let value = try call.value(0)
            call.interpreter.output(options.render(value))
            return .null
        }
    }
}
