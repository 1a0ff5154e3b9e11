import Synchronization

/// A value built on first use, once, however many threads ask for it at the same time.
///
/// A stage's `init` runs for `lede validate` as well as for a run, so it should check its options and
/// files there and leave large tables it cannot get wrong (a bundled word list, compiled built-in
/// patterns) to the first document:
///
/// ```swift
/// let tables: Deferred<Tables>
/// init(options: Options, context: StageContext) throws {
///     let extra = try parse(context.read(options.file))   // errors still surface at validation
///     tables = Deferred { Tables(builtin: .bundled, extra: extra) }
/// }
/// func process(_ document: inout Document) throws {
///     let tables = tables.value
///     ...
/// }
/// ```
///
/// The first caller builds the value while holding a lock; callers after it take a copy of the finished
/// value, so a large value is best a class, or a struct of a few arrays.
public final class Deferred<Value: Sendable>: Sendable {
    private let state: Mutex<Value?>
    private let make: @Sendable () -> Value

    /// A value that `make` builds when ``value`` is first read.
    public init(_ make: @escaping @Sendable () -> Value) {
        state = Mutex(nil)
        self.make = make
    }

    /// The value, built by the first reader.
    public var value: Value {
        state.withLock { stored in
            if let stored { return stored }
            let built = make()
            stored = built
            return built
        }
    }

    /// Whether the value has been built yet.
    public var isBuilt: Bool { state.withLock { $0 != nil } }
}
