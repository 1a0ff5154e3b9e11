import EntityTagModel
import EntityTagRecognizer
import EntityTagRules
import LedeText

/// The long names of tournaments and storms, which the model cuts to their core (`T20 World Cup`):
/// - a body's name and `Men's` or `Women's` before the core, its year after it, and a round of it (`ICC Women's
///   T20 World Cup Africa Qualifier`, `ICC Men's T20 World Cup 2024`);
/// - a storm named after `TC` (a tropical cyclone, as Pacific and Australian copy writes it: `TC Harold`);
/// - a tournament or a fair named by one word and its year (`Euro 2024`, `Expo 2020`), which the model reads as a
///   person and a date.
extension Recognizer {
    package func extendEventNames(_ kept: inout [Candidate], _ b: UnsafeBufferPointer<UInt8>, _ a: EntityTagger.Analysis) {
        let words = a.words
        var changed = false
        var removed: Set<Int> = []
        for n in kept.indices where !removed.contains(n) {
            // `Euro 2024`, `Expo 2020`: a tournament's or a fair's one word and its year, which the model read as a person
            // and a date, or as a date alone.
            if kept[n].label == .date, let r = a.wordIndex.range(words, kept[n]), r.count == 1, r.lowerBound > 0,
               case let y = words[r.lowerBound], y.gap == .space, y.count == 4, Self.allDigits(b, y),
               case let w = words[r.lowerBound - 1], w.capitalized, WordMatch.isAny(b, w, Self.yearedEvents),
               !(n > 0 && kept[n - 1].end > w.start && (kept[n - 1].start < w.start || !kept[n - 1].label.isName)) {
                if n > 0, kept[n - 1].start == w.start { removed.insert(n - 1) }
                kept[n].start = w.start
                kept[n].label = .event
                kept[n].canonical = nil
                changed = true
                continue
            }
            guard kept[n].label == .event || kept[n].label == .org, let r = a.wordIndex.range(words, kept[n]) else { continue }
            if kept[n].label == .org {
                // `TC Harold`: a storm.
                if r.count == 2, words[r.lowerBound].count == 2, b[words[r.lowerBound].start] == 0x54, b[words[r.lowerBound].start + 1] == 0x43,
                   words[r.upperBound - 1].capitalized {
                    kept[n].start = words[r.lowerBound].start
                    kept[n].label = .event
                    kept[n].canonical = nil
                    changed = true
                }
                continue
            }
            var first = r.lowerBound, last = r.upperBound - 1
            // `ICC Men's` before it.
            if first >= 2, words[first].gap == .space, case let g = words[first - 1], g.possessive, g.capitalized,
               WordMatch.isAny(b, g, ["men", "women", "boys", "girls", "mens", "womens"]), g.gap == .space, words[first - 2].capitalized {
                first -= 1
                // The body whose tournament it is, as the model or the lists named it (`ICC`), or one capitalized word.
                if let body = kept.firstIndex(where: { $0.end == words[first - 1].end && $0.label == .org }),
                   let br = a.wordIndex.range(words, kept[body]), br.count <= 3 {
                    first = br.lowerBound
                } else if words[first - 1].flags & Feature.functionWords.rawValue == 0 {
                    first -= 1
                }
            }
            // A round (`Africa Qualifier`) and a year (`2024`) after it.
            var e = last + 1
            while e < words.count, e - last <= 3, words[e].gap == .space, words[e].capitalized, !words[e].digit { e += 1 }
            if e > last + 1, WordMatch.isAny(b, words[e - 1], Self.rounds) { last = e - 1 }
            if last + 1 < words.count, case let y = words[last + 1], y.gap == .space, y.count == 4, Self.allDigits(b, y),
               b[y.start] == 0x31 || b[y.start] == 0x32 {
                last += 1
            }
            guard first < r.lowerBound || last >= r.upperBound else { continue }
            let start = words[first].start, end = words[last].end
            kept[n].start = start
            kept[n].end = end
            kept[n].canonical = nil
            for m in kept.indices where m != n && kept[m].start >= start && kept[m].end <= end { removed.insert(m) }
            changed = true
        }
        guard changed else { return }
        for m in removed.sorted(by: >) { kept.remove(at: m) }
        kept.sort { ($0.start, $0.end) < ($1.start, $1.end) }
    }

    /// Tournaments and fairs named by one word and their year (`Euro 2024`, `Afcon 2023`, `Expo 2020`).
    static let yearedEvents: WordList = ["euro", "euros", "expo", "afcon", "olympics", "paralympics", "eurobasket", "copa"]
    /// The rounds of a tournament, which end its name.
    static let rounds: WordList = ["qualifier", "qualifiers", "qualifying", "final", "finals", "playoff", "playoffs", "play-offs",
                                   "semi-final", "semi-finals", "semifinal", "semifinals", "knockout"]
}
