import Foundation
import Testing

/// Issue #27, item 20: a YAML tag is refused wherever it is written, stage entries and keys included.
struct YAMLTagTests {
    @Test("Tags on stage entries, keys and mappings are refused at their line",
          arguments: [
            ("lede: 1\ninput: { paths: [in.txt] }\nstages:\n  - !!python/object/apply:os.system mark\n", 4),
            ("lede: 1\ninput: { paths: [in.txt] }\nstages:\n  - !!map { mark: { word: x } }\n", 4),
            ("lede: 1\ninput: { paths: [in.txt] }\nstages:\n  - mark: !!map { word: x }\n", 4),
            ("lede: 1\ninput: { paths: [in.txt] }\nstages:\n  - !!str mark\n", 4),
            ("lede: 1\ninput: { paths: [in.txt] }\n!!str stages: [mark]\n", 3),
            ("lede: 1\ninput: !!map { paths: [in.txt] }\nstages: [mark]\n", 2),
            ("--- !!map\nlede: 1\ninput: { paths: [in.txt] }\nstages: [mark]\n", 1),
            ("lede: 1\ninput: { paths: [in.txt] }\nstages:\n  - &s !foo mark\n", 4),
          ])
    func refused(_ yaml: String, _ line: Int) throws {
        let error = try #require(configError(yaml), "accepted:\n\(yaml)")
        #expect(error.message.contains("tags are not allowed"), "\(error)")
        #expect(error.location?.line == line, "\(error)")
    }

    @Test("Untagged files, anchors and aliases still load; a '!' inside a quoted value is text")
    func untaggedStillLoads() throws {
        #expect(configError("lede: 1\ninput: { paths: [in.txt] }\nstages:\n  - mark: &w { word: '!!x' }\n  - needs-marks\n") == nil)
    }
}
