@testable import CleanCaptionsRoles
@testable import CleanCaptionsStage
import Foundation
import LedeCore
import Testing

/// Classes of lines the fresh local, public-radio and African page sets showed: helplines with their numbers, a caption
/// closing with a copyright credit or with its outlet in brackets, a link to another story's video, and the header lines
/// between a headline and its copy. Every line here is written for the test.
struct PageFreshLinesTests {
    static let body = PierPage.body
    static let body2 = PierPage.body2
    static let body3 = PierPage.body3

    func clean(_ lines: [String]) throws -> Document { try PierPage.clean(lines) }
    func removed(_ lines: [String]) throws -> [String] { try PierPage.removed(lines) }

    @Test("A line of helplines and their numbers goes; a sentence of the text with a number stays")
    func helplineNumbers() throws {
        let help = "• Harbour police (04)555-1200, Coastguard 0800-555-222."
        let sentence = "Anyone who saw the crash can call the harbour police on 0800-555-1200, a spokesman said."
        let gone = try removed(["Pier closed after crash", Self.body, sentence, Self.body2, help])
        #expect(gone.contains(help))
        #expect(!gone.contains(sentence))
    }

    @Test("A caption closing with a copyright sign, a name and an agency goes; a copyright notice's year is not a credit")
    func copyrightSignCredit() throws {
        let caption = "Harbour United's coach watches from the bench during the cup match at the Quay Ground on 3 May ©Jo Lane/Harbourpix."
        let gone = try removed(["Coach hurt in training", caption, Self.body, Self.body2, Self.body3])
        #expect(gone.joined().contains("Harbour United's coach watches"))
        #expect(!gone.contains(Self.body))
    }

    @Test("A short caption with no full stop closing with an outlet in brackets goes; a sentence citing it stays")
    func outletInBrackets() throws {
        let caption = "The old courthouse on Main Street in Barrow (Valley News)"
        let sentence = "The closure was first reported by the local paper (Valley News)."
        let gone = try removed(["Courthouse to close", caption, Self.body, sentence, Self.body2])
        #expect(gone == [caption])
    }

    @Test("A link to another story's video goes; a sentence about a video stays")
    func watchStoryVideo() throws {
        let link = "Watch Harbour United coach hurt in training video"
        let sentence = "Watch the board's meeting on its website, where the video is posted."
        let gone = try removed(["Coach hurt in training", Self.body, link, sentence, Self.body2])
        #expect(gone == [link])
    }

    @Test("Between a headline and its copy, the date and place stay: the headline's own lines, not the masthead")
    func headerBetweenHeadlineCopies() throws {
        let title = "Pier to open in the spring"
        let d = try clean([title, "14May 2024", "Jo Lane", "Port Vila", "Coast Post", title, Self.body, Self.body2, Self.body3])
        let gone = d.removed.map { d.originalSubstring($0.start..<$0.end) }
        #expect(!gone.contains("14May 2024"))
        #expect(!gone.contains(Self.body))
        #expect(d.text.contains(title))
    }
}

extension PageFreshLinesTests {
    @Test("Under the text, a listed story's title right under its section and age goes; the text stays")
    func titleUnderAge() throws {
        let lines = ["Pier to open in the spring", Self.body, Self.body2, Self.body3,
                     "Business6 days ago", "Port board names a new chief executive", "Sport 2 days ago", "Rovers sign a keeper from the city"]
        let gone = try removed(lines)
        #expect(gone.contains("Port board names a new chief executive"))
        #expect(gone.contains("Rovers sign a keeper from the city"))
        #expect(!gone.contains(Self.body))
    }
}

extension PageFreshLinesTests {
    @Test("Closing the page, `About` and a name over a paragraph naming it again is boilerplate; a subhead with no name stays")
    func aboutBlocks() throws {
        let about = ["About Harbour Radio", "Harbour Radio serves the coast with news and music every day of the year.",
                     "About the Harbour Board", "The Harbour Board runs the port and its two piers for the city."]
        let gone = try removed(["Pier to open in the spring", Self.body, Self.body2, Self.body3] + about)
        #expect(gone == about)
        let subhead = ["Pier to open in the spring", Self.body, "About the new pier", "The new pier will be twice as long as the old one, the board said."]
        #expect(try removed(subhead).isEmpty)
    }
}

extension PageFreshLinesTests {
    @Test("A numeric date alone opening the page over the text is the dateline and stays")
    func numericDateFirst() throws {
        let gone = try removed(["2024-05-14", Self.body, Self.body2, Self.body3])
        #expect(gone.isEmpty)
    }
}
