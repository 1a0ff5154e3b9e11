#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Synchronization

/// Whether writes may stop when their task is cancelled: on while outputs are being written to temporary
/// names (a merge), off while they are committed.
package final class InterruptionSwitch: Sendable {
    private let on = Mutex(false)
    /// Off at first.
    package init() {}
    /// Whether cancellation stops writes now.
    package var isOn: Bool {
        get { on.withLock { $0 } }
        set { on.withLock { $0 = newValue } }
    }
}
