import Foundation
import Testing
@testable import ExecStage

/// PR_SET_PDEATHSIG fires when the thread that started a worker ends, not the process: workers are started
/// from one thread that lives as long as the process (`lede_spawn`'s spawner thread in CSystem), so the thread
/// that asked for one may end.
struct SpawnerTests {
    @Test("A worker started from a thread that then ends is still alive")
    func outlivesTheThreadThatAskedForIt() throws {
        let started = DispatchSemaphore(value: 0)
        final class Result: @unchecked Sendable { var child: ChildProcess?; var error: (any Error)? }
        let result = Result()
        let thread = Thread {
            do { result.child = try ChildProcess.start(arguments: ["/bin/sleep", "30"], environment: [], directory: "/") } catch { result.error = error }
            started.signal()
        }
        thread.start()
        started.wait()
        let child = try #require(result.child, "\(String(describing: result.error))")
        defer { child.kill(); _ = child.reap(grace: 1) }
        // The thread has returned; give the kernel time to deliver a parent-death signal, were one due.
        Thread.sleep(forTimeInterval: 0.5)
        #expect(!child.hasExited(), "the worker died with the thread that asked for it")
    }
}
