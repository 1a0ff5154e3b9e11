/// Maps work items in parallel and hands the results back in the order the items were taken: the engine's
/// scheduling, apart from what it schedules.
///
/// Items are pulled from `next` only when there is room: at most `width` are being transformed at once, and
/// at most `maxAhead` are taken but not yet consumed (finished ones waiting for an earlier one), so memory
/// is bounded however many items there are. `consume` runs on the calling task, one result at a time, in
/// item order. An error from `consume`, or the task's cancellation, stops the map: no further item is
/// taken, and the transforms in flight are cancelled and awaited before the error is rethrown.
enum OrderedMap {
    static func run<Item: Sendable, Output: Sendable>(
        width: Int, maxAhead: Int,
        next: () -> Item?,
        transform: @escaping @Sendable (Item) async -> Output,
        consume: (Output) throws -> Void
    ) async throws {
        precondition(width > 0 && maxAhead >= width, "OrderedMap needs width ≥ 1 and maxAhead ≥ width")
        try await withThrowingTaskGroup(of: (Int, Output).self) { group in
            var taken = 0, emitted = 0, inFlight = 0
            var pending: [Int: Output] = [:]
            func take() -> Bool {
                guard let item = next() else { return false }
                let sequence = taken
                group.addTask { (sequence, await transform(item)) }
                taken += 1
                inFlight += 1
                return true
            }
            while inFlight < width, take() {}
            while let (sequence, output) = try await group.next() {
                // Cancelled (SIGINT, SIGTERM): stop here; the caller drops every uncommitted output.
                try Task.checkCancellation()
                inFlight -= 1
                pending[sequence] = output
                while let ready = pending.removeValue(forKey: emitted) {
                    try consume(ready)
                    emitted += 1
                }
                while inFlight < width, taken - emitted < maxAhead, take() {}
            }
        }
    }
}
