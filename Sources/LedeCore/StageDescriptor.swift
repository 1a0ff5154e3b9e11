import Foundation

/// What every stage says about itself. `requires` and `produces` let `lede validate` check stage order.
public struct StageDescriptor: Sendable {
    /// The name used in pipeline files (`quote-extract`).
    public var name: String
    /// One line, shown by `lede stages`.
    public var summary: String
    /// The stage's own version, recorded in the run manifest. Bump it when output changes.
    public var version: String
    /// Layers that must exist before this stage runs.
    public var requires: [String]
    /// Layers this stage writes.
    public var produces: [String]
    /// One line of help for each option key, in the order to show them: `Options.help` for options declared
    /// with `@StageOption` (``DeclaredOptions/help``).
    public var options: [OptionHelp]

    /// Creates a descriptor.
    public init(name: String, summary: String, version: String = "1", requires: [String] = [],
                produces: [String] = [], options: [OptionHelp] = []) {
        self.name = name
        self.summary = summary
        self.version = version
        self.requires = requires
        self.produces = produces
        self.options = options
    }
}

/// Help for one option key.
public struct OptionHelp: Sendable {
    /// The key as written in YAML.
    public var key: String
    /// What it does.
    public var help: String

    /// Creates option help.
    public init(_ key: String, _ help: String) {
        self.key = key
        self.help = help
    }
}
