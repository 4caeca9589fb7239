/// The executable tree: the resolver compiles the syntax tree into these nodes, with every
/// variable already bound to a slot. Evaluation is one virtual call per node and never looks a
/// name up by string.
class ExprNode {
    let source: Source
    let range: SourceRange

    init(_ source: Source, _ range: SourceRange) {
        self.source = source
        self.range = range
    }

    func eval(_ frame: Frame) throws -> Value {
        .null
    }

    /// The value's truth, for conditions. Comparisons override it to answer without making a
    /// `Value`.
    func test(_ frame: Frame) throws -> Bool {
        try eval(frame).isTruthy
    }

    /// Gives an error from an operation this node performed this node's location.
    @inline(never)
    final func located(_ error: Error) -> Error {
        if let error = error as? ErrorObject { error.locate(source, range) }
        return error
    }

    /// Gives an error from a call this node made the location of the argument at fault, when it
    /// names one (`deploy … in FINLAND-9` points at `FINLAND-9`), else this node's.
    @inline(never)
    final func located(_ error: Error, arguments: [ExprNode], keywords: [SourceRange?] = []) -> Error {
        if let error = error as? ErrorObject, let offset = error.argumentOffset, arguments.indices.contains(offset) {
            let keyword = error.blamesKeyword && keywords.indices.contains(offset) ? keywords[offset] : nil
            error.locate(source, keyword ?? arguments[offset].range)
        }
        return located(error)
    }
}

/// A statement of the executable tree.
class StmtNode {
    func exec(_ frame: Frame) throws -> Flow {
        .normal
    }
}

/// A statement that does nothing (a hoisted `fn` whose closure the block made on entry).
final class EmptyNode: StmtNode {}
