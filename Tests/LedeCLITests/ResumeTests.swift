import Foundation
import Testing

/// `lede run --resume` after a real `lede` process is killed with SIGKILL at several points of a batch.
struct ResumeTests {
    /// A batch of distinct news-like documents, made from the samples.
    func batch(_ dir: String, count: Int) throws {
        try FileManager.default.createDirectory(atPath: dir + "/in", withIntermediateDirectories: true)
        let folder = SignalTests.root.path + "/Samples"
        let samples = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".txt") }.sorted()
            .map { try String(contentsOfFile: folder + "/" + $0, encoding: .utf8) }
        for i in 0..<count {
            let text = samples[i % samples.count] + "\n\nThe council met again on March \(i % 28 + 1), and \(i) residents attended.\n"
            try text.write(toFile: String(format: "\(dir)/in/%05d.txt", i), atomically: false, encoding: .utf8)
        }
    }

    func outputs(_ folder: String) -> [String] {
        ((FileManager.default.enumerator(atPath: folder)?.allObjects as? [String]) ?? [])
            .filter { !$0.hasPrefix(".") && !$0.contains("/.") }
            .filter { var d: ObjCBool = false; return FileManager.default.fileExists(atPath: folder + "/" + $0, isDirectory: &d) && !d.boolValue }
            .sorted()
    }

    @Test("SIGKILL at three points of a batch, then --resume: every output byte-identical to an uninterrupted run",
          .enabled(if: SignalTests.lede != nil, "no built lede binary in .build (swift build first)"))
    func killAndResume() async throws {
        let dir = NSTemporaryDirectory() + "lede-resume-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try batch(dir, count: 3000)
        let pipeline = SignalTests.root.path + "/Pipelines/news.yaml"
        func arguments(_ out: String) -> [String] {
            ["run", pipeline, "--input", dir + "/in", "--output", dir + "/" + out, "--jobs", "2", "--quiet"]
        }
        #expect(try SignalTests.run(arguments("whole") + ["--no-journal"]).status == 0)

        // Kill points: once the first journal part is committed; once the resumed run has committed one of
        // its own; and at once, while the third run is still reading the journal. A shell watches and kills,
        // so the kill point does not depend on when this test process gets to run.
        let watcher = """
            "$0" "$@" & pid=$!
            journal="$OUT/.lede/journal"
            count() { ls "$journal" 2>/dev/null | grep -c '[.]bin$'; }
            before=$(count)
            if [ "$POINT" = part ]; then
              while kill -0 $pid 2>/dev/null && [ "$(count)" -le "$before" ]; do sleep 0.02; done
            else
              sleep 0.1
            fi
            kill -9 $pid 2>/dev/null
            wait $pid
            echo "status=$?"
            """
        var kills = 0, finished = false
        for round in 0..<3 {
            let run = Process()
            run.executableURL = URL(fileURLWithPath: "/bin/sh")
            run.arguments = ["-c", watcher, SignalTests.lede!] + arguments("out") + (round == 0 ? [] : ["--resume"])
            run.environment = ProcessInfo.processInfo.environment.merging(["OUT": dir + "/out", "POINT": round < 2 ? "part" : "soon"]) { $1 }
            let printed = Pipe()
            run.standardOutput = printed
            try run.run()
            let status = String(decoding: printed.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            run.waitUntilExit()
            guard status.contains("status=137") else {
                // The run finished before the kill point; the outputs are then complete, and later rounds resume from them.
                #expect(status.contains("status=0"), "\(status)")
                finished = true
                continue
            }
            if !finished {
                #expect(!FileManager.default.fileExists(atPath: dir + "/out/manifest.json"), "no manifest before the end")
                #expect(outputs(dir + "/out").isEmpty, "nothing under a final name: \(outputs(dir + "/out"))")
            }
            kills += 1
        }
        #expect(kills >= 2, "the runs finished before they could be killed: make the batch larger")

        let (status, summary, _) = try SignalTests.run(Array(arguments("out").dropLast()) + ["--resume"])
        #expect(status == 0, "\(summary)")
        #expect(summary.contains("taken from the journal"), "the resumed run reused the killed runs' work: \(summary)")

        let names = outputs(dir + "/whole")
        #expect(names == outputs(dir + "/out"))
        #expect(names.contains("news.jsonl") && names.contains("news.sqlite") && names.contains("manifest.json"))
        for name in names {
            let a = FileManager.default.contents(atPath: dir + "/whole/" + name), b = FileManager.default.contents(atPath: dir + "/out/" + name)
            #expect(a != nil && a == b, "\(name) differs from the uninterrupted run")
        }
    }
}
