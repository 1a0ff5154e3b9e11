/// The stages a run can use, by name. A value, so tests and embedders add or remove stages freely.
public struct StageRegistry: Sendable {
    /// Registered stages by name.
    public private(set) var types: [String: StageType] = [:]

    /// Creates a registry. A later stage with the same name replaces an earlier one.
    public init(_ types: [StageType] = []) {
        for type in types { self.types[type.descriptor.name] = type }
    }

    /// Adds (or replaces) a stage.
    public mutating func register(_ type: StageType) {
        types[type.descriptor.name] = type
    }

    /// The stage with this name.
    public subscript(name: String) -> StageType? { types[name] }

    /// All names, sorted.
    public var names: [String] { types.keys.sorted() }

    /// Stages that write a layer, sorted by name.
    public func producers(of layer: String) -> [String] {
        types.values.filter { $0.descriptor.produces.contains(layer) }.map(\.descriptor.name).sorted()
    }
}
