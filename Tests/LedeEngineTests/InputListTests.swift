import Foundation
@testable import LedeEngine
@testable import LedePipeline
@testable import LedeInput
@testable import LedeIO
import LedeTestSupport
import Testing

struct InputListTests {
    /// Files named like a corpus, some sharing nothing with the one before, some with several bytes past ASCII.
    func sample(_ n: Int) -> [InputFile] {
        (0..<n).map { i in
            let folder = i % 37 == 0 ? "other-\(i)" : "corpus/2024/\(i / 100)"
            let name = i % 11 == 0 ? "Bericht-Über-\(i)-é" : String(format: "doc-%07d", i)
            return InputFile(path: "/data/\(folder)/\(name).txt", display: "\(folder)/\(name).txt", idBase: "\(folder)/\(name)")
        }
    }

    @Test("The compact list gives back every file as appended, by index and in order")
    func roundTrip() {
        let files = sample(1_000) + [InputFile(path: "-", display: "-", idBase: "stdin"), InputFile(path: "", display: "", idBase: "")]
        let list = InputList(files)
        #expect(list.count == files.count)
        #expect(Array(list) == files)
        #expect(list.indices.map { list[$0] } == files)
        for start in [0, 1, 15, 16, 17, 500, files.count - 1, files.count] {
            #expect(Array(IteratorSequence(list.makeIterator(from: start))) == Array(files[start...]), "from \(start)")
        }
        #expect(list.map(\.idBase) == files.map(\.idBase))
        #expect(InputList(files) == list && InputList(files.dropLast()) != list)
        #expect(Array(InputList()).isEmpty)
    }

    @Test("The list's memory per file is a fraction of what an array of InputFile took")
    func memoryPerFileIsBounded() {
        let files = (0..<100_000).map { i in
            InputFile(path: String(format: "/data/corpus/2024/%03d/doc-%07d.txt", i / 1000, i),
                      display: String(format: "corpus/2024/%03d/doc-%07d.txt", i / 1000, i), idBase: String(format: "2024/%03d/doc-%07d", i / 1000, i))
        }
        let list = InputList(files)
        // An array of InputFile: three 16-byte strings inline, and a heap object (a 32-byte header and the
        // text, in steps of 16 bytes) for each string longer than 15 bytes.
        let asArray = files.reduce(0) { total, file in
            total + 48 + [file.path, file.display, file.idBase].reduce(0) { $0 + ($1.utf8.count > 15 ? 32 + ($1.utf8.count + 15) / 16 * 16 : 0) }
        }
        #expect(list.storedBytes * 5 < asArray, "\(list.storedBytes) bytes, against \(asArray) as an array")
        #expect(list.storedBytes / files.count <= 40, "\(list.storedBytes / files.count) bytes a file")
    }

    @Test("A folder is walked in the order one sort of all its paths gives, hidden names and linked folders left out")
    func walkMatchesTheSortedListing() throws {
        let dir = TempDir()
        // `-` and `.` sort before `/`, so `a-b.txt` and `a.txt` come before `a/…`; ` ` and `!` before both.
        for name in ["a/x.txt", "a/b/y.txt", "a-b.txt", "a.txt", "a b/z.txt", "a!.txt", "ab/q.txt", "a/.hidden", ".git/config",
                     "b/c/d/e/f.txt", "b/c/d.txt", "b/c-d/e.txt", "b/c.d/e.txt", "Z.txt", "é.txt", "e.txt", "a/b-c.txt", "a/b.c", "a/b/.x/y"] {
            dir.write("tree/" + name, "text")
        }
        let fm = FileManager.default
        try fm.createSymbolicLink(atPath: dir.path + "/tree/linked.txt", withDestinationPath: dir.path + "/tree/a.txt")
        try fm.createSymbolicLink(atPath: dir.path + "/tree/loop", withDestinationPath: dir.path + "/tree")
        try fm.createSymbolicLink(atPath: dir.path + "/tree/a/dangling", withDestinationPath: dir.path + "/nowhere")
        #expect(mkfifo(dir.path + "/tree/b/fifo", 0o600) == 0)
        let reference = Paths.listing(under: dir.path + "/tree")
        var walked: [String] = []
        var skipped: [(path: String, reason: String)] = []
        FolderWalk.files(under: dir.path + "/tree", skipped: &skipped) { walked.append($0) }
        #expect(walked == reference.files)
        #expect(walked.count == 17)
        #expect(skipped.map(\.path) == reference.skipped.map(\.path) && skipped.map(\.reason) == reference.skipped.map(\.reason))
        #expect(skipped.count == 3)
    }

    @Test("A glob is matched one folder at a time as glob(3) matches it, in byte order")
    func globMatchesGlob3() throws {
        let dir = TempDir()
        for name in ["a.txt", "a-b.txt", "b.txt", ".hidden.txt", "B.TXT", "c.md", "sub/d.txt", "sub.txt/e.txt", "x[1].txt", "é.txt", "ab"] {
            dir.write("g/" + name, "text")
        }
        let fm = FileManager.default
        try fm.createSymbolicLink(atPath: dir.path + "/g/linked.txt", withDestinationPath: dir.path + "/g/a.txt")
        for pattern in ["*.txt", "*", ".*", "[ab]*", "a?b.txt", "*.[tm]*", "x\\[1].txt", "*/*.txt", "nothing*", "sub/*"] {
            let full = dir.path + "/g/" + pattern
            var walked: [String] = []
            FolderWalk.glob(full) { walked.append($0) }
            #expect(walked == Paths.glob(full), "\(pattern)")
        }
        // Relative to the working folder (not changed: tests run side by side), and from the root.
        let relative = Paths.relative(dir.path + "/g", from: fm.currentDirectoryPath) + "/*.txt"
        var walked: [String] = []
        FolderWalk.glob(relative) { walked.append($0) }
        #expect(walked == Paths.glob(relative) && walked.count == 7)
        walked = []
        FolderWalk.glob("/t*") { walked.append($0) }
        #expect(walked == Paths.glob("/t*"))
    }

    @Test("A pipeline lists a folder of many files in sorted order, each file once when two paths name it")
    func pipelineInputsFromAFolderAndAGlob() throws {
        let dir = TempDir()
        for i in stride(from: 299, through: 0, by: -1) { dir.write(String(format: "in/%02d/doc-%03d.txt", i % 7, i), "News \(i).") }
        dir.write("p.yaml", "lede: 1\ninput: { paths: [in, 'in/03/*.txt', in/05/doc-005.txt] }\nstages: [mark]\n")
        let p = try Pipeline.load(file: dir.path + "/p.yaml", registry: testRegistry)
        let expected = Paths.files(under: dir.path + "/in")
        #expect(p.inputs.map(\.path) == expected)
        #expect(p.inputs.map(\.display) == expected.map { Paths.relative($0, from: dir.path) })
        #expect(p.inputs.map(\.idBase) == expected.map { String(Paths.relative($0, from: dir.path + "/in").dropLast(4)) })
    }
}
