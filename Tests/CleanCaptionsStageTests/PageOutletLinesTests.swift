@testable import CleanCaptionsRoles
@testable import CleanCaptionsStage
import Foundation
import LedeCore
import Testing

/// Classes of lines the fresh regional and statehouse page sets showed: credits glued to or closing a caption in new
/// forms, a language link, a row of icon names, a copy-protection alert, tip and newsletter boxes, an account bar, an
/// audio reader's notice, a dashed byline with its address, tags in lowercase, and a standfirst that opens with a clause.
/// Every line here is written for the test.
struct PageOutletLinesTests {
    static let body = PierPage.body
    static let body2 = PierPage.body2
    static let body3 = PierPage.body3

    func clean(_ lines: [String]) throws -> Document { try PierPage.clean(lines) }
    func removed(_ lines: [String]) throws -> [String] { try PierPage.removed(lines) }

    @Test("Captions closed by an outlet's `photo by`, a glued `PHOTO/Name` or a bracketed name after the stop go")
    func gluedAndBracketedCredits() throws {
        let outlet = "Ferry workers rally outside the harbour office on Friday. (Harbour Post photo by Jo Lane)"
        let slash = "The harbour master at a briefing last week.PHOTO/Sam Reyes."
        let name = "A judge swears in the new harbour master at the town hall.(Ana Ruiz)"
        let gone = try removed(["Pier closed after storm", Self.body, outlet, Self.body2, slash, name, Self.body3]).joined(separator: "\n")
        #expect(gone.contains("Ferry workers rally"))
        #expect(gone.contains("The harbour master at a briefing"))
        #expect(gone.contains("A judge swears in"))
        #expect(!gone.contains(Self.body2))
    }

    @Test("A sentence of the text with a bracket after a space or a photo credit inside it stays")
    func sentencesWithBracketsStay() throws {
        let aside = "The new harbour master, who was sworn in on Monday, thanked the board (Jo Lane chairs it) for its support."
        let gone = try removed(["Pier closed after storm", Self.body, aside, Self.body2, Self.body3])
        #expect(gone.isEmpty)
    }

    @Test("A language link, a row of icon names, a protection alert and an account bar go")
    func pageWidgets() throws {
        let lines = ["Facebook-f Twitter Youtube", "SubscribeSign In", "Read in Spanish"]
        let gone = try removed(lines + ["Pier closed after storm", Self.body, Self.body2, Self.body3, "alert: Content is protected !!"])
        #expect(gone.contains("Facebook-f Twitter Youtube"))
        #expect(gone.contains("SubscribeSign In"))
        #expect(gone.contains("Read in Spanish"))
        #expect(gone.contains("alert: Content is protected !!"))
        #expect(!gone.contains(Self.body))
    }

    @Test("A call for tips, a newsletter list and an audio reader's notice go; a sentence about tips stays")
    func outletNotices() throws {
        let tip = "Got a lead on a local story? Share your tips with us at Harbour Post!"
        let list = "• Harbour Sport: Sent weekly on Fridays"
        let audio = "Listening to articles is free for subscribers, so learn more about our reader."
        let sentence = "Do you have a boat? The board asked owners to share their tips on mooring with the harbour master."
        let gone = try removed(["Pier closed after storm", Self.body, tip, Self.body2, sentence, list, audio, Self.body3])
        #expect(gone.contains(tip))
        #expect(gone.contains(list))
        #expect(gone.contains(audio))
        #expect(!gone.contains(sentence))
    }

    @Test("A dashed byline with its address, and lowercase tags closing the page, go")
    func dashedBylineAndTags() throws {
        let byline = "- Jo Lane jo.lane@harbourpost.example"
        let tags = "harbour board pier ferry fares jo lane portpol"
        let gone = try removed(["Pier closed after storm", byline, Self.body, Self.body2, Self.body3, tags])
        #expect(gone.contains(byline))
        #expect(gone.contains(tags))
        #expect(!gone.contains(Self.body3))
    }

    @Test("A standfirst opening with a clause of time under the headline stays; it is not a scene")
    func clauseStandfirstStays() throws {
        let deck = "As the harbour board starts its winter sitting, Jo Lane delivers her first report on the pier"
        let d = try clean(["Harbour's newest member talks about the pier", deck, Self.body, Self.body2, Self.body3])
        #expect(d.text.contains(deck))
    }

    @Test("A menu of bulleted one-link lines above the headline goes; the text's short bulleted list stays")
    func bulletMenu() throws {
        let menu = ["• Harbour Post Home", "• Business", "• Lifestyle", "• Weather"]
        let list = ["• Ferry fares", "• Mooring fees", "• Parking"]
        let lead = "The board listed what will change on Monday:"
        let gone = try removed(menu + ["Pier closed after storm", Self.body, lead] + list + [Self.body2, Self.body3])
        #expect(gone.contains("• Business"))
        #expect(gone.contains("• Weather"))
        #expect(!gone.contains("• Mooring fees"))
        #expect(!gone.contains(Self.body))
    }
}
