import Foundation
import LedeCLI
import Testing

/// Issue #24, overrides: `${NAME}` in a pipeline file, through the command line.
struct EnvironmentTests {
    func pipeline() throws -> String {
        let dir = NSTemporaryDirectory() + "lede-env-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try "A short article about the Port of Oslo.".write(toFile: dir + "/a.txt", atomically: true, encoding: .utf8)
        try """
            lede: 1
            input: { paths: ["${LEDE_TEST_INPUT:-a.txt}"] }
            stages:
              - split:
                  sentences: ${LEDE_TEST_SENTENCES}
              - write: { jsonl: x.jsonl }

            """.write(toFile: dir + "/p.yaml", atomically: true, encoding: .utf8)
        return dir
    }

    func run(_ arguments: [String], environment: [String: String]) throws -> (status: Int32, output: String, errors: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: SignalTests.lede!)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let output = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let errors = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, output, errors)
    }

    @Test("lede explain shows each substituted value and where it came from",
          .enabled(if: SignalTests.lede != nil, "no built lede binary in .build (swift build first)"))
    func explainShowsSubstitutions() throws {
        let dir = try pipeline()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let (status, output, errors) = try run(["explain", dir + "/p.yaml"], environment: ["LEDE_TEST_SENTENCES": "false"])
        #expect(status == 0, "\(errors)")
        #expect(output.contains("sentences: false"), "\(output)")
        #expect(output.contains("p.yaml:5:18  ${LEDE_TEST_SENTENCES} = false"), "\(output)")
        #expect(output.contains("p.yaml:2:19  ${LEDE_TEST_INPUT} = a.txt  (unset or empty: the default)"), "\(output)")
    }

    @Test("An unset variable stops lede run with FILE:LINE:COLUMN and exit 2, naming the variable",
          .enabled(if: SignalTests.lede != nil, "no built lede binary in .build (swift build first)"))
    func unsetVariable() throws {
        let dir = try pipeline()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let (status, _, errors) = try run(["run", dir + "/p.yaml", "--quiet"], environment: [:])
        #expect(status == 2)
        #expect(errors.contains("p.yaml:5:18: error: the environment variable 'LEDE_TEST_SENTENCES' is not set"), "\(errors)")
        #expect(!FileManager.default.fileExists(atPath: dir + "/out"))
        let (ok, _, more) = try run(["run", dir + "/p.yaml", "--quiet"], environment: ["LEDE_TEST_SENTENCES": "true"])
        #expect(ok == 0, "\(more)")
    }
}
