import LedeCore
import Synchronization
import Testing

struct DeferredTests {
    @Test("A deferred value is built once, by the first reader, however many read it at the same time")
    func buildsOnce() async {
        let builds = Atomic<Int>(0)
        let deferred = Deferred<[Int]> {
            builds.add(1, ordering: .relaxed)
            // Long enough that the other readers arrive while the first is still building.
            var sum = 0
            for i in 0..<200_000 { sum &+= i }
            return [sum, 7]
        }
        #expect(!deferred.isBuilt)
        #expect(builds.load(ordering: .relaxed) == 0)
        let values = await withTaskGroup(of: [Int].self) { group in
            for _ in 0..<32 { group.addTask { deferred.value } }
            var all: [[Int]] = []
            for await value in group { all.append(value) }
            return all
        }
        #expect(values.count == 32)
        #expect(Set(values).count == 1)
        #expect(builds.load(ordering: .relaxed) == 1)
        #expect(deferred.isBuilt)
    }
}
