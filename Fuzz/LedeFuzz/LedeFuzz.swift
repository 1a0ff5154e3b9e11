// libFuzzer targets for the parsers that read what users and plugins send (#27): the pipeline loader, the
// JSON Lines reader and the exec protocol. Built only by scripts/fuzz/run.sh, which defines FUZZING and
// links libFuzzer; an ordinary build makes a program that says how to run them.
#if FUZZING
import Foundation
@testable import ExecStage
import LedeCore
import LedeEngine
import LedePipeline
@testable import LedeInput
import LedeStages

/// Which parser this process fuzzes: `LEDE_FUZZ_TARGET` = pipeline, jsonl or exec.
let target = ProcessInfo.processInfo.environment["LEDE_FUZZ_TARGET"] ?? "pipeline"
/// Where the pipeline target writes each input, since the loader reads a file.
let scratch = NSTemporaryDirectory() + "lede-fuzz-\(getpid()).yaml"

/// libFuzzer's driver: SwiftPM links an executable's entry point under the name `LedeFuzz_main`, so the
/// program starts here and hands over to libFuzzer.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<CInt>,
                         _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                         _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

@_cdecl("LedeFuzz_main")
public func ledeFuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzz(data, size) }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    switch target {
    case "pipeline":
        // Any outcome but a crash, a hang or a leak is fine: a pipeline loads or fails with a located error.
        guard FileManager.default.createFile(atPath: scratch, contents: Data(bytes)) else { return 0 }
        _ = try? Pipeline.load(file: scratch, registry: LedeStages.registry, resolveInputs: false)
    case "jsonl":
        var spec = InputSpec()
        spec.format = .jsonl
        let raw = RawInput(id: "fuzz", source: DocumentSource(path: "fuzz.jsonl", line: 1), payload: .jsonLine(bytes))
        if case .success(let document) = InputDecoder.document(from: raw, spec: spec) {
            _ = document.text.unicodeScalars.count
        }
    case "exec":
        _ = try? ExecProtocol.handshake(bytes)
        _ = try? ExecProtocol.answer(bytes)
    default:
        fatalError("LEDE_FUZZ_TARGET must be pipeline, jsonl or exec")
    }
    return 0
}
#else
/// Without FUZZING: how to run the targets.
@main
struct LedeFuzz {
    static func main() {
        print("lede-fuzz: run `bash scripts/fuzz/run.sh pipeline|jsonl|exec [SECONDS]`, which builds it with libFuzzer")
    }
}
#endif
