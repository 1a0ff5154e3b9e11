import Dispatch
import Foundation

/// A regular expression from a pipeline, run with a time limit on each search.
///
/// ICU, which `NSRegularExpression` runs on, backtracks: a pattern such as `(a|aa)+(a|aa)+(a|aa)+(a|aa)+b`
/// takes time exponential in the text's length (a 501-character paragraph took five minutes). Whether a
/// pattern can do that cannot be told reliably from its text, so every search runs with ICU's progress
/// callback (`.reportProgress`, called every few thousand steps) and is abandoned when it passes
/// ``limit``: the caller then quarantines the document with ``RegexTimeLimit`` as the reason, and the
/// batch goes on. The limit is generous, so a pattern that is merely slow on a large text is not cut off
/// on a busy machine; a catastrophic one passes any limit by orders of magnitude.
public enum BoundedRegex {
    /// The longest one search may take: one second.
    public static let limit: Double = 1

    /// Every match of `regex` in `string` within `range`, or only the first with `firstOnly`.
    /// - Throws: ``RegexTimeLimit`` when the search takes longer than `limit` seconds.
    public static func matches(_ regex: NSRegularExpression, in string: String, range: NSRange, firstOnly: Bool = false,
                               limit: Double = BoundedRegex.limit, rule: String) throws -> [NSTextCheckingResult] {
        let deadline = DispatchTime.now().uptimeNanoseconds + UInt64(limit * 1e9)
        var found: [NSTextCheckingResult] = []
        var timedOut = false
        regex.enumerateMatches(in: string, options: [.reportProgress], range: range) { result, _, stop in
            if let result {
                found.append(result)
                if firstOnly { stop.pointee = true }
            }
            if DispatchTime.now().uptimeNanoseconds > deadline {
                timedOut = true
                stop.pointee = true
            }
        }
        // A search that ended on its own just past the deadline found everything: only an abandoned one fails.
        if timedOut, !(firstOnly && !found.isEmpty) { throw RegexTimeLimit(rule: rule, seconds: limit) }
        return found
    }
}

/// A regular expression took longer than ``BoundedRegex/limit`` on one text: the document is quarantined.
public struct RegexTimeLimit: Error, Sendable, CustomStringConvertible {
    /// The rule or option whose pattern it was.
    public var rule: String
    /// The limit it passed.
    public var seconds: Double

    /// The reason recorded in rejects.jsonl.
    public var description: String {
        "the pattern of rule '\(rule)' took longer than \(seconds) s on one paragraph and was stopped " +
            "(a pattern that backtracks exponentially, such as (a|aa)+(a|aa)+b?); rewrite it without nested or repeated alternatives"
    }
}
