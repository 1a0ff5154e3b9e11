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
///
/// The finished value is published through an atomic reference (a release by the builder, an acquire by
/// every reader), not through the lock alone: a thread that waited on the lock while another built the
/// value is handed the lock by the kernel (Swift's `Mutex` on Linux is a priority-inheriting futex), and
/// ThreadSanitizer sees no order in that hand-over, so it reported the tables' first use as a race. Readers
/// after the first also skip the lock.
public final class Deferred<Value: Sendable>: Sendable {
    @usableFromInline final class Box: Sendable {
        @usableFromInline let value: Value
        init(_ value: Value) { self.value = value }
    }

    private let building = Mutex(())
    @usableFromInline let built = AtomicLazyReference<Box>()
    private let make: @Sendable () -> Value

    /// A value that `make` builds when ``value`` is first read.
    public init(_ make: @escaping @Sendable () -> Value) {
        self.make = make
    }

    /// The value, built by the first reader. Inlined, so that a stage reading it at every document reads it in
    /// code specialized for its type: the unspecialized read looked up the generic metadata of the box and
    /// the atomic reference at every call (600 instructions).
    @inlinable public var value: Value {
        if let box = built.load() { return box.value }
        return build()
    }

    /// Builds the value under the lock, unless another thread has published it meanwhile.
    @usableFromInline func build() -> Value {
        building.withLock { _ in
            // A thread that waited here while another built the value finds it published.
            if let box = built.load() { return box.value }
            return built.storeIfNil(Box(make())).value
        }
    }

    /// Whether the value has been built yet.
    public var isBuilt: Bool { built.load() != nil }
}
