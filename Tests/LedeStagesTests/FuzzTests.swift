import Foundation
import LedeCore
import LedeEngine
import LedePipeline
import LedeStages
import Testing

/// Deterministic random inputs (a fixed seed, so a failure reproduces) for the scanners and the pipeline
/// parser: no crash, no hang, and every span inside the text.
struct FuzzTests {
    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return state >> 11
        }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    }

    static let pieces = [
        "\"", "\u{201C}", "\u{201D}", "\u{2018}", "\u{2019}", "'", ".", "...", "…", "?", "!", " ", "  ", "\n", "\n\n", "\r\n", "\r",
        "\t", "Dr.", "Mr.", "U.S.", "Oct.", "No.", "p.m.", "Kim", "Young-mi", "Seoul", "said", "told", "added", "he", "she", "They",
        "(Yonhap)", "/Courtesy of X·News1", "[NEWS1]", "(AP Photo/Lee)", "Photo: Getty", "※", "AI", "—", "-", "·", "1", "60",
        "4.5", "1,000", "percent", "more than", "Ministry of", "Union", "é", "e\u{301}", "👩‍👩‍👧", "\u{200B}", "\u{202E}", "\u{0}",
        "http://x.org/a.b", "a@b.co", "1.", "a)", "•", "Photo by", "Courtesy of", "By ", "Reporter", "Advertisement", "©",
    ]

    @Test("Random news-like text through every per-document stage: no crash, spans inside the text")
    func scanners() throws {
        var random = Random(state: 0x5EED_1EDE)
        let registry = LedeStages.registry
        var runs: [(String, StageInstance)] = []
        for name in ["split", "clean-captions", "entity-tag", "quote-extract"] {
            let type = try #require(registry[name])
            runs.append((name, try type.instantiate(type.defaultOptions(), context: StageContext(baseDirectory: "."))))
        }
        for n in 0..<1500 {
            var text = ""
            for _ in 0..<(1 + random.below(60)) { text += Self.pieces[random.below(Self.pieces.count)] }
            var document = Document(id: "fuzz-\(n)", text: text, source: .init(path: "fuzz"))
            for (name, instance) in runs {
                do {
                    switch instance {
                    case .document(let process): try process(&document)
                    default: break
                    }
                } catch is DocumentError {
                    break
                } catch {
                    Issue.record("\(name) threw \(error) on \(text.debugDescription)")
                }
            }
            let length = document.text.utf8.count
            for layer in Layer.standard {
                for span in document.spans(layer) {
                    #expect(0 <= span.start && span.start <= span.end && span.end <= length, "\(layer) \(span) in \(text.debugDescription)")
                }
            }
        }
    }

    @Test("Mutated pipeline files load or fail with a located error, never crash")
    func pipelineParser() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let original = Array(try String(contentsOfFile: root.path + "/Pipelines/news.yaml", encoding: .utf8)
            .replacingOccurrences(of: "../Samples", with: root.path + "/Samples").utf8)
        let folder = NSTemporaryDirectory() + "lede-fuzz-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let inserts = Array("{}[]:,-&*!|>'\"#%@`\t\n ?0yesNO~".utf8)
        var random = Random(state: 0xBAD_F11E)
        var located = 0, loaded = 0
        for n in 0..<400 {
            var bytes = original
            for _ in 0..<(1 + random.below(4)) {
                let at = random.below(bytes.count)
                switch random.below(3) {
                case 0: bytes.remove(at: at)
                case 1: bytes.insert(inserts[random.below(inserts.count)], at: at)
                default: bytes[at] = inserts[random.below(inserts.count)]
                }
            }
            let file = "\(folder)/\(n).yaml"
            _ = FileManager.default.createFile(atPath: file, contents: Data(bytes))
            defer { try? FileManager.default.removeItem(atPath: file) }
            do {
                _ = try Pipeline.load(file: file, registry: LedeStages.registry, outputOverride: NSTemporaryDirectory() + "lede-fuzz-out")
                loaded += 1
            } catch let error as ConfigError {
                #expect(!error.message.isEmpty)
                if error.location != nil { located += 1 }
            } catch let errors as ConfigErrors {
                // Several independent mistakes, each as one would be.
                #expect(errors.errors.count > 1 && errors.errors.allSatisfy { !$0.message.isEmpty })
                if errors.errors.allSatisfy({ $0.location != nil }) { located += 1 }
            } catch {
                Issue.record("not a ConfigError: \(error) for \(String(decoding: bytes, as: UTF8.self).debugDescription)")
            }
        }
        #expect(located + loaded > 380, "most failures carry a file:line:column (\(located) located, \(loaded) loaded)")
    }
}
