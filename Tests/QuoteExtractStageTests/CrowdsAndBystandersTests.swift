import Foundation
import LedeCore
import LedeText
import QuoteExtractStage
import Testing

/// Classes of attribution that a second round on blind page sets showed: a judge's name tagged with the court's words,
/// a long phrase naming a statement before its subject, a crowd's words after `with`, an auxiliary before a
/// participle cue, first-person speech after a paragraph about one person, and no handing forward past a paragraph
/// that speaks of someone as `he`. Every sentence here is written for the test.
struct CrowdsAndBystandersTests {
    let run = GeneralisationTests()

    @Test("`Judge A B C of the X Court` tagged as one ORG is still the person `He` stands for")
    func judgeTaggedWithTheCourt() throws {
        let (doc, q) = try run.quotes("""
            Judge Peter Hallam Ndlovu of the Western District Court was sharp on Tuesday when a witness spoke out of turn. He said, "This room is not a market" and adjourned.
            """, persons: [], labelled: [("Peter Hallam Ndlovu of the Western District Court", "ORG")], sentences: true)
        #expect(q.map { run.speaker(doc, $0) } == ["Peter Hallam Ndlovu"])
    }

    @Test("`In a statement issued by its press office on Sunday, the ministry said ...`: the subject after a long leading phrase")
    func longPhraseNamingAStatement() throws {
        let (doc, q) = try run.quotes("""
            In a statement issued by the ministry's press office on Sunday, the ministry said it valued the work of the media.

            "We also welcome questions from reporters at every briefing."
            """, persons: [], sentences: true)
        #expect(q.map { run.speaker(doc, $0) } == ["the ministry"])
    }

    @Test("`with the residents chanting, \"...\"`: the crowd after `with` speaks, not the sentence's subject")
    func crowdAfterWith() throws {
        let (doc, q) = try run.quotes("""
            The reporter was led out of the hall with the residents chanting, "Go home, we do not want cameras here".
            """, persons: [], sentences: true)
        #expect(q.count == 1)
        #expect(q.map { run.speaker(doc, $0) } == ["the residents"])
    }

    @Test("`as he could be heard yelling, \"...\"`: the subject ends at the auxiliary")
    func auxiliaryBeforeAParticiple() throws {
        let (doc, q) = try run.quotes("""
            Medic Tom Arnott was treating a cyclist when officers pushed him back, as he could be heard yelling, "I am a paramedic" on a video.
            """, persons: ["Tom Arnott"], sentences: true)
        #expect(q.count == 1)
        #expect(q.first.flatMap { run.speaker(doc, $0) } == "Tom Arnott")
    }

    @Test("A paragraph of speech in the first person after a paragraph about one person is theirs")
    func firstPersonAfterAParagraphAboutSomeone() throws {
        let (doc, q) = try run.quotes("""
            The van also knocked down part of Ana Ruiz's gate. She was asleep at the time.

            "I woke to a crash and thought a tree had come down."

            Ana Ruiz ran to the front of her house and saw the van against the wall.

            "Nobody was moving and I thought, this is bad."

            "The road was closed until the evening."
            """, persons: ["Ana Ruiz"], sentences: true)
        #expect(q.count == 3)
        #expect(q.prefix(2).map { run.speaker(doc, $0) } == ["Ana Ruiz", "Ana Ruiz"])
    }

    @Test("A paragraph of speech is not handed forward past a paragraph that speaks of someone as `he`")
    func notForwardPastAPronoun() throws {
        let (doc, q) = try run.quotes("""
            Mayor Tom Reid met councillors online today.

            Grocer Ann Bell was among the workers he thanked for keeping the town going.

            "The town is under strain and we as a council must help."

            Deputy mayor Jo Hill said she had heard of people using closed playgrounds.
            """, persons: ["Tom Reid", "Ann Bell", "Jo Hill"], sentences: true)
        #expect(q.count == 1)
        #expect(q.first.flatMap { run.speaker(doc, $0) } == nil)
    }

    @Test("`the memo said` after `in a memorandum`: the person who wrote it; `a memorial` is no memo")
    func memoAfterAMemorandum() throws {
        let (doc, q) = try run.quotes("""
            Former state solicitor Dana Whitcombe set out the rule in a memorandum she wrote in 2016.

            "A board seat that falls vacant must be filled in an open meeting," the memo said.
            """, persons: ["Dana Whitcombe"], sentences: true)
        #expect(q.map { run.speaker(doc, $0) } == ["Dana Whitcombe"])
        let (other, unsigned) = try run.quotes("""
            Mayor Ed Lowe laid a wreath at a memorial to the miners on Sunday.

            "The hall stays shut until spring," the memo said.
            """, persons: ["Ed Lowe"], sentences: true)
        #expect(unsigned.map { run.speaker(other, $0) } == ["the memo"])
    }
}
