import EntityTagModel
import LedeText
import Testing

/// The name model's prefix and suffix features, read from one load of eight bytes, are the bytes that
/// `NameFeatures.affix` reads one at a time: the trained model's keys depend on it.
struct AffixTests {
    @Test func affixesFromOneLoadMatchTheByteByByteAffixes() {
        let text = "Ab Park's O'Neill ÉLYSÉE x y Zhou-Enlai 15,000 IBM a.m. Dhaka-bound Łukasz NASA’s Xi"
        var lists = WordFlags()
        lists.insert("park", 1)
        let reader = WordReader(table: lists, common: WordFlags())
        for cut in 0...8 {
            // Shorter texts too, so that words sit near both ends of the buffer.
            let bytes = Array(text.utf8.dropFirst(cut))
            bytes.withUnsafeBufferPointer { b in
                for w in reader.words(b) {
                    #expect(NameFeatures.suffix(b, w, 3) == NameFeatures.affix(b, max(w.start, w.end - 3)..<w.end))
                    #expect(NameFeatures.suffix(b, w, 2) == NameFeatures.affix(b, max(w.start, w.end - 2)..<w.end))
                    #expect(NameFeatures.prefix3(b, w) == NameFeatures.affix(b, w.start..<min(w.end, w.start + 3)))
                }
            }
        }
    }
}
