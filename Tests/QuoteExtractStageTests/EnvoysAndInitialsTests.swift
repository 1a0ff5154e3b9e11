import Foundation
import LedeCore
import LedeText
import QuoteExtractStage
import Testing

/// Speakers that the eleventh session's blind set of pasted pages found: an envoy's office named with the place of its
/// post and a retired rank before the holder's name, and offices and seats written as initials. Every sentence is
/// written for the test.
struct EnvoysAndInitialsTests {
    let helper = OfficesAndRanksTests()

    @Test("`the High Commissioner` is the person named after `High Commissioner in Corrin Maj. Gen. (Retd)`")
    func envoyInPlace() throws {
        let (doc, qs) = try helper.quotes("""
            The chief guest was the council's patron, Velland's High Commissioner in Corrin Maj. Gen. (Retd) Kamal Idrani. \
            Addressing the gathering, the High Commissioner stated, “Trade between our countries must double.”
            """, entities: [("Velland", "GPE"), ("Corrin", "GPE"), ("Kamal Idrani", "PERSON")])
        #expect(qs.map { helper.speaker(doc, $0) } == ["Kamal Idrani"])
    }

    @Test("An office by its initials is a role: `he` after `The Corrin CG asked` is the CG, not the office before")
    func officeInitials() throws {
        let (doc, qs) = try helper.quotes("""
            Velland's High Commissioner Kamal Idrani opened the meeting.

            The Corrin CG asked the chamber to help arrange meetings. “It is going to be a busy week for us,” he said.
            """, entities: [("Velland", "GPE"), ("Kamal Idrani", "PERSON"), ("Corrin", "GPE")])
        #expect(qs.map { helper.speaker(doc, $0) } == ["The Corrin CG"])
    }

    @Test("A seat's initials after a place and before a name: `Dorra Ward MCA Tomas Herero`")
    func seatInitials() throws {
        let (doc, qs) = try helper.quotes("""
            “We will appeal the ruling,” Dorra Ward MCA Tomas Herero said.
            """, entities: [("Dorra Ward", "GPE"), ("Tomas Herero", "PERSON")])
        #expect(qs.map { helper.speaker(doc, $0) } == ["Tomas Herero"])
    }
}

extension EnvoysAndInitialsTests {
    @Test("`Coun` is a councillor's title, no part of the speaker's name")
    func councillorsCoun() throws {
        let (doc, qs) = try helper.quotes("""
            Coun Ada Marlow told a meeting of the city council: “The settlement came at the last minute.”
            """, entities: [("Ada Marlow", "PERSON")])
        #expect(qs.map { helper.speaker(doc, $0) } == ["Ada Marlow"])
    }
}

extension EnvoysAndInitialsTests {
    @Test("A broadcaster's lower third, a name and an office after a spaced dash, names the speech under it")
    func lowerThirdWithOffice() throws {
        let (doc, qs) = try helper.quotes("""
            The commissioner is asking eyewitnesses to come forward. Here is his plea:

            Ada Marlow - Commissioner of Police

            "I do want to use this medium to appeal to citizens to cooperate with the officers on the street."
            """, entities: [("Ada Marlow", "PERSON")])
        #expect(qs.map { helper.speaker(doc, $0) } == ["Ada Marlow"])
    }

    @Test("`the journal statement reads` is the person who entered the statement")
    func statementEnteredBy() throws {
        let (doc, qs) = try helper.quotes("""
            Later in the journal, Tomas Herero entered a statement saying he had meant to oppose the bill.

            “When the record was taken, I was shown voting yes. I intended to vote no,” the journal statement reads.
            """, entities: [("Tomas Herero", "PERSON")])
        #expect(qs.map { helper.speaker(doc, $0) } == ["Tomas Herero"])
    }
}

extension EnvoysAndInitialsTests {
    @Test("A person who faced the media, or who was at the press conference and told reporters, speaks the answers after, past the reporter's topics")
    func pressConferenceAnswers() throws {
        let (doc, qs) = try helper.quotes("""
            Head Coach Tomas Herero faced the media following the 2-1 win over Corrin United.

            On the performance…

            “I’m really just happy for the group because they keep believing in what we’re doing.”

            On the belief of the players…

            “Chances are being created, but you need the ball to go in.”

            Ada Marlow was in good spirits at the post-match press conference and told reporters her side had earned it.

            “We have been close three times. I thought we played well tonight.”
            """, entities: [("Tomas Herero", "PERSON"), ("Corrin United", "ORG"), ("Ada Marlow", "PERSON")])
        #expect(qs.map { helper.speaker(doc, $0) } == ["Tomas Herero", "Tomas Herero", "Ada Marlow"])
    }

    @Test("Words in title case after `the event,` are the event's name, no one's speech")
    func eventTitles() throws {
        let (doc, qs) = try helper.quotes("""
            The commissioner is the main guest at the event, “Arresting Crime and Violence: A National Priority for Corrin.” \
            According to the force’s liaison officer, he will talk about the crime rate.
            """)
        #expect(qs.map { helper.isDirect($0) } == [false])
        #expect(qs.map { helper.speaker(doc, $0) } == [nil])
    }
}
