/// `a.name` and `a?.name`.
final class MemberNode: ExprNode {
    let object: ExprNode
    let name: String
    let optional: Bool

    init(_ object: ExprNode, _ name: String, optional: Bool, _ source: Source, _ range: SourceRange) {
        self.object = object
        self.name = name
        self.optional = optional
        super.init(source, range)
    }

    override func eval(_ frame: Frame) throws -> Value {
        let value = try object.eval(frame)
        if case .map(let map) = value, let found = map[name] { return found }
        do { return try Access.member(value, name, optional: optional) } catch { throw located(error) }
    }
}

/// `a[i]`.
final class IndexNode: ExprNode {
    let object: ExprNode
    let index: ExprNode

    init(_ object: ExprNode, _ index: ExprNode, _ source: Source, _ range: SourceRange) {
        self.object = object
        self.index = index
        super.init(source, range)
    }

    override func eval(_ frame: Frame) throws -> Value {
        let value = try object.eval(frame)
        let key = try index.eval(frame)
        if case .list(let list) = value, case .int(let position) = key, position >= 0, position < list.elements.count {
            return list.elements[position]
        }
        do { return try Access.index(value, key) } catch { throw located(error) }
    }
}
