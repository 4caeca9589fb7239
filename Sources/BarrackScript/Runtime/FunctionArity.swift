extension FunctionObject {
    /// How many arguments the function needs (`required`) and takes at most (`maximum`, nil for
    /// a variadic built-in): `fn(a, b = 1)` needs 1 and takes 2. `sort` reads it to tell a key
    /// function (one argument) from a comparator (two).
    var arity: (required: Int, maximum: Int?) {
        if let builtin {
            let required = builtin.parameters.filter(\.isRequired).count
            return (required, builtin.isVariadic ? nil : builtin.parameters.count)
        }
        guard let prototype else { return (0, 0) }
        return (prototype.defaults.filter { $0 == nil }.count, prototype.parameterCount)
    }
}
