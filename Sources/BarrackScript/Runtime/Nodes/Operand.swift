/// How an operator reads an operand: the commonest shapes directly, the rest by visiting the node.
enum Operand {
    case node
    case int(Int)
    case local(Int)

    init(_ node: ExprNode) {
        if let constant = node as? IntConstantNode {
            self = .int(constant.value)
        } else if let local = node as? LocalNode {
            self = .local(local.slot)
        } else {
            self = .node
        }
    }

    /// The operand's value; `node` is the operand itself.
    @inline(__always)
    func value(_ node: ExprNode, _ frame: Frame) throws -> Value {
        switch self {
        case .int(let value): return .int(value)
        case .local(let slot): return frame.slots[slot]
        case .node: return try node.eval(frame)
        }
    }
}
