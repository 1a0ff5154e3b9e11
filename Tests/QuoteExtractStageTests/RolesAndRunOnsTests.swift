import Foundation
import LedeCore
import LedeText
import QuoteExtractStage
import Testing

/// Classes of attribution that blind page sets from court and council reports showed: an office by its initials with a
/// modifier (`the former CJ`), a subject running on over its own verb before `and said`, a name set off before `was
/// quoted saying`, and a singular `they`. Every sentence here is written for the test.
struct RolesAndRunOnsTests {
    let run = GeneralisationTests()

    @Test("`the former CJ claimed`: an office by its initials and a modifier is the person named with that office")
    func formerOfficeByInitials() throws {
        let (doc, q) = try run.quotes("""
            Former Chief Justice Lorna Q. Abeyratne spoke at a rally in the port town on Sunday.

            "The court freed the man and he has forgotten who freed him," the former CJ claimed.
            """, persons: ["Lorna Q. Abeyratne"], sentences: true)
        #expect(q.map { run.speaker(doc, $0) } == ["Lorna Q. Abeyratne"])
    }

    @Test("`the former CJ` is not the sitting Chief Justice")
    func sittingOfficeIsNotFormer() throws {
        let (doc, q) = try run.quotes("""
            Chief Justice Lorna Q. Abeyratne opened the new term on Monday.

            "The backlog will be cleared by June," the former CJ said.
            """, persons: ["Lorna Q. Abeyratne"], sentences: true)
        #expect(q.map { run.speaker(doc, $0) } != ["Lorna Q. Abeyratne"])
    }

    @Test("`one politely turned to Magistrate X and said:`: the subject ends at its verb, and `one` is no speaker")
    func subjectDoesNotRunOverItsVerb() throws {
        let (doc, q) = try run.quotes("""
            When the clerk called the list, one politely turned to Magistrate Ivo Brandt and said: "When will my turn come, Sir?"
            """, persons: ["Ivo Brandt"], sentences: true)
        #expect(q.count == 1)
        #expect(q.map { run.speaker(doc, $0) } == [nil])
    }

    @Test("`The retired nurse turned to the crowd and said:`: an adjective in -ed after `the` is no verb")
    func adjectiveInEdBeforeTheVerb() throws {
        let (doc, q) = try run.quotes("""
            The retired nurse turned to the crowd and said: "We waited four hours for a doctor."
            """, persons: [], sentences: true)
        #expect(q.map { run.speaker(doc, $0) } == ["The retired nurse"])
    }

    @Test("`the head of the union, Ana X, was quoted saying:`: the name set off before the passive speaks")
    func apposedNameBeforeQuotedSaying() throws {
        let (doc, q) = try run.quotes("""
            In the bulletin, the head of the Harbour Pilots Union, Ana Velloso, was quoted saying: "No ship leaves without a pilot. That is the rule."
            """, persons: ["Ana Velloso"], sentences: true)
        #expect(q.map { run.speaker(doc, $0) } == ["Ana Velloso"])
    }

    @Test("A singular `they` that no group before can be is the person opening the sentence before")
    func singularThey() throws {
        let (doc, q) = try run.quotes("""
            Rowan Ekwueme, a ward councillor, posted the photograph late on Friday.

            Asked about the reaction online, they said: "I stand by every word of it."
            """, persons: ["Rowan Ekwueme"], sentences: true)
        #expect(q.map { run.speaker(doc, $0) } == ["Rowan Ekwueme"])
    }

    @Test("`they` after a group is still the group")
    func pluralTheyStaysWithTheGroup() throws {
        let (doc, q) = try run.quotes("""
            Rowan Ekwueme met the harbour workers on Friday.

            The dockers walked out an hour later. "We will not return until we are paid," they said.
            """, persons: ["Rowan Ekwueme"], sentences: true)
        #expect(q.map { run.speaker(doc, $0) } != ["Rowan Ekwueme"])
    }

    @Test("`\"...,\" Okafor scolded the officers.`: a person and a verb in the past tense with its object attribute the quotation")
    func personThenVerbWithObject() throws {
        let (doc, q) = try run.quotes("""
            "No one in this room is above the rules of the court," Okafor scolded the officers in the gallery.
            """, persons: ["Okafor"], sentences: true)
        #expect(q.map { run.speaker(doc, $0) } == ["Okafor"])
        #expect(q.first?.attributes["kind"] == .string("direct"))
    }

    @Test("Of two holders of one office, one named in the other's relative clause is not `the attorney`")
    func holderInARelativeClauseIsTheLesser() throws {
        let (doc, q) = try run.quotes("""
            Speaking for the driver was his attorney Mirela Dunbar, who appears with attorney Colin Pryce.

            She said the police had not called her before the hearing. "We learned of it from the radio," the attorney complained.
            """, persons: ["Mirela Dunbar", "Colin Pryce"], sentences: true)
        #expect(q.map { run.speaker(doc, $0) } == ["Mirela Dunbar"])
    }

    @Test("A holder named in a relative clause and named again since is still `the attorney`")
    func tiedHolderNamedAgain() throws {
        let (doc, q) = try run.quotes("""
            Speaking for the driver was his attorney Mirela Dunbar, who appears with attorney Colin Pryce.

            Pryce told the court the papers were late. "We learned of it from the radio," the attorney complained.
            """, persons: ["Mirela Dunbar", "Colin Pryce"], sentences: true)
        #expect(q.map { run.speaker(doc, $0) } == ["Colin Pryce"])
    }

    @Test("`footage, \"inspector X said.`: a straight closing mark typed against the attribution closes the quotation")
    func straightMarkTypedAgainstTheAttribution() throws {
        let (doc, q) = try run.quotes("""
            "The van was found at dawn. We have the camera footage, "inspector Tomas Greer said.
            """, persons: ["Tomas Greer"], sentences: true)
        #expect(q.count == 1)
        #expect(q.first.map { doc.substring($0.start..<$0.end).hasSuffix("footage, ") } == true)
        #expect(q.first.flatMap { run.speaker(doc, $0) }?.hasSuffix("Tomas Greer") == true)
    }

    @Test("A straight mark inside a quotation that another closes later is still a nested quotation")
    func nestedStraightMarkStillNests() throws {
        let (_, q) = try run.quotes("""
            "They called it, "a fair deal," but nobody believed them," Greer said.
            """, persons: ["Greer"], sentences: true)
        #expect(q.count == 1)
    }

    @Test("`In Tongan the statement said:`: a phrase opening the sentence without its comma is no part of the speaker")
    func openingPhraseWithoutComma() throws {
        let (doc, q) = try run.quotes("""
            On Monday the harbour master said: "The channel stays shut until the wreck is lifted."
            """, persons: [], sentences: true)
        #expect(q.map { run.speaker(doc, $0) } == ["the harbour master"])
    }

    @Test("`says Tom X the council president`: an office after the name without a comma is no part of the speaker")
    func officeAfterNameWithoutComma() throws {
        let (doc, q) = try run.quotes("""
            "The vote went the way the town wanted," says Rhea Tamsin the Millbrook Council President.
            """, persons: ["Rhea Tamsin"], sentences: true)
        #expect(q.map { run.speaker(doc, $0) } == ["Rhea Tamsin"])
    }

    @Test("`\"...\", Retired court clerk, Ama X has opined`: a description, a comma, and a name entity-tag missed before the cue")
    func descriptionThenUntaggedName() throws {
        let (doc, q) = try run.quotes("""
            "People do not see the work we do at night", Retired court clerk, Ama Serwaa Boakye has opined on the radio show.
            """, persons: [], sentences: true)
        #expect(q.map { run.speaker(doc, $0) } == ["Ama Serwaa Boakye"])
    }

    @Test("`Lawyer Ace X Y` with `X Y` tagged: the capitalized word between the office and the person is their first name")
    func firstNameEntityTagLeftOut() throws {
        let (doc, q) = try run.quotes("""
            "The new hall is a waste of public money," Surveyor Kwesi Odame Larbi told the radio programme.
            """, persons: ["Odame Larbi"], sentences: true)
        #expect(q.map { run.speaker(doc, $0) } == ["Kwesi Odame Larbi"])
        #expect(q.first.flatMap { run.title($0) } == "Surveyor")
    }

    @Test("`he` after `Surveyor Kwesi X Y` with `X Y` tagged stands for the whole name")
    func pronounKeepsTheFirstNameEntityTagLeftOut() throws {
        let (doc, q) = try run.quotes("""
            "The new hall is a waste of public money," Surveyor Kwesi Odame Larbi told the radio programme.

            "Nobody asked the people who pay for it," he added.
            """, persons: ["Odame Larbi"], sentences: true)
        #expect(q.map { run.speaker(doc, $0) } == ["Kwesi Odame Larbi", "Kwesi Odame Larbi"])
    }
}
