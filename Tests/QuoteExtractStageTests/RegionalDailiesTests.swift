import Foundation
import LedeCore
import LedeText
import QuoteExtractStage
import Testing

/// Classes of attribution that blind page sets from regional dailies and trade sites showed: a constable's rank
/// abbreviated, an apposition whose closing comma is left out, a first verb of the subject before `and said`, the
/// source of `According to X -`, and a bare quotation after a sentence of its paragraph that reports speech.
/// Every sentence here is written for the test.
struct RegionalDailiesTests {
    let run = GeneralisationTests()

    @Test("`Const. Dana Reyes`, `Cst. Ravi Gill`: a constable's abbreviated rank is a title, not part of the name")
    func constableAbbreviation() throws {
        let (doc, q) = try run.quotes("""
            "The road will stay closed overnight," said police spokesperson Const. Dana Reyes. "Please use the bypass."

            "Nobody was hurt," said Cst. Ravi Gill.
            """, persons: ["Dana Reyes", "Ravi Gill"], sentences: true)
        #expect(q.map { run.speaker(doc, $0) } == ["Dana Reyes", "Dana Reyes", "Ravi Gill"])
    }

    @Test("`\"...,\" Dana Reyes, board treasurer said.`: the name before an office whose closing comma is left out")
    func nameThenOfficeWithoutClosingComma() throws {
        let (doc, q) = try run.quotes("""
            The board met on Monday to agree the spending plan.

            "Think about what the next two years will ask of us," Dana Reyes, board treasurer said.
            """, persons: ["Dana Reyes"], sentences: true)
        #expect(q.count == 1)
        #expect(q.first?.attributes["kind"]?.string == "direct")
        #expect(q.first.map { run.speaker(doc, $0) } == "Dana Reyes")
    }

    @Test("`X spoke to reporters and said \"...\"`: the subject before the clause's first verb speaks")
    func subjectBeforeAndSaid() throws {
        let (doc, q) = try run.quotes("""
            Press officer Lena Marsh spoke to the Courier and said "The report is simply wrong". "We are not selling the site".
            """, persons: ["Lena Marsh"], sentences: true)
        #expect(q.count == 2)
        #expect(q.allSatisfy { run.speaker(doc, $0) == "Lena Marsh" })
    }

    @Test("`According to the council - at first, ...`: the source ends at the dash")
    func accordingToEndsAtDash() throws {
        let (doc, q) = try run.quotes("""
            According to the council - at first, the contractor refused to leave the site.

            "Although the crew were told to stop, they carried on digging until the afternoon."
            """, persons: [], sentences: true)
        #expect(q.map { run.speaker(doc, $0) } == ["the council"])
    }

    @Test("A bare quotation after a sentence that reports speech by a later clause or a closing `he said` is theirs")
    func quotationAfterReportingSentence() throws {
        let (doc, q) = try run.quotes("""
            The ministry set out its plan last week, but Hale tells the Gazette there are deeper problems on the farms. "We still have too much grain and nowhere to store it."
            """, persons: ["Hale"], sentences: true)
        #expect(q.map { run.speaker(doc, $0) } == ["Hale"])
    }

    @Test("A quotation after a sentence whose subject is no one and that reports no speech stays unattributed")
    func quotationAfterPlainSentence() throws {
        let (doc, q) = try run.quotes("""
            The ministry set out its plan last week, and the farms were told to wait for the money. "We still have too much grain and nowhere to store it."
            """, persons: [], sentences: true)
        #expect(q.map { run.speaker(doc, $0) } == [nil])
    }

    @Test("`..., he said. \"...\"`: a sentence closed by its attribution hands its speaker to the quotation after it")
    func quotationAfterClosingAttribution() throws {
        let (doc, q) = try run.quotes("""
            "The hearing will go ahead as planned," said judge Mara Quint on Tuesday.

            It was not true that the court had refused a request by counsel Tomas Brell, as some had reported, she said. "It was a visitor who asked for an interpreter."
            """, persons: ["Mara Quint", "Tomas Brell"], sentences: true)
        #expect(q.map { run.speaker(doc, $0) } == ["Mara Quint", "Mara Quint"])
    }

    @Test("`said the 29-year-old Dane`: an age and a nationality name again the person just named")
    func ageAndNationality() throws {
        let (doc, q) = try run.quotes("""
            For stage winner Jens Holm, who crossed the line alone, the climb was the whole race.

            "I knew the last kilometre would hurt," said the 29-year-old Dane.
            """, persons: ["Jens Holm"], sentences: true)
        #expect(q.map { run.speaker(doc, $0) } == ["Jens Holm"])
    }

    @Test("`said the 45-year-old victim`: an age before a noun the text named no one by stays as written")
    func ageAndVictimStays() throws {
        let (doc, q) = try run.quotes("""
            Officer Jens Holm arrived within minutes of the call.

            "I thought the car would stop," said the 45-year-old victim.
            """, persons: ["Jens Holm"], sentences: true)
        #expect(q.map { run.speaker(doc, $0) } == ["the 45-year-old victim"])
    }
}
