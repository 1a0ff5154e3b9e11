@testable import CleanCaptionsStage
import Foundation
import LedeCore
import Testing

/// Classes of lines that fresh regional pages showed: a group caption opening with its order label in lower case in brackets,
/// a credit line naming two photographers or more, a labelled reading time, and another stories' heading alone among the
/// text; and a headline holding a staff title is no byline. Every line here is written for the test.
struct PageRegionalLinesTests {
    static let headline = "Harbour board delays the opening of its new pier"

    func removed(_ lines: [String]) throws -> [String] { try PierPage.removed(lines) }

    @Test("A caption opening with `(from left to right):` goes; a sentence saying who sat from left to right stays")
    func bracketedOrderLabel() throws {
        let caption = "(from left to right): Mayor Ana Ruiz (Port Ria), Mayor Tomas Ferreira (Bayside) and Mayor Tevita Lolo (Northcape)"
        let sentence = "The mayors sat from left to right in the order of their towns, the chair said."
        let gone = try removed([Self.headline, caption, PierPage.body, PierPage.body2, sentence])
        #expect(gone.contains(caption))
        #expect(!gone.contains(sentence))
        #expect(!gone.contains(PierPage.body))
    }

    @Test("A credit line naming two photographers or more goes; a sentence about their pictures stays")
    func creditOfManyNames() throws {
        let credits = ["Pictures by Jo Lane and Sam Reyes", "Photos by Jo Lane, Sam Reyes & Ana Ruiz"]
        let sentence = "Pictures by Jo Lane and Sam Reyes won the regional prize last year, the judges said."
        for credit in credits {
            let gone = try removed([Self.headline, credit, PierPage.body, PierPage.body2, sentence])
            #expect(gone.contains(credit), "\(credit)")
            #expect(!gone.contains(sentence))
        }
    }

    @Test("A labelled reading time goes; a sentence on how long a report takes to read stays")
    func labelledReadingTime() throws {
        let stamp = "Time taken to read : 3 Minute"
        let sentence = "The reading time of the full report is about 40 minutes, the chair said."
        let gone = try removed([Self.headline, stamp, PierPage.body, PierPage.body2, sentence])
        #expect(gone.contains(stamp))
        #expect(!gone.contains(sentence))
    }

    @Test("The heading `IN OTHER NEWS` alone among the text goes; a sentence opening `In other news` stays")
    func otherNewsHeading() throws {
        let heading = "IN OTHER NEWS"
        let sentence = "In other news, the board named a new harbour master, Jo Lane."
        let gone = try removed([Self.headline, PierPage.body, heading, PierPage.body2, sentence])
        #expect(gone.contains(heading))
        #expect(!gone.contains(sentence))
    }

    @Test("A headline holding a staff title over its standfirst, the lines between them removed, stays: it is no byline")
    func headlineWithStaffTitle() throws {
        let headline = "Harbour Post Staff Given Bail"
        let standfirst = "Ministry says raid and arrest were over a false report"
        let gone = try removed([headline, standfirst, "By Jo Lane", "Pictures by Sam Reyes and Ana Ruiz", PierPage.body, PierPage.body2, PierPage.body3])
        #expect(!gone.contains(headline))
        #expect(gone.contains("By Jo Lane"))
    }
}
