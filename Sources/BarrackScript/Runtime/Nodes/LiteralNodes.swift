/// A constant: literals, atoms, and folded negative numbers.
final class ConstantNode: ExprNode {
    let value: Value

    init(_ value: Value, _ source: Source, _ range: SourceRange) {
        self.value = value
        super.init(source, range)
    }

    override func eval(_ frame: Frame) throws -> Value { value }
}

/// An int constant: returns its value without the copy a general `Value` needs.
final class IntConstantNode: ExprNode {
    let value: Int

    init(_ value: Int, _ source: Source, _ range: SourceRange) {
        self.value = value
        super.init(source, range)
    }

    override func eval(_ frame: Frame) throws -> Value { .int(value) }
}

/// `"text {expr} text"`.
final class InterpolationNode: ExprNode {
    let parts: [ExprNode]

    init(_ parts: [ExprNode], _ source: Source, _ range: SourceRange) {
        self.parts = parts
        super.init(source, range)
    }

    override func eval(_ frame: Frame) throws -> Value {
        var text = ""
        for part in parts {
            switch try part.eval(frame) {
            case .string(let piece): text += piece
            case let value: text += value.description
            }
        }
        return .string(text)
    }
}

/// `[a, b]`: a new list each time.
final class ListNode: ExprNode {
    let elements: [ExprNode]

    init(_ elements: [ExprNode], _ source: Source, _ range: SourceRange) {
        self.elements = elements
        super.init(source, range)
    }

    override func eval(_ frame: Frame) throws -> Value {
        var values: [Value] = []
        values.reserveCapacity(elements.count)
        for element in elements { values.append(try element.eval(frame)) }
        return .list(ListObject(values))
    }
}

/// `{key: value}`: a new map each time.
final class MapNode: ExprNode {
    let keys: [ExprNode]
    let values: [ExprNode]

    init(keys: [ExprNode], values: [ExprNode], _ source: Source, _ range: SourceRange) {
        self.keys = keys
        self.values = values
        super.init(source, range)
    }

    override func eval(_ frame: Frame) throws -> Value {
        let map = MapObject()
        for (keyNode, valueNode) in zip(keys, values) {
            guard case .string(let key) = try keyNode.eval(frame) else {
                throw located(ErrorObject.type("map keys are strings"))
            }
            map[key] = try valueNode.eval(frame)
        }
        return .map(map)
    }
}

/// `fn(x) …` and named functions: a new closure over the current frame's captured variables.
final class ClosureNode: ExprNode {
    let prototype: FunctionPrototype

    init(_ prototype: FunctionPrototype, _ source: Source, _ range: SourceRange) {
        self.prototype = prototype
        super.init(source, range)
    }

    override func eval(_ frame: Frame) throws -> Value {
        .function(makeClosure(frame))
    }

    func makeClosure(_ frame: Frame) -> FunctionObject {
        prototype.makeClosure(frame)
    }
}

extension FunctionPrototype {
    /// A new closure of this function over `frame`'s cells and captures (both engines).
    func makeClosure(_ frame: Frame) -> FunctionObject {
        let sources = captureSources
        let captures = UnsafeMutableBufferPointer<Unmanaged<Cell>>.allocate(capacity: sources.count)
        for (index, capture) in sources.enumerated() {
            let cell: Cell
            if !capture.isLocal, let enclosing = frame.captures {
                cell = enclosing[capture.index].takeUnretainedValue()
            } else if let existing = frame.cells[capture.index] {
                cell = existing
            } else {
                cell = Cell()
                frame.cells[capture.index] = cell
            }
            captures[index] = .passRetained(cell)
        }
        return FunctionObject(prototype: self, captures: captures)
    }
}
