@testable import CleanCaptionsFeatures
@testable import CleanCaptionsRoles
@testable import CleanCaptionsStage
import Foundation
import LedeCore
import Testing

/// Forms of page lines around an article, as pasted from sites of many countries, each with its body text kept.
/// Every line here is written for the test.
struct PageFormTests {
    static let body = "The council said on Tuesday that the repairs would take three weeks, and that the road would reopen to buses first."
    static let body2 = "Residents of the north end told the meeting that the detour added half an hour to their trips to the hospital."

    func clean(_ text: String) throws -> Document {
        var doc = Document(id: "d", text: text, source: .init(path: "t"))
        try CleanCaptionsStage(options: .init(), context: StageContext(baseDirectory: ".")).process(&doc)
        return doc
    }

    func removed(_ text: String) throws -> [String] {
        let d = try clean(text)
        return d.removed.map { d.originalSubstring($0.start..<$0.end) }
    }

    func join(_ lines: String...) -> String { lines.joined(separator: "\n\n") }
    func join(_ lines: [String]) -> String { lines.joined(separator: "\n\n") }

    @Test("How long ago, or how long to read, is page furniture even between body paragraphs; a timeline's date stays")
    func relativeStamps() throws {
        for stamp in ["2 days ago", "18m ago", "an hour ago", "3 min read", "5 min"] {
            let r = try removed(join("Bridge to close for repairs", Self.body, stamp, Self.body2, Self.body))
            #expect(r == [stamp], "\(stamp)")
        }
        for stamp in ["Tuesday, March 28, 2017, 3:59 p.m.", "22.16 7 Nov 2019"] {
            #expect(try removed(join(stamp, "Bridge to close for repairs", Self.body, Self.body2)) == [stamp], "\(stamp)")
        }
        // A date heading the part of a timeline that follows it stays.
        #expect(try removed(join("Bridge to close for repairs", Self.body, "Wednesday, April 26th", Self.body2, Self.body)).isEmpty)
    }

    @Test("A video's labelled title below the text's first paragraph goes; as the page's headline it stays")
    func videoTitles() throws {
        for title in ["Watch: Harbour Rovers 3-0 City highlights", "VIDEO: Crews clear the coast road after the storm"] {
            #expect(try removed(join("Bridge to close for repairs", Self.body, title, Self.body2)) == [title], "\(title)")
            #expect(try removed(join(title, Self.body, Self.body2)).isEmpty, "\(title)")
        }
        // A sentence of the text opening with the label ends like one.
        #expect(try removed(join("Bridge to close for repairs", Self.body, "Watch: the crews will be back at dawn.", Self.body2)).isEmpty)
    }

    @Test("A template's slot name and an embed tag are widgets")
    func leakedSlots() throws {
        #expect(try removed(join("Bridge to close for repairs", Self.body, "spot_img", Self.body2)) == ["spot_img"])
        #expect(try removed(join("Bridge to close for repairs", Self.body, "[video:https://example.com/v/123 autoplay:1]", Self.body2))
                == ["[video:https://example.com/v/123 autoplay:1]"])
    }

    @Test("Alt text over its caption with the credit glued on, and a caption printed twice, go; a paragraph of the text pasted twice stays")
    func altTextOverCaption() throws {
        let alt = "A ferry leaves the harbour at dawn."
        #expect(try removed(join("Bridge to close for repairs", Self.body, alt, alt + "Credit: Harbour Trust/X", Self.body2))
                == [alt, alt, "Credit: Harbour Trust/X"])
        let twice = "Workers repair the deck of the old bridge at dawn"
        #expect(try removed(join("Bridge to close for repairs", Self.body, twice, twice, Self.body2)).count == 2)
        // A paragraph of the text pasted twice stays, both times.
        #expect(try removed(join("Bridge to close for repairs", Self.body, Self.body2, Self.body2, Self.body)).isEmpty)
        // A quotation printed twice (a pull quote) stays.
        let quoted = "“We will rebuild the hall before winter,” she said."
        #expect(try removed(join("Bridge to close for repairs", Self.body, quoted, quoted, Self.body2)).isEmpty)
        // Printed once with straight quotes and hyphens, once with curly ones and dashes: still one caption twice.
        let plain = "Ferry's last run - and its crew's farewell - drew a crowd on the pier at dusk"
        let curly = "Ferry’s last run – and its crew’s farewell – drew a crowd on the pier at dusk"
        #expect(try removed(join("Bridge to close for repairs", Self.body, plain, curly, Self.body2)) == [plain, curly])
        // So is a caption with a quotation in it, its copies one over the other ...
        let said = "At the pier on Monday, the skipper told the crowd:'We will sail again next spring'"
        let saidCurly = "At the pier on Monday, the skipper told the crowd: ‘We will sail again next spring’"
        #expect(try removed(join("Bridge to close for repairs", Self.body, said, saidCurly, Self.body2)) == [said, saidCurly])
        // ... but a quotation pulled out twice, apart, stays.
        let pulled = "“We will sail again next spring”"
        #expect(try removed(join("Bridge to close for repairs", Self.body, pulled, Self.body2, pulled, Self.body)).isEmpty)
    }

    @Test("A source in brackets closes a caption; a wire agency's tag on the article's last paragraph stays")
    func bracketedSources() throws {
        let caption = "A crowd waits outside the court. (Metro TV)"
        let r = try removed(join("Bridge to close for repairs", Self.body, caption, Self.body2, Self.body))
        #expect(r == ["A crowd waits outside the court.", "(Metro TV)"])
        let last = "The two injured officers are being treated in hospital. (PNA)"
        #expect(try removed(join("Bridge to close for repairs", Self.body, Self.body2, last, "Related articles",
                                 "Council moves to end the fuel subsidy next year", "Port strike enters its second week at the docks")).filter { $0.contains("PNA") || $0.contains("hospital") }.isEmpty)
    }

    @Test("An outlet and a name with a spaced slash between them close a caption")
    func spacedSlashCredits() throws {
        let r = try removed(join("Bridge to close for repairs", Self.body,
                                 "Police tape off the road outside the depot after the crash. Metro News / Jane Roe", Self.body2))
        #expect(r == ["Police tape off the road outside the depot after the crash.", "Metro News / Jane Roe"])
        let d = try removed(join("Bridge to close for repairs", Self.body,
                                 "Divers search the harbour for the missing kayak on Sunday. (City Radio / Jo Lane)", Self.body2))
        #expect(d.count == 2 && d[1] == "(City Radio / Jo Lane)")
    }

    @Test("A tag in lowercase above the headline goes and the headline stays, whatever word it holds")
    func lowercaseTagsAndHeadlines() throws {
        let d = try clean(join("harbour city council", "Council votes to take the port authority to court", Self.body, Self.body2))
        #expect(d.removed.map { d.originalSubstring($0.start..<$0.end) } == ["harbour city council"])
        #expect(d.spans(CleanCaptionsStage.structureLayer).contains { $0.label == "headline" })
        // A headline with a credit word in it (`photo`) is still the headline.
        #expect(try removed(join("BBC Example", "Court photo ban upheld on appeal", Self.body, Self.body2)).allSatisfy { !$0.contains("upheld") })
    }

    @Test("Under a label of other stories (`Trending`, `Latest in Sport`), their headlines go; a label above the headline starts no run")
    func labelledRelatedRuns() throws {
        for label in ["Trending", "Latest in Sport", "Most Popular"] {
            let r = try removed(join("Bridge to close for repairs", Self.body, Self.body2, label,
                                     "Council moves to end the fuel subsidy next year", "Port strike enters its second week at the docks"))
            #expect(r.contains("Council moves to end the fuel subsidy next year") && r.contains("Port strike enters its second week at the docks"), "\(label): \(r)")
        }
        let top = try removed(join("Most Popular", "Island ferry operators seek a fare rise", "By Jane Roe", Self.body, Self.body2))
        #expect(!top.contains("Island ferry operators seek a fare rise"))
    }

    @Test("Below the article, three other stories' headlines with no label go; a list the text introduces stays")
    func unlabelledRelatedRuns() throws {
        let teasers = ["Two feared killed as gunmen attack a checkpoint", "Governor signs the new budget into law at last",
                       "Delegates say they returned the money after the vote", "Teachers receive new buses for rural schools"]
        let r = try removed(join(["Bridge to close for repairs", Self.body, Self.body2] + teasers))
        #expect(r == teasers)
        let listed = ["Repairs to the north approach of the bridge", "New signals at the junction with the ring road",
                      "A second lane for buses on the hill road"]
        #expect(try removed(join(["Bridge to close for repairs", Self.body, "These are the works the council has planned:"] + listed)) == [])
    }

    @Test("A caption printed without its full stop goes beside a credit, or below the text when it says when; a standfirst and a subhead stay")
    func unpunctuatedCaptions() throws {
        let caption = "Residents board a bus bound for the shelter outside the town hall on Thursday"
        #expect(try removed(join("Bridge to close for repairs", "Jane Roe / Harbour Daily", caption, Self.body, Self.body2)).contains(caption))
        #expect(try removed(join("Bridge to close for repairs", Self.body, Self.body2, caption, Self.body)) == [caption])
        let standfirst = "The second of a weekly series of reports from the towns along the river by our regional writers"
        #expect(try removed(join("Bridge to close for repairs", standfirst, Self.body, Self.body2)).isEmpty)
        let subhead = "Government says the regional safety plan would not be possible without the new planes"
        #expect(try removed(join("Bridge to close for repairs", Self.body, subhead, Self.body2, Self.body)).isEmpty)
    }

    @Test("A short subhead between body paragraphs stays, though it reads like alt text")
    func subheadsStay() throws {
        #expect(try removed(join("Bridge to close for repairs", Self.body, "The top stories this week", Self.body2, Self.body)).isEmpty)
    }

    @Test("A byline glued to its label, and a republication note after a dash")
    func gluedBylineAndDashedNotice() throws {
        let r = try removed(join("Bridge to close for repairs", "ByJane Roe", Self.body, Self.body2,
                                 "– Published by Harbour Report, see: Example Wire in partnership with City Radio"))
        #expect(r == ["ByJane Roe", "– Published by Harbour Report, see: Example Wire in partnership with City Radio"])
    }

    @Test("A line of `X photo by NAME` is the credit, and the caption above it goes with it")
    func photoByCreditUnderCaption() throws {
        let r = try removed(join("Lantern festival draws crowds to the old town", Self.body,
                                 "Visitors release lanterns over the river in the old town, March 3.", "City Daily photo by Lee Min-ho", Self.body2))
        #expect(r == ["Visitors release lanterns over the river in the old town, March 3.", "City Daily photo by Lee Min-ho"])
    }

    @Test("A bar of links is page furniture; a caption's credits set apart by bars are not taken for one")
    func linkBars() throws {
        for bar in ["Multimedia · Reader Galleries · Send us your pictures", "Home > News > Local", "Politics | Business | Sport | Opinion"] {
            #expect(try removed(join("Bridge to close for repairs", Self.body, bar, Self.body2)) == [bar], "\(bar)")
        }
        let f = try LinkLineTests().features("Jane Roe | AFP | Getty Images")
        #expect(!f.features[.widget])
    }

    @Test("A live page's furniture: its badge and its lists of posts")
    func livePageFurniture() throws {
        #expect(try removed(join("Live", "As it happened: council budget day", "Key posts", Self.body, Self.body2)) == ["Live", "Key posts"])
    }

    @Test("A gallery's caption, its counter and the caption again with the credit glued to its last word all go")
    func galleryCaptionWithGluedCredit() throws {
        let caption = "Families of the missing gather at the memorial garden for the day of remembrance"
        let r = try removed(join("Hundreds remember the missing at city garden", Self.body, caption, "4",
                                 caption + "Credit: Jo Lane - City Daily", Self.body2))
        #expect(r.count == 4 && r[0] == caption && r[1] == "4" && r.last == "Credit: Jo Lane - City Daily", "\(r)")
    }

    @Test("A credit opened by `Photo from` or `Photo by` closes a long caption too")
    func photoFromCredits() throws {
        let caption = "FIRE. A seat inside a carriage of the city's elevated railway catches fire near the depot on a busy Monday morning in March."
        let r = try removed(join("Surviving the commute: the worst breakdowns of the year", Self.body, caption + " Photo from the Transport Department", Self.body2))
        #expect(r == [caption, "Photo from the Transport Department"])
    }

    @Test("`Most read in X` heads a list of other stories; a skip link and a likes counter are page lines")
    func moreLabelsAndLines() throws {
        let r = try removed(join("Jump directly to the content", "Bridge to close for repairs", Self.body, Self.body2,
                                 "Most read in City News", "Council moves to end the fuel subsidy next year", "%d bloggers like this:"))
        #expect(r == ["Jump directly to the content", "Most read in City News", "Council moves to end the fuel subsidy next year", "%d bloggers like this:"])
    }

    @Test("A name alone beside the time of posting is the byline; a name in the body stays")
    func namesBesideStamps() throws {
        let d = try clean(join("Bridge to close for repairs", "2020-01-17 12:01", "Thandi Mokoena", Self.body, Self.body2))
        #expect(d.removed.map { d.originalSubstring($0.start..<$0.end) } == ["2020-01-17 12:01", "Thandi Mokoena"])
        #expect(d.removed.last?.reason == "byline")
        #expect(try removed(join("Bridge to close for repairs", "Posted 2 hours ago", "Jane Roe", Self.body)).contains("Jane Roe"))
        #expect(try removed(join("Bridge to close for repairs", Self.body, "Thandi Mokoena", Self.body2)).isEmpty)
    }

    @Test("A wire agency's sign-off goes wherever the page's own lines follow it, and is no picture's credit")
    func wireSignOffAnywhere() throws {
        let d = try clean(join("Bridge to close for repairs", Self.body, Self.body2, "- BLOOMBERG", "Bridge to close for repairs",
                               "Multimedia · Reader Galleries · News in Pictures Send us your pictures · Send us your stories"))
        let r = d.removed.map { d.originalSubstring($0.start..<$0.end) }
        #expect(r.contains("- BLOOMBERG") && d.removed.first { d.originalSubstring($0.start..<$0.end) == "- BLOOMBERG" }?.reason == "signature")
        #expect(r.contains("Multimedia · Reader Galleries · News in Pictures Send us your pictures · Send us your stories"))
        #expect(!r.contains(Self.body) && !r.contains(Self.body2))
    }

    @Test("A headline with a `Read More` link under it is another story's teaser; the article's headline below it stays")
    func readMoreTeasers() throws {
        let d = try clean(join("Breaking News", "Port workers suspend strike after four days", "Read More",
                               "Council votes to close the harbour bridge", Self.body, Self.body2))
        let r = d.removed.map { d.originalSubstring($0.start..<$0.end) }
        #expect(r.contains("Port workers suspend strike after four days") && !r.contains("Council votes to close the harbour bridge"), "\(r)")
    }

    @Test("`Latest News` and `Top News` under the footer are rule-removed lines, so the copyright notice above them goes")
    func footerAboveSectionLinks() throws {
        let notice = "All rights reserved. This material may not be reproduced, published or redistributed without permission."
        let r = try removed(join("Bridge to close for repairs", Self.body, Self.body2, notice, "Latest News", "Top News"))
        #expect(r == [notice, "Latest News", "Top News"])
    }

    @Test("A line naming a picture (`Image of the suspect`) is its alt text, at the end of the page too")
    func pictureNamedAsSuch() throws {
        #expect(try removed(join("Bridge to close for repairs", Self.body, Self.body2, "Image of the damaged bridge deck")) == ["Image of the damaged bridge deck"])
        #expect(try removed(join("Bridge to close for repairs", Self.body, "Pictures of the old town hang in the library.", Self.body2)).isEmpty)
    }

    @Test("A comment form's prompts on lines of one paragraph go together")
    func commentPromptsInOneParagraph() throws {
        let form = "Please enter your comment!\nPlease enter your name here"
        #expect(try removed(join("Bridge to close for repairs", Self.body, Self.body2, form)) == [form])
    }
}

/// Lines of other content and page labels that blind tests found kept, in forms written for these tests, with the body
/// sentences beside them that must stay.
struct PageLabelAndTeaserTests {
    static let body = PageFormTests.body, body2 = PageFormTests.body2
    let forms = PageFormTests()

    func removed(_ lines: String...) throws -> [String] { try forms.removed(lines.joined(separator: "\n\n")) }

    @Test("A section kicker at the very top goes; a short headline in capitals or in sentence case stays")
    func kickers() throws {
        #expect(try removed("Local News", Self.body, Self.body2) == ["Local News"])
        #expect(try removed("For Your Service", "Council votes to close the harbour bridge for repairs", Self.body, Self.body2) == ["For Your Service"])
        #expect(try removed("BRIDGE CLOSES TONIGHT", Self.body, Self.body2).isEmpty)
        #expect(try removed("Fire Destroys Barn", Self.body, Self.body2).isEmpty)
        #expect(try removed("Roads and bridges", Self.body, Self.body2).isEmpty)
    }

    @Test("A label of a few words and a colon, or a time to read, above the text goes; a lead-in to a list among the body paragraphs stays")
    func labelsAboveTheText() throws {
        #expect(try removed("Council votes to close the harbour bridge", "Press release:", Self.body, Self.body2) == ["Press release:"])
        #expect(try removed("Tag: Harbour Police Service", "Council votes to close the harbour bridge", Self.body, Self.body2)
                == ["Tag: Harbour Police Service"])
        #expect(try removed("Council votes to close the harbour bridge", Self.body, "The new fares:", "Adults pay four dollars a trip.", Self.body2).isEmpty)
        #expect(try removed("Council votes to close the harbour bridge", "Read Time = 3 min", Self.body, Self.body2) == ["Read Time = 3 min"])
    }

    @Test("A headline printed twice above the body stays twice, a headline")
    func headlineTwice() throws {
        let h = "No fare rise this year – Ferry Board"
        let d = try forms.clean([h, h, Self.body, Self.body2].joined(separator: "\n\n"))
        #expect(d.removed.isEmpty)
        #expect(d.spans(CleanCaptionsStage.structureLayer).filter { $0.label == "headline" }.count == 2)
        // With the picture's caption under the second copy, both copies stay too; the caption goes.
        let caption = "Ms Jo Lane at the ferry terminal on Monday. Photo: Harbour Trust"
        let withCaption = try forms.removed([h, h, caption, Self.body, Self.body2].joined(separator: "\n\n"))
        #expect(!withCaption.contains(h), "\(withCaption)")
        // With the picture's credit right under the second copy, the copies are the headline still: nothing stands above them.
        let credited = try forms.removed([h, h, "Photo: Harbour Trust", Self.body, Self.body2].joined(separator: "\n\n"))
        #expect(credited == ["Photo: Harbour Trust"], "\(credited)")
        // A captioned picture printed twice under each copy: the captions and their credits go, four times, and both copies of the headline stay.
        let title = "Harbour Trust Sets Out Plans for the Ferry Terminal"
        let portrait = "Chief Executive of the Harbour Trust and Ferry Board Jo Lane (Valley Journal)"
        let twice = try forms.removed([title, portrait, portrait, "TT", title, portrait, portrait, Self.body, Self.body2].joined(separator: "\n\n"))
        #expect(twice.filter { portrait.hasPrefix($0) }.count == 4 && twice.filter { $0 == "(Valley Journal)" }.count == 4 && !twice.contains(title), "\(twice)")
        // Under a site's tagline and an advertisement's mark, a title printed twice is the headline; under the headline, a
        // picture's caption printed twice is a caption.
        let tagged = try forms.removed(["Answers to all your questions here !", "- Advertisement -", title, title, Self.body, Self.body2].joined(separator: "\n\n"))
        #expect(!tagged.contains(title), "\(tagged)")
        let scene = "Crews at work on the ferry terminal roof on Monday morning"
        #expect(try forms.removed([title, scene, scene, Self.body, Self.body2].joined(separator: "\n\n")) == [scene, scene])
        // A copy wrapped across two lines, as a printed page sets its headline, is the headline printed twice too.
        let short = "Ferry fares rise at North Quay"
        let wrapped = try forms.removed([short, "Transcription", short.replacingOccurrences(of: "rise at", with: "rise\nat"), Self.body, Self.body2].joined(separator: "\n\n"))
        #expect(!wrapped.contains("Ferry fares rise\nat North Quay"), "\(wrapped)")
        // A comment form printed twice, its label over its prompt, is no headline printed twice.
        let form = try forms.removed(["Reply To:", "Name - Reply Comment", Self.body, Self.body2, "Reply To:", "Name - Reply Comment"].joined(separator: "\n\n"))
        #expect(form.filter { $0 == "Name - Reply Comment" }.count >= 1, "\(form)")
    }

    @Test("A page title `Headline - Outlet` over the headline itself goes whole; an outlet's name under the headline is a byline")
    func pageTitleAndOutletByline() throws {
        #expect(try removed("Council names new harbour master - Valley Journal", "Council names new harbour master", Self.body, Self.body2)
                == ["Council names new harbour master - Valley Journal"])
        let d = try forms.clean(["Council names new harbour master", "Staff Writer", "Valley Avalanche-Journal", Self.body, Self.body2].joined(separator: "\n\n"))
        #expect(d.removed.map(\.reason) == ["byline", "byline"])
    }

    @Test("Lists of other stories under their label go whole: items led by how long ago they were posted, with title and blurb; a picture's caption among them; `See All`")
    func labelledListsWhole() throws {
        let list = ["Latest Stories", "2 hours ago in Sport", "Harbour Rovers sign a new keeper", "The club paid a record fee for the goalkeeper, its manager said.",
                    "5 hours ago in Business", "Ferry firm posts a loss", "Fuel costs cut into the ferry firm's profit for a second year running."]
        #expect(try forms.removed(forms.join(["Bridge to close for repairs", Self.body, Self.body2] + list)) == list)
        // Under a stamp, three paragraphs running on are the text's, not an item's title and blurb.
        let r = try forms.removed(forms.join(["Bridge to close for repairs", Self.body, "Latest Stories", "2 hours ago", Self.body2, Self.body, Self.body2 + " More to come."]))
        #expect(!r.contains(Self.body2) && !r.contains(Self.body), "\(r)")
        let recent = ["Recent Posts", "See All", "Water Utilities Report More Attacks on Their Networks"]
        #expect(try forms.removed(forms.join(["Bridge to close for repairs", Self.body, Self.body2] + recent)) == recent)
        let other = try forms.removed(forms.join(["Bridge to close for repairs", Self.body, Self.body2, "Other news",
                                     "FILE – The governor speaks at the capitol on May 7. (Jo Lane/Pool Photo via AP, File)",
                                     "Lawmakers advance plan to shield the governor's travel records"]))
        #expect(other.contains("Other news") && other.contains("Lawmakers advance plan to shield the governor's travel records"), "\(other)")
    }

    @Test("Below a text closing with a wire agency's tag, cut-off teasers go even when they quote and say when; a next story's title-case headline closing the page goes")
    func trailingTeasersAfterWireTag() throws {
        let last = "The two injured officers are being treated in hospital, the coach added. (PNA)"
        let teasers = ["Harbour police delayed alerting the crime unit, enabling…", "Ferry board says it will \"go dark\" on Sunday unless fares rise…",
                       "Island school closed for a week after the storm hits the north"]
        let r = try forms.removed(forms.join(["Bridge to close for repairs", Self.body, Self.body2, last] + teasers))
        #expect(r == teasers, "\(r)")
        let next = "Minister, Island Envoy Discuss Ferry Fares, Bridge Repairs and Port Dues"
        #expect(try forms.removed(forms.join(["Bridge to close for repairs", Self.body, Self.body2, next])) == [next])
        // A subhead in title case between the text's paragraphs stays.
        #expect(try forms.removed(forms.join(["Bridge to close for repairs", Self.body, "Ferry Board Sets Out Its Plans for the Coming Year", Self.body2])).isEmpty)
    }

    @Test("Other stories' headlines below the text go, over a widget's counters, two in a row, or one cut off; a list the text introduces stays")
    func trailingTeasers() throws {
        #expect(try removed("Council votes to close the harbour bridge", Self.body, Self.body2, "Harbour board names new chair", "$", "0")
                == ["Harbour board names new chair", "$", "0"])
        #expect(try removed("Council votes to close the harbour bridge", Self.body, Self.body2, "Ferry fares to rise in the new year",
                            "Fare rise angers island commuters") == ["Ferry fares to rise in the new year", "Fare rise angers island commuters"])
        #expect(try removed("Council votes to close the harbour bridge", Self.body, Self.body2, "Province Sets Out Plan for At-home Learning, Guidance for Shops",
                            "Water board is taking extra steps to help those facing hardship")
                == ["Province Sets Out Plan for At-home Learning, Guidance for Shops", "Water board is taking extra steps to help those facing hardship"])
        #expect(try removed("Council votes to close the harbour bridge", Self.body, "The award went to:", "Jane Roe, Tom Lee and Mia Chen Smith Jones",
                            "Peter Brown and Ana Ruiz Gomez Diaz").isEmpty)
        #expect(try removed("Council votes to close the harbour bridge", Self.body, Self.body2, "The new electric hatchback from the maker is the most")
                == ["The new electric hatchback from the maker is the most"])
        #expect(try removed("Council votes to close the harbour bridge", Self.body, "The new fares are:", "Adults pay four dollars a trip",
                            "Children ride free on weekends").isEmpty)
        #expect(try removed("Council votes to close the harbour bridge", Self.body, Self.body2, "Ferry fares will rise in the new year.").isEmpty)
    }

    @Test("A teaser cut off with `...` between body paragraphs goes; the text trailing off, or a paragraph the page cut, stays")
    func ellipsisTeasers() throws {
        #expect(try removed("Council votes to close the harbour bridge", Self.body, "Minister calls for talks to end the port strike bef...", Self.body2)
                == ["Minister calls for talks to end the port strike bef..."])
        #expect(try removed("Council votes to close the harbour bridge", Self.body, "He said he would wait and see what the board decided...", Self.body2).isEmpty)
        let cut = "The shares fell more than three per cent yesterday as the weak results overshadowed the long-awaited start of the buyback, in…"
        #expect(try removed("Council votes to close the harbour bridge", Self.body, Self.body2, cut, "Leave a Comment") == ["Leave a Comment"])
    }

    @Test("A press release's end marker and the sign-off under it go")
    func releaseSignOff() throws {
        let d = try forms.clean(["Council votes to close the harbour bridge", Self.body, Self.body2, "ENDS", "Jo Lane/Harbour Police"].joined(separator: "\n\n"))
        #expect(d.removed.map { d.originalSubstring($0.start..<$0.end) } == ["ENDS", "Jo Lane/Harbour Police"])
        #expect(d.removed.map(\.reason) == ["chrome", "byline"], "\(d.removed.map(\.rule))")
    }

    @Test("Above the headline, the masthead's lines go: the site's name, a date or issue line, a bar of links, a line printed twice, glued links")
    func mastheadLines() throws {
        let top = ["Tidewater Courier Logo", "Tuesday,9 March, 2027", "Issue 412, (3 - 9 March 2027))", "/ Home / Local", "The Tidewater App",
                   "The Tidewater App", "Get it on the StoreGet it on the PlayShop LocalJobs"]
        #expect(try forms.removed(forms.join(top + ["Ferry fares rise in June", "By Anika Sorensen", Self.body, Self.body2])) == top + ["By Anika Sorensen"])
        // With no cue, a line over the headline stays (it may be the headline over its standfirst), and so do the text's
        // short paragraphs, a lead-in with its list, a one-line quotation and a subhead.
        let kept = ["Ferry fares rise in June", "Island commuters will pay a tenth more from the first of the month as fuel costs climb",
                    Self.body, "It was a short meeting.", "The new fares are:", "Adults pay four dollars a trip", "Children ride free on weekends",
                    "“We had no choice,” she said.", "What happens next", Self.body2]
        #expect(try forms.removed(forms.join(kept)).isEmpty)
        // A title in capitals, printed once or twice, over a standfirst with no full stop stays.
        #expect(try forms.removed(forms.join(["Harbour Works Begin Today", "Island commuters will pay more from June", Self.body, Self.body2])).isEmpty)
        #expect(try forms.removed(forms.join(["Ferry Fares Rise Again", "Ferry Fares Rise Again", "Commuters face a tenth more", Self.body, Self.body2])).isEmpty)
        // Over a bar of links or the site's section names, any line is the masthead's (a logo's alt text, a tagline); the
        // site's greeting goes wherever it stands above the headline, and a headline that asks stays the headline.
        #expect(try forms.removed(forms.join(["Find the news of your valley", "HomeNewsSportLive Scores", "Ferry fares rise in June", Self.body, Self.body2]))
                == ["Find the news of your valley", "HomeNewsSportLive Scores"])
        #expect(try forms.removed(forms.join(["Welcome to the Tidewater Courier", "Should the Ferry Board Have Raised Its Fares Again?", Self.body, Self.body2]))
                == ["Welcome to the Tidewater Courier"])
        // Under a breadcrumb (`Home » Metro » Transport`), the line a caption's form suggests is the headline, and a label
        // of related stories over the breadcrumb takes neither with it.
        let crumbs = try forms.removed(forms.join(["View shopping cart", "Free for subscribers", "Related News", "Home » Metro » Transport",
                                                   "Appeal on ferry fares", Self.body, Self.body2]))
        #expect(!crumbs.contains("Appeal on ferry fares") && crumbs.contains("Home » Metro » Transport"), "\(crumbs)")
        // Stamps under the headline are no masthead: the headline over them stays.
        #expect(try forms.removed(forms.join(["Ferry fares rise in June", "Posted June 3, 2027 2:08 pm", "1 min read", Self.body, Self.body2]))
                == ["Posted June 3, 2027 2:08 pm", "1 min read"])
    }

    @Test("A list under a section label above the headline goes with the label, up to the headline; a headline printed twice stays, both copies")
    func listsUnderLabels() throws {
        let list = ["Upcoming Events", "Harbour Lantern Walk", "Sat, 4 May 2027 18:00:00 UTC @ Old Pier - The walk starts at the pier and ends at the lighthouse after dark. Bring a lant... More Info",
                    "BREAKING", "Mayor opens the new library in the east end", "Storm closes the coast road for a second day"]
        #expect(try forms.removed(forms.join(list + ["Council approves higher ferry fares for island routes", Self.body, Self.body2])) == list)
        // One line under the label, over a standfirst with no full stop, may be the headline: it stays.
        #expect(try forms.removed(forms.join(["BREAKING", "Mayor opens the new library", "The east end gets its first branch in forty years",
                                             Self.body, Self.body2])) == ["BREAKING"])
        // The headline printed twice, a lead with a colon, with the site's name and a byline between the copies.
        let title = "Harbour Watch: thefts, rescues and more"
        let r = try forms.removed(forms.join(["The Tidewater App", title, "Anika Sorensen", "2 hours ago", title, Self.body, Self.body2]))
        #expect(!r.contains(title), "\(r)")
    }

    @Test("A caption glued to its own copy (alt text against it) goes with its single copy; a paragraph of the text printed twice stays")
    func gluedCaptionCopies() throws {
        let caption = "Divers are searching the harbour. (Coast Guard)."
        #expect(try forms.removed(forms.join(["Council approves higher ferry fares for island routes", Self.body, caption + caption, caption, Self.body2]))
                == [caption + caption, caption])
        #expect(try forms.removed(forms.join(["Council approves higher ferry fares for island routes", Self.body, "It was a short meeting.",
                                             "It was a short meeting.", Self.body2])).isEmpty)
        // A chant the text gives twice, with a space between, stays.
        #expect(try forms.removed(forms.join(["Council approves higher ferry fares for island routes", Self.body, "No fare rise, no ferry vote! No fare rise, no ferry vote!",
                                             Self.body2])).isEmpty)
    }

    @Test("The line under an author label is the byline; under a `Read More` label below the text, the headline it links to goes")
    func authorLabelAndReadMore() throws {
        let r = try forms.removed(forms.join(["Council approves higher ferry fares for island routes", "Author(s)", "Anika Sorensen, Harbour Post",
                                             Self.body, Self.body2]))
        #expect(r.contains("Anika Sorensen, Harbour Post"), "\(r)")
        // A name and an outlet with no label above it, in the text, stays.
        #expect(try forms.removed(forms.join(["Council approves higher ferry fares for island routes", Self.body, "Thanks to:",
                                             "Anika Sorensen, Harbour Post", Self.body2])).isEmpty)
        #expect(try forms.removed(forms.join(["Council approves higher ferry fares for island routes", Self.body, "Read More",
                                             "New bakery opens on the quay in time for summer", Self.body2]))
                == ["Read More", "New bakery opens on the quay in time for summer"])
        // A short subhead of the text under a `Read more` link stays.
        #expect(try forms.removed(forms.join(["Council approves higher ferry fares for island routes", Self.body, "Read more",
                                             "What happens next", Self.body2])) == ["Read more"])
    }

    @Test("A caption printed twice under two kickers in capitals goes, and so does a copy of the headline's opening closing in single quotes")
    func kickerCaptionsAndQuotedCopies() throws {
        let text = "A harbour official said the crews would clear the road before the weekend."
        let r = try forms.removed(forms.join(["Council approves higher ferry fares for island routes", Self.body, "HIGH WATER. " + text, "CLEAR THE ROAD! " + text, Self.body2]))
        #expect(r == ["HIGH WATER. " + text, "CLEAR THE ROAD! " + text])
        // One kicker alone, an all-capitals opening of the text, and a place in capitals stay.
        #expect(try forms.removed(forms.join(["Council approves higher ferry fares for island routes", "HIGH WATER. " + text, Self.body,
                                             "PEOPLE have been urged to keep off the road.", "SEAVIEW. The ferry will stop at the old pier.", Self.body2])).isEmpty)
        let copy = "Over 40 Moved in ‘Harbour Ops’"
        #expect(try forms.removed(forms.join([copy + " at Seaview", copy, copy, Self.body, Self.body2])) == [copy, copy])
    }

    @Test("On a feed page, the next story under a copyright line or a `Continue reading` link goes; a copyright line above the text takes nothing")
    func nextItemOfAFeed() throws {
        let next = ["Lighthouse keeper retires after forty years", "By Jo Lane", "Mia Chen was the last keeper of the light, and she left it on Friday with a party on the pier."]
        let head = ["Council approves higher ferry fares for island routes", Self.body, Self.body2]
        #expect(try forms.removed(forms.join(head + ["Copyright © 2027, Lakeside Radio. All rights reserved."] + next))
                == ["Copyright © 2027, Lakeside Radio. All rights reserved."] + next)
        #expect(try forms.removed(forms.join(head + ["Continue reading Council approves higher ferry fares for island routes"] + next))
                == ["Continue reading Council approves higher ferry fares for island routes"] + next)
        // A picture's copyright line between the text's paragraphs takes nothing with it.
        let credit = "© 2027 Jo Lane. All rights reserved."
        #expect(try forms.removed(forms.join(head + [credit, Self.body, Self.body2, Self.body, Self.body2, "It was a short meeting."])) == [credit])
        // Above the text, the line takes nothing with it; nor does a sentence that opens with `Continue reading`.
        #expect(try forms.removed(forms.join(["Copyright © 2027, Lakeside Radio. All rights reserved."] + head)) == ["Copyright © 2027, Lakeside Radio. All rights reserved."])
        #expect(try forms.removed(forms.join(head + ["Continue reading the notice before you sign, the board told owners.", Self.body])).isEmpty)
    }

    @Test("Under an author box's name, the author's bio closing with an e-mail address goes; a paragraph of the text closing with one stays")
    func authorBio() throws {
        let bio = "Studied at Seaview College from 2009 to 2012 and holds a diploma in radio. Hobbies: sailing, chess. Email: desk@tidewater.example"
        let head = ["Council approves higher ferry fares for island routes", Self.body, Self.body2]
        let r = try forms.removed(forms.join(head + ["Anika Sorensen", "Anika Sorensen", bio]))
        #expect(r.contains(bio), "\(r)")
        #expect(try forms.removed(forms.join(head + ["Anika Sorensen", "Readers with questions about the new fares can write to the ferry board at fares@board.example",
                                                     "It was a short meeting.", Self.body, Self.body2])).isEmpty)
    }

    @Test("A byline with no `By` in the page's header goes: a name alone under the headline or over the text, names with a staff title and `&`, a desk title with the outlet, place and date; a short headline and a name in the text stay")
    func headerBylines() throws {
        let head = "Bridge to close for repairs"
        #expect(try forms.removed(forms.join(head, "Mara Quint", Self.body, Self.body2)) == ["Mara Quint"])
        #expect(try forms.removed(forms.join(head, "The old bridge at dusk. Photo: Lee Park", "Mara Quint", Self.body, Self.body2))
                == ["The old bridge at dusk.", "Photo: Lee Park", "Mara Quint"])
        #expect(try forms.removed(forms.join("Tomas Reyl Political Editor & Ines Varga", head, Self.body, Self.body2)) == ["Tomas Reyl Political Editor & Ines Varga"])
        #expect(try forms.removed(forms.join(head, "Staff Correspondent, Valley Post  Port Ria, March 4, 2021", Self.body, Self.body2))
                == ["Staff Correspondent, Valley Post  Port Ria, March 4, 2021"])
        for byline in ["Mara Quint & Olek Brand", "Mara Quint and Olek Brand", "Mara Quint, Valley Post", "Mara Quint | March 4, 2021", "Mara Quint @mquint"] {
            #expect(try forms.removed(forms.join(head, byline, Self.body, Self.body2)) == [byline], "\(byline)")
        }
        #expect(try forms.removed(forms.join(head, "Mara Quint joins the harbour board", Self.body, Self.body2)).isEmpty)
        // A headline of three words is the headline; a name between the text's paragraphs is the text's.
        #expect(try forms.removed(forms.join("Bridge Repairs Delayed", Self.body, Self.body2)).isEmpty)
        #expect(try forms.removed(forms.join("Home", "Bridge Repairs Delayed", Self.body, Self.body2)) == ["Home"])
        #expect(try forms.removed(forms.join(head, Self.body, "Mara Quint", Self.body2)).isEmpty)
        #expect(try forms.removed(forms.join(head, Self.body, "Local Editor And Harbour Staff", Self.body2)).isEmpty)
    }

    @Test("A caption over a gallery's counter and its credit goes; a short line printed twice between the headline and the text goes as a picture's alt text and caption; a short paragraph of the text printed twice stays")
    func captionsPastCountersAndTwice() throws {
        let head = "Bridge to close for repairs"
        #expect(try forms.removed(forms.join(head, Self.body, "Crews clear the road after the crash", "2", "Credit: Jo Lane", Self.body2))
                == ["Crews clear the road after the crash", "2", "Credit: Jo Lane"])
        #expect(try forms.removed(forms.join(head, "Road works.", "Road works.", Self.body, Self.body2)) == ["Road works.", "Road works."])
        #expect(try forms.removed(forms.join(head, Self.body, "He declined to comment.", "He declined to comment.", Self.body2)).isEmpty)
        #expect(try forms.removed(forms.join(head, Self.body, "Crews clear the road after the crash", Self.body2)).isEmpty)
    }

    @Test("Outside the text of a page in Latin letters, a short line in another script goes; inside the text, or on a page in that script, it stays")
    func otherScriptLines() throws {
        let head = "Bridge to close for repairs"
        #expect(try forms.removed(forms.join("이 페이지 공유", head, Self.body, Self.body2)) == ["이 페이지 공유"])
        #expect(try forms.removed(forms.join(head, Self.body, Self.body2, "Ελληνικά Русский")) == ["Ελληνικά Русский"])
        #expect(try forms.removed(forms.join(head, Self.body, "河流与桥梁", Self.body2)).isEmpty)
        let korean = "시의회는 화요일에 다리 보수 공사가 삼 주 동안 계속될 것이라고 밝혔으며, 버스가 먼저 다시 다닐 수 있도록 도로를 열겠다고 덧붙였다. 주민들은 우회로 때문에 병원까지 가는 시간이 삼십 분 늘었다고 말했다."
        #expect(try forms.removed(forms.join("다리 보수 공사", korean, korean)).isEmpty)
    }

    @Test("Over the masthead's lines, an app's promotion in short sentences goes; a short sentence right over the headline stays")
    func appPromotion() throws {
        let head = "Bridge to close for repairs"
        #expect(try forms.removed(forms.join("All the town's stories in one place.", "One app.", "Home | News | Sport", head, Self.body, Self.body2))
                == ["All the town's stories in one place.", "One app.", "Home | News | Sport"])
        #expect(try forms.removed(forms.join("The vote is on Friday.", head, Self.body, Self.body2)).isEmpty)
    }

    @Test("On a page whose end lists other stories' headlines, a headline of the same form alone between the text's paragraphs goes; with no such list, or a short subhead, it stays")
    func inlineTeaserOnTeaserPage() throws {
        let head = "Bridge to close for repairs"
        let teaser = "Ferry operator fined after passengers stranded on island for two nights"
        let list = ["More Stories", "Harbour museum reopens its doors after a long refit", "School bus routes change as road works begin"]
        #expect(try forms.removed(forms.join([head, Self.body, teaser, Self.body2, Self.body] + list)) == [teaser] + list)
        #expect(try forms.removed(forms.join(head, Self.body, teaser, Self.body2, Self.body)).isEmpty)
        #expect(try forms.removed(forms.join([head, Self.body, "What the works mean", Self.body2, Self.body] + list)) == list)
    }

    @Test("Under the headline, a stamp whose parts a bullet or a middle dot sets apart goes, and a byline with its date or reading time after such a mark")
    func stampsWithMarks() throws {
        let head = "Bridge to close for repairs"
        for line in ["4 June 2025 • 3 min read", "June 4, 2025 · 6 min read", "Mara Quint • June 4, 2025", "Mara Quint · 3 min read"] {
            #expect(try forms.removed(forms.join(head, line, Self.body, Self.body2)) == [line], "\(line)")
        }
    }

    @Test("Inside the text, a line of one sentence printed twice, one copy right over the other, is a picture's caption; a short paragraph printed once, a quotation printed twice, or a doubled line that reports speech or opens with a pronoun stays")
    func sentencePrintedTwiceInsideTheText() throws {
        let head = "Bridge to close for repairs"
        let caption = "Crews lift a steel beam onto the old span on Monday."
        #expect(try forms.removed(forms.join(head, Self.body, caption, caption, Self.body2)) == [caption, caption])
        #expect(try forms.removed(forms.join(head, Self.body, caption, Self.body2)) == [])
        let quote = "\u{201C}We will not wait another year for this bridge.\u{201D}"
        #expect(try forms.removed(forms.join(head, Self.body, quote, quote, Self.body2)) == [])
        // A paste that doubles a line of the text: it reports speech, or opens with a pronoun.
        for line in ["The engineer said the beam had passed its tests.", "It was the third closure this year."] {
            #expect(try forms.removed(forms.join(head, Self.body, line, line, Self.body2)) == [], "\(line)")
        }
    }

    @Test("Other stories' headlines in title case listed at the page's end, three or more with no label, go; a list the text introduces with a colon, or subheads with text under them, stay")
    func titleRunAtThePageEnd() throws {
        let head = "Bridge to close for repairs"
        let list = ["Harbour Museum Reopens Its Doors After A Long Refit", "School Bus Routes Change As Road Works Begin",
                    "Mayor Says Parking Fees Will Not Rise 'For Now'", "Night Ferry Returns To The Island Timetable"]
        #expect(try forms.removed(forms.join([head, Self.body, Self.body2] + list)) == list)
        // Introduced by the text with a colon: the text's own list.
        let introduced = try forms.removed(forms.join([head, Self.body, "The council named the works it will fund next year:"] + list))
        #expect(list.prefix(3).allSatisfy { !introduced.contains($0) })
        // Two alone are not enough to tell; lines with text under them are subheads.
        #expect(try forms.removed(forms.join([head, Self.body, Self.body2] + Array(list.prefix(2)))).isEmpty)
        #expect(try forms.removed(forms.join(head, Self.body, list[0], Self.body2, list[1], Self.body, list[3], Self.body2)).isEmpty)
    }

    @Test("An embedded tweet's text goes with its closing line: the line over it holding a handle, the lines under it down to its picture link; the text's paragraphs around it stay")
    func embeddedTweetText() throws {
        let head = "Bridge to close for repairs"
        let over = "@harbourcouncil says the bridge is safe. Is it? Here is what the report says:"
        let closing = "\u{2014} Mara Quint (@maraquint) May 3, 2024"
        let item = "1) The beams were last checked in 2019."
        let pic = "2) The contractor was paid twice for the same work\u{2026} pic.twitter.com/Ab12Cd34Ef"
        #expect(try forms.removed(forms.join(head, Self.body, over, closing, item, pic, Self.body2)) == [over, closing, item, pic])
        // A paragraph of the text over the closing line, with no handle or link, stays; so do lines under it with no picture link.
        #expect(try forms.removed(forms.join(head, Self.body, "The councillor posted his doubts on Tuesday.", closing, item, Self.body2))
            == [closing])
    }

    @Test("A picture's caption printed again under itself with the photographer's name in capitals after it goes with it; a paragraph of the text that opens with the caption's words and goes on stays")
    func captionCopyWithCreditInCapitals() throws {
        let head = "Bridge to close for repairs"
        let caption = "Jo Lane (left) next to the mayor during a ferry rally at the harbour in May"
        let copy = caption + ". MARA QUINT"
        let r = try forms.removed(forms.join(head, caption, copy, Self.body, Self.body2))
        #expect(r == [caption, copy])
        let text = caption + ". The works will end in June, the council said."
        #expect(!(try forms.removed(forms.join(head, caption, text, Self.body, Self.body2))).contains(text))
    }
}
