@testable import CleanCaptionsFeatures
@testable import CleanCaptionsRoles
@testable import CleanCaptionsStage
import Foundation
import LedeCore
import Testing

/// Classes of page lines that outlets nobody imitated print around their articles: captions and credits above the
/// headline, bylines with the outlet after a slash or a desk before a bar, breadcrumbs with no separators, weather
/// widgets, contact blocks, standfirsts and captions printed twice, datelines with a colon. Each goes as a class, and
/// the text around it stays. Every line here is written for the test.
struct PageClassTests {
    static let body = PierPage.body
    static let body2 = PierPage.body2
    static let body3 = PierPage.body3

    func clean(_ text: String) throws -> Document { try PierPage.clean(text: text) }

    func removed(_ lines: [String]) throws -> [String] { try PierPage.removed(lines) }

    func headlines(_ lines: [String]) throws -> [String] {
        let d = try clean(lines.joined(separator: "\n\n"))
        return d.spans(CleanCaptionsStage.structureLayer).filter { $0.label == "headline" }.map { d.substring($0.range) }
    }

    @Test("A caption and its credit above the headline go; the headline stays, and a headline over a credit with no caption stays")
    func captionPairAboveHeadline() throws {
        let headline = "New pier to open in the spring"
        for caption in ["Divers check the pylons of the old pier on Sunday.", "A crane lifts the first span into place on Monday"] {
            let lines = [caption, "PHOTO: MINA TAVAKE", headline, Self.body, Self.body2]
            #expect(try removed(lines) == [caption, "PHOTO: MINA TAVAKE"])
            #expect(try headlines(lines) == [headline])
        }
        // A headline over a credit with the text under it stays the headline.
        #expect(try removed([headline, "PHOTO: MINA TAVAKE", Self.body, Self.body2]) == ["PHOTO: MINA TAVAKE"])
    }

    @Test("A caption under its credit line, right under the headline and over the byline, goes; the text's first paragraph under a credit stays")
    func captionUnderCredit() throws {
        let caption = "Several boats were pulled up on the beach before the storm."
        #expect(try removed(["Storm shuts the harbour", "Photo: Mina Tavake/Coast Post", caption, "By Tevita Lolo", Self.body, Self.body2])
                == ["Photo: Mina Tavake/Coast Post", caption, "By Tevita Lolo"])
        #expect(try removed(["Storm shuts the harbour", "Photo: Mina Tavake/Coast Post", Self.body, Self.body2, Self.body3])
                == ["Photo: Mina Tavake/Coast Post"])
    }

    @Test("A caption holding a scare quote, printed twice apart, goes twice; a quotation printed twice apart stays")
    func scareQuoteCaptionTwice() throws {
        let caption = "Volunteers at work during the \"clean harbour\" day on Saturday"
        let lines = ["Volunteers clear the harbour", caption, Self.body, Self.body2, caption, Self.body3]
        #expect(try removed(lines) == [caption, caption])
        let quote = "\"We will not wait another year for this pier,\" a fisherman told the board on Saturday"
        #expect(try removed(["Volunteers clear the harbour", quote, Self.body, Self.body2, quote, Self.body3]).isEmpty)
    }

    @Test("A breadcrumb with no separators goes, on one line or stacked; a headline or a sentence opening with Home stays")
    func bareBreadcrumb() throws {
        for crumb in ["Home News Local", "HOME NEWS NATION", "Home\nSport\nFootball", "Home Business Markets Latest"] {
            #expect(try removed(["Site of the Coast", crumb, "New pier to open in the spring", Self.body, Self.body2]) == [crumb], "\(crumb)")
        }
        for line in ["Home Sales Slow in the Valley", "Home Affairs officials visited the pier on Monday."] {
            #expect(try !removed([line, Self.body, Self.body2]).contains(line), "\(line)")
        }
    }

    @Test("A byline naming the outlet after a slash goes; a sentence opening with By stays")
    func bylineWithOutlet() throws {
        for byline in ["By: Sefa Lolo/coastpost.example/Tonga", "By Sefa Lolo/Coast Post, Nuku'alofa", "BY SEFA LOLO/COAST POST"] {
            #expect(try removed(["New pier to open in the spring", byline, Self.body, Self.body2]) == [byline], "\(byline)")
        }
        let sentence = "By Monday/Tuesday the board will have chosen a builder for the pier."
        #expect(try removed(["New pier to open in the spring", Self.body, sentence, Self.body2]).isEmpty)
    }

    @Test("A desk's byline before a bar goes, with a date after it or nothing")
    func deskBylineWithBar() throws {
        for byline in ["News Desk |", "Web Desk | 4 May 2025", "Staff Reporter | Updated: 4 May 2025, 09:10", "Our Correspondent |"] {
            #expect(try removed(["New pier to open in the spring", byline, Self.body, Self.body2]) == [byline], "\(byline)")
        }
        #expect(try removed(["New pier to open in the spring", Self.body, "The desk | a table, really | stood by the door.", Self.body2]).isEmpty)
    }

    @Test("A press release's postal line goes with its telephone and address at the foot; a sentence giving a box number stays")
    func contactBlock() throws {
        let foot = ["P.O. Box 77, Neiafu", "Tel: (676) 555-0100", "Email: pier@coastboard.example"]
        #expect(try removed(["New pier to open in the spring", Self.body, Self.body2] + foot) == foot)
        let sentence = "Letters may be sent to P.O. Box 77 in Neiafu before the end of the month."
        #expect(try removed(["New pier to open in the spring", Self.body, sentence, Self.body2]).isEmpty)
    }

    @Test("A standfirst printed twice, around the byline and the place, stays twice, and the headline above it stays")
    func standfirstTwice() throws {
        let headline = "Board to charge boats for the new pier"
        let standfirst = "Owners of larger boats will pay twice as much as others"
        let lines = [headline, standfirst, "Sefa Lolo", "Neiafu | 4 May 2025", standfirst, Self.body, Self.body2]
        let gone = try removed(lines)
        #expect(!gone.contains(headline) && !gone.contains(standfirst), "\(gone)")
        #expect(gone.contains("Sefa Lolo"), "\(gone)")
        #expect(try headlines(lines) == [headline])
        // A headline printed twice is still the headline twice.
        #expect(try removed([headline, headline, Self.body, Self.body2]).isEmpty)
    }

    @Test("A weather widget's line goes; a sentence giving the temperature stays")
    func weatherWidget() throws {
        for widget in ["27°C Light rain", "Neiafu 29° / 22°", "31°C", "Port Ria, 18°C Sunny"] {
            #expect(try removed(["New pier to open in the spring", Self.body, Self.body2, widget]) == [widget], "\(widget)")
        }
        #expect(try removed(["New pier to open in the spring", Self.body, "It was 34°C on the pier by noon.", Self.body2]).isEmpty)
    }

    @Test("A headline glued to the text's first line is the headline, and the section word above it goes")
    func headlineGlued() throws {
        let text = ["News", "Pier opening delayed again\nThe board said on Tuesday that the new pier would open in the spring, a year later than planned.",
                    Self.body2, Self.body3].joined(separator: "\n\n")
        let d = try clean(text)
        #expect(d.removed.map { d.originalSubstring($0.start..<$0.end) } == ["News"])
        #expect(d.spans(CleanCaptionsStage.structureLayer).contains { $0.label == "headline" && d.substring($0.range) == "Pier opening delayed again" })
    }

    @Test("A dateline in capitals with a colon is the dateline and its text stays; a label in capitals with a colon is no dateline")
    func colonDateline() throws {
        for (line, place) in [("NEIAFU: Police have detained a man over the theft of two outboard motors.", "NEIAFU"),
                              ("PORT RIA:Fishermen returned to the harbour on Monday.", "PORT RIA")] {
            let d = try clean(["Two held over stolen motors", line, Self.body2].joined(separator: "\n\n"))
            #expect(d.removed.isEmpty, "\(line)")
            #expect(d.spans(CleanCaptionsStage.structureLayer).contains { $0.label == "dateline" && $0.attributes["place"] == .string(place) }, "\(line)")
        }
        var text = "UPDATE: Police have detained a second man."
        let label = text.withUTF8 { b in Dateline(b, 0..<b.count) }
        #expect(label == nil)
        text = "WATCH: Crews lift the span"
        #expect(text.withUTF8 { b in Dateline(b, 0..<b.count) } == nil)
    }

    @Test("Text-size buttons and a prompt to follow the site's channel go")
    func buttonsAndFollowPrompt() throws {
        for line in ["-A A +A", "A- A A+", "Follow us on our official Telegram channel for the latest news"] {
            #expect(try removed(["New pier to open in the spring", Self.body, Self.body2, line]) == [line], "\(line)")
        }
    }

    @Test("A headline labelled with a bar stays at the top, over a name and its staff title, which go; the same line between paragraphs is a video's teaser")
    func labelledHeadline() throws {
        let headline = "WATCH | Boats return to the harbour after the storm"
        let lines = [headline, "Mere Tonga", "Senior reporter", Self.body, Self.body2]
        #expect(try removed(lines) == ["Mere Tonga", "Senior reporter"])
        #expect(try headlines(lines) == [headline])
        #expect(try removed(["New pier to open in the spring", Self.body, headline, Self.body2, Self.body3]) == [headline])
    }

    @Test("The site's affiliate notice, an advertisement's buttons and two temperatures glued go")
    func affiliateAdsAndGluedTemperatures() throws {
        let notice = "This story contains affiliate links, and the site may earn a fee when readers buy through them."
        for line in [notice, "Hide Ad Hide Ad", "Ad Feedback", "32°C25°C"] {
            #expect(try removed(["New pier to open in the spring", Self.body, Self.body2, line, Self.body3]) == [line], "\(line)")
        }
        #expect(try removed(["New pier to open in the spring", Self.body, "The club and its affiliate links with schools will grow.", Self.body2]).isEmpty)
    }

    @Test("A note on who funded the story goes, as a label or a sentence; a sentence on what a fund paid for stays")
    func fundingNotice() throws {
        for line in ["Harbour Reporting is public interest journalism funded by the Coast Trust.", "Coast Trust funded content",
                     "This story was funded by the Coast Trust.",
                     "Mere Tonga is a Coast Reporting Initiative reporter with the Coast Post. The Coast Reporting Initiative is funded by the Coast Trust."] {
            #expect(try removed(["New pier to open in the spring", Self.body, Self.body2, line]) == [line], "\(line)")
        }
        #expect(try removed(["New pier to open in the spring", Self.body, "The pier was funded by the Coast Trust and the board.", Self.body2]).isEmpty)
        #expect(try removed(["New pier to open in the spring", Self.body, "The school lunch programme is funded by the Coast Trust.", Self.body2]).isEmpty)
    }

    @Test("A headline printed twice under a site's short tagline and a funding label stays twice, a headline")
    func headlineTwiceUnderTagline() throws {
        let headline = "Board delays the pier by a year"
        let lines = ["Coast News", "Everything Coast Side", "Coast Trust funded content", headline, headline, "4 May 2025, 7:00 PM", Self.body, Self.body2]
        let gone = try removed(lines)
        #expect(!gone.contains(headline) && gone.contains("Coast Trust funded content"), "\(gone)")
        #expect(try headlines(lines).filter { $0 == headline }.count == 2)
    }

    @Test("A line saying only when the story was posted goes; a paragraph opening with the same word stays")
    func relativeDay() throws {
        for line in ["Yesterday", "Today", "Just now"] {
            #expect(try removed(["New pier to open in the spring", line, Self.body, Self.body2]) == [line], "\(line)")
        }
        #expect(try removed(["New pier to open in the spring", "Today the board meets again.", Self.body, Self.body2]).isEmpty)
    }

    @Test("A short sentence under the headline, byline and date, right over a credit line, is the picture's caption and goes; a short first paragraph with no credit under it, or a standfirst's length, stays")
    func captionOverCredit() throws {
        let headline = "New pier to open in the spring"
        for (caption, credit) in [("Harbour board chair Mere Tonga.", "Image: Coast Post"), ("A diver with one of the old pylons at the pier.", "Photo: Coast Post"),
                                  ("The board chair leads the meeting at the town hall on Friday.", "CP Photo")] {
            #expect(try removed([headline, "By Tevita Lolo", "May 4, 2025", caption, credit, Self.body, Self.body2])
                    == ["By Tevita Lolo", "May 4, 2025", caption, credit], "\(caption)")
        }
        // With no credit under it, the short line is the text's first paragraph.
        #expect(try removed([headline, "By Tevita Lolo", "The pier will open in May.", Self.body, Self.body2]) == ["By Tevita Lolo"])
        // A standfirst longer than a caption stays over a credit.
        let standfirst = "The board says the new pier will open next spring, a year late, after the storm in March damaged the half-built deck and pylons."
        #expect(try removed([headline, "By Tevita Lolo", standfirst, "Photo: Coast Post", Self.body, Self.body2]) == ["By Tevita Lolo", "Photo: Coast Post"])
    }

    @Test("A reader's comment under its header of name, bar and posting time goes with the header and its report link; the text under a byline of that form stays")
    func commentThread() throws {
        let headline = "New pier to open in the spring"
        let comment = "About time too, the old pier has been an eyesore for years."
        let lines = [headline, Self.body, Self.body2, Self.body3, "Readers' comments (1)", "Guest | 4-Jun-2012 8:05 pm", comment,
                     "Unsuitable or offensive? Report this comment"]
        #expect(try removed(lines) == ["Readers' comments (1)", "Guest | 4-Jun-2012 8:05 pm", comment, "Unsuitable or offensive? Report this comment"])
        // A byline of the same form under the headline: the text under it stays, however short.
        let short = "The pier will open in May."
        let gone = try removed([headline, "Mere Tonga | 4-Jun-2012 8:05 pm", short, "Share this article", Self.body])
        #expect(!gone.contains(short), "\(gone)")
    }

    @Test("A site's disclaimer of advice goes, naming the site by its address; a sentence of the text on advice stays")
    func adviceDisclaimer() throws {
        let notice = "harbourmarkets.example and its writers do not offer investment advice. Past performance is no guarantee of future returns."
        #expect(try removed(["New pier to open in the spring", Self.body, Self.body2, notice]) == [notice])
        #expect(try removed(["New pier to open in the spring", Self.body, "The board said its advisers do not offer investment advice to fishermen.", Self.body2]).isEmpty)
    }

    @Test("Below the text, a list of other stories' headlines whose short items go surely takes its longer items with it; the text stays")
    func headlineListBelowText() throws {
        let items = ["Ferry Fares Rise", "Harbour Board Posts Record Profit", "Port Weekly Report", "HBR - Interim result and dividend policy"]
        let gone = try removed(["New pier to open in the spring", Self.body, Self.body2, Self.body3, "No comments yet"] + items)
        #expect(gone == ["No comments yet"] + items)
    }

    @Test("A caption over its credit goes under a headline, a name alone and a date; a byline read as such only later does not hide it")
    func captionOverCreditUnderName() throws {
        let caption = "Harbour board chair Mere Tonga."
        #expect(try removed(["New pier to open in the spring", "Tevita Lolo", "Mon, 22 Aug 2022", caption, "(Image: Coast Post)", Self.body, Self.body2])
                == ["Tevita Lolo", "Mon, 22 Aug 2022", caption, "(Image: Coast Post)"])
    }

    @Test("A headline closing with a word in single quotes is the page's headline, and the short line over the text under its byline goes; the text stays")
    func headlineClosingWithScareQuote() throws {
        let headline = "Judge calls the delay to the pier an 'utter farce'"
        let lines = [headline, "4 May 2025 7:33 PM", "Reporter: Court Reporter", "Harbour Courthouse", Self.body, Self.body2]
        #expect(try headlines(lines) == [headline])
        #expect(try removed(lines) == ["4 May 2025 7:33 PM", "Reporter: Court Reporter", "Harbour Courthouse"])
    }

    @Test("A caption opening with a kicker in lowercase and a colon goes over its credit, between the text's paragraphs; a paragraph of the text over a credit stays")
    func lowercaseKickerCaption() throws {
        let caption = "on the water: Jo Lane and Mere Tonga pull clear of the pack at the regatta on Sunday. The pair won the cup by two lengths."
        let lines = ["Rowers return to the river", Self.body, caption, "Picture: Coast Post", Self.body2, Self.body3]
        #expect(try removed(lines) == [caption, "Picture: Coast Post"])
        let text = "Update: the board said on Tuesday that the pier would open in the spring, a year later than planned, after the storm."
        #expect(try removed(["Rowers return to the river", Self.body, text, "Picture: Coast Post", Self.body2, Self.body3]) == ["Picture: Coast Post"])
    }

    @Test("A site's notices around the text go: its republishing licence, its disowning of press releases, its acknowledgement of country, a paywall's counter; the text stays")
    func siteNotices() throws {
        let notices = ["© 2025 Coast Post. This article is licensed under a Creative Commons Attribution-NoDerivatives 4.0 International License.",
                       "Coast Post is not responsible for the content of press releases. Copyright © 2025 Coast Media Ltd.",
                       "Coast Post acknowledges the Traditional Owners of the land where we work, and pays its respects to Elders past and present."]
        for notice in notices {
            #expect(try removed(["New pier to open in the spring", Self.body, Self.body2, Self.body3, notice]) == [notice])
        }
        let counter = "You have 1 free article left this month. Become a member for unlimited access."
        #expect(try removed(["New pier to open in the spring", counter, Self.body, Self.body2, Self.body3]) == [counter])
    }

    @Test("A view counter, a link to the study and the site's bare domain go around the text; the text stays")
    func counterAndLinks() throws {
        let lines = ["coastpost.co.nz", "New pier to open in the spring", "1,204 total views today", Self.body, Self.body2, Self.body3,
                     "Original Study", "Comment on this story"]
        #expect(try removed(lines) == ["coastpost.co.nz", "1,204 total views today", "Original Study", "Comment on this story"])
        #expect(try headlines(lines) == ["New pier to open in the spring"])
    }

    @Test("A caption of a person speaking, under the date and over its credit line, goes as a caption even past 120 characters; the text stays")
    func speakingCaptionOverCredit() throws {
        let caption = "Harbour resident Mere Tonga speaking at a public meeting called by the Coast Fishers Association at the Old Mill Hall at the weekend."
        let lines = ["Fishers meet over the pier", "By Tevita Lolo", "14 May 2025", caption, "Photo: Tevita Lolo", Self.body, Self.body2, Self.body3]
        #expect(try removed(lines) == ["By Tevita Lolo", "14 May 2025", caption, "Photo: Tevita Lolo"])
        let text = "The board's chair, speaking at the meeting on Sunday, said the new pier would open in the spring."
        #expect(try removed(["Fishers meet over the pier", "By Tevita Lolo", Self.body, text, Self.body2, Self.body3]) == ["By Tevita Lolo"])
    }

    @Test("A section's name, one word alone under the menu and over a long headline, goes; the headline stays the headline")
    func sectionWordOverLongHeadline() throws {
        let headline = "Harbour board names a retired ferry captain as its new chair"
        let lines = ["COAST POST", "Home  News  Business  Sport  Health  Photos", "Business", headline, "By Tevita Lolo", Self.body, Self.body2, Self.body3]
        #expect(try removed(lines) == ["COAST POST", "Home  News  Business  Sport  Health  Photos", "Business", "By Tevita Lolo"])
        #expect(try headlines(lines) == [headline])
    }

    @Test("A date with its clock time under the standfirst goes as a stamp; the same line deep between the text's paragraphs stays a timeline's subhead")
    func postedStampUnderStandfirst() throws {
        let standfirst = "The board says the delay is due to the storm and to the cost of steel, which rose this year."
        let stamp = "4 May 2025, 07:33 pm"
        #expect(try removed(["New pier to open in the spring", standfirst, stamp, Self.body, Self.body2, Self.body3]) == [stamp])
        #expect(try removed(["New pier to open in the spring", standfirst, Self.body, Self.body2, stamp, Self.body3, Self.body]).isEmpty)
        // A name alone between the standfirst and the stamp is the byline.
        #expect(try removed(["New pier to open in the spring", standfirst, "Tevita Lolo", stamp, Self.body, Self.body2, Self.body3])
                == ["Tevita Lolo", stamp])
        // The site's name as its masthead printed it, between the standfirst and the date, is the outlet's byline.
        let gone = try removed(["Coast Post", "New pier to open in the spring", standfirst, "Coast Post", "4 May 2025", Self.body, Self.body2, Self.body3])
        #expect(Array(gone.prefix(2)) == ["Coast Post", "Coast Post"])
        #expect(!gone.contains(standfirst))
    }

    @Test("Inside the text, a short sentence of a picture over a photographer's name alone goes with it; a short sentence with no picture's verb over a name stays")
    func captionOverBareNameInsideText() throws {
        let caption = "Fishermen hold banners outside the board's office in Port Ria on Monday."
        let lines = ["New pier to open in the spring", Self.body, Self.body2, caption, "Sione Vake", Self.body3, Self.body]
        #expect(try removed(lines) == [caption, "Sione Vake"])
        let text = "The board then named its new members."
        #expect(try removed(["New pier to open in the spring", Self.body, Self.body2, text, "Sione Vake", Self.body3, Self.body]).isEmpty)
    }

    @Test("A one-sentence caption right over its credit line inside the text goes with it; a sentence of the text with no credit under it stays")
    func captionOverCreditInsideText() throws {
        let caption = "Crews lift the old pylons from the harbour bed at Port Ria."
        let lines = ["New pier to open in the spring", Self.body, Self.body2, caption, "Picture: Sione Vake", Self.body3, Self.body]
        #expect(try removed(lines) == [caption, "Picture: Sione Vake"])
        #expect(try removed(["New pier to open in the spring", Self.body, Self.body2, caption, Self.body3, Self.body]).isEmpty)
    }

    @Test("A scene with a participle right under the headline is the picture's alt text; the headline over it stays")
    func participleAltUnderHeadline() throws {
        let headline = "Fishermen criticise board over pier delay"
        let alt = "Fishermen mending nets"
        let lines = ["COAST POST", "Home | News | Sport | Contact", headline, alt, "By Tevita Lolo", Self.body, Self.body2, Self.body3]
        let gone = try removed(lines)
        #expect(gone.contains(alt))
        #expect(!gone.contains(headline))
        #expect(try headlines(lines) == [headline])
    }

    @Test("A site name over a menu spaced apart is the masthead; the headline under the menu stays")
    func mastheadOverSpacedMenu() throws {
        let headline = "Coast no longer in drought"
        let standfirst = "Rain since October means the region has left the drought list, the ministry said."
        let lines = ["Coast & Islands Weekly", "News  Sport  Community  Rural  Events", headline, standfirst, "By Tevita Lolo", Self.body, Self.body2, Self.body3]
        let gone = try removed(lines)
        #expect(gone.contains("Coast & Islands Weekly"))
        #expect(!gone.contains(headline))
        #expect(try headlines(lines) == [headline])
    }

    @Test("A masthead with a bar and a section's kicker over the headline go; the headline stays")
    func kickerUnderBarMasthead() throws {
        let headline = "Harbour board asks residents for views on the new pier"
        let lines = ["Coast FM | CFM", "News  Weather  Sport  Traffic  Contests", "Local News", headline, "by: Tevita Lolo", Self.body, Self.body2, Self.body3]
        #expect(try removed(lines) == ["Coast FM | CFM", "News  Weather  Sport  Traffic  Contests", "Local News", "by: Tevita Lolo"])
        #expect(try headlines(lines) == [headline])
    }

    @Test("The site's name again alone inside the text credits the picture over it; the line over it goes as the caption")
    func siteNameCreditInsideText() throws {
        let caption = "Boats at the old pier in Port Ria"
        let lines = ["Coast Post", "Home  News  Business  Sport  Health", "New pier to open in the spring", "By Tevita Lolo",
                     Self.body, Self.body2, caption, "Coast Post", Self.body3, Self.body]
        let gone = try removed(lines)
        #expect(gone.suffix(2) == [caption, "Coast Post"])
        #expect(!gone.contains(Self.body3))
    }

    @Test("A short headline in sentence case under a section's one word, over a byline and a stamp with its clock and time zone, stays the headline; the stamp goes")
    func shortHeadlineUnderSectionWord() throws {
        let headline = "Pier repairs drag into winter"
        let stamp = "March 4, 2025 at 6:15 pm NZDT"
        let lines = ["Coast Post", "News  Sport  Weather  Business", "Harbour", headline, "By Coast Post Staff", stamp, Self.body, Self.body2, Self.body3]
        let gone = try removed(lines)
        #expect(!gone.contains(headline))
        #expect(gone.contains(stamp))
        #expect(try headlines(lines) == [headline])
    }

    @Test("A short headline over a bare name and a date with a dotted clock stays the headline; the date stays as the dateline")
    func shortHeadlineOverDottedClock() throws {
        let headline = "Pier repairs drag into winter"
        let stamp = "Mar 4, 2025 — 6.15pm"
        let lines = ["The Coast Post", "Home  News  Sport  Weather", "News  |  Harbour  |  Boats", headline, "Tevita Lolo", stamp, Self.body, Self.body2, Self.body3]
        let gone = try removed(lines)
        #expect(!gone.contains(headline))
        #expect(!gone.contains(stamp))
        #expect(gone.contains("Tevita Lolo"))
        #expect(try headlines(lines) == [headline])
    }

    @Test("A date with its clock under the standfirst and a picture's file name, caption and credit is the stamp; the caption between the file name and the credit goes")
    func stampUnderPictureLines() throws {
        let caption = "The old pier at Port Ria before the storm."
        let stamp = "March 4, 2025 6:15 PM"
        let lines = ["New pier to open in the spring", Self.body, "harbour-pier.jpg", caption, "Sione Vake / Coast Post", stamp, Self.body2, Self.body3, Self.body]
        let gone = try removed(lines)
        #expect(gone.contains(caption))
        #expect(gone.contains(stamp))
        #expect(!gone.contains(Self.body) && !gone.contains(Self.body2))
        // A date with its clock between the text's paragraphs, under more body text, is a timeline's subhead and stays.
        #expect(try !removed(["New pier to open in the spring", Self.body, Self.body2, Self.body3, stamp, Self.body, Self.body2]).contains(stamp))
    }

    @Test("A one-sentence caption right under the header's share buttons and over its credit goes; the text's first paragraph stays")
    func captionUnderShareButtonsOverCredit() throws {
        let caption = "A ferry leaves the Port Ria terminal."
        let lines = ["Pier repairs drag into winter", "By Tevita Lolo", "Share  Tweet  Email", caption, "(Coast Post file photo)", Self.body, Self.body2, Self.body3]
        let gone = try removed(lines)
        #expect(gone.contains(caption))
        #expect(!gone.contains(Self.body))
    }

    @Test("The list of a section's other stories under `More <Section>` goes; a subhead of the text under such a label stays")
    func moreSectionList() throws {
        let list = "Ferry fares rise in June | Port Ria school gets new roof | Netball club celebrates fifty years"
        let lines = ["New pier to open in the spring", Self.body, Self.body2, Self.body3, "More Harbour News", list]
        let gone = try removed(lines)
        #expect(gone.contains(list))
        #expect(!gone.contains(Self.body3))
        #expect(try !removed(["New pier to open in the spring", Self.body, "More Funding", Self.body2, Self.body3]).contains(Self.body2))
    }

    @Test("A topic's kicker of a few words over the headline, under the site's name and its menu, goes; the headline stays")
    func kickerUnderSiteNameAndMenu() throws {
        let headline = "Harbour board narrowly backs plan to close the old pier"
        let lines = ["Coast Post", "Home  News  Sport  Business  Contact", "Port Ria Harbour", headline, Self.body, Self.body2, Self.body3]
        let gone = try removed(lines)
        #expect(gone.contains("Port Ria Harbour"))
        #expect(!gone.contains(headline))
        #expect(try headlines(lines) == [headline])
    }

    @Test("A section's name over the headline goes (`Coast news`, `Regional News`); the headline stays, even closing with words in double quotes")
    func sectionNameOverHeadline() throws {
        for (section, headline) in [("Coast news", "Board says pier repairs “cannot wait any longer”"), ("Regional News", "New pier to open in the spring after a year of delays")] {
            let lines = ["Harbour Post", "Home  News  Sport  Regional  Business", section, headline, Self.body, Self.body2, Self.body3]
            let gone = try removed(lines)
            #expect(gone.contains(section))
            #expect(!gone.contains(headline))
            #expect(try headlines(lines) == [headline])
        }
    }

    @Test("Under the headline and the byline, one sentence over a credit line, or one placing a person in the picture, is the caption; the text stays")
    func captionUnderHeadlineOverCredit() throws {
        let caption = "The old pier, one of two on the coast due for repair this winter."
        var gone = try removed(["Pier repairs drag into winter", "By Coast Post staff", caption, "Coast Post file photo", Self.body, Self.body2, Self.body3])
        #expect(gone.contains(caption))
        #expect(gone.contains("Coast Post file photo"))
        #expect(!gone.contains(Self.body))
        // (A name's initial ends no sentence.)
        let initial = "Judge Ana T. Reyes, leftmost, swears in the harbour board's new members at the quay on Saturday."
        gone = try removed(["Pier repairs drag into winter", "By Jo Lane", initial, "(Contributed photo)", Self.body, Self.body2, Self.body3])
        #expect(gone.contains(initial))
        #expect(!gone.contains(Self.body))
        let placed = "Mayor Ana Reyes (middle) cutting the ribbon at the quay on Friday."
        gone = try removed(["Pier repairs drag into winter", "By Jo Lane", placed, Self.body, Self.body2, Self.body3])
        #expect(gone.contains(placed))
        #expect(!gone.contains(Self.body))
    }

    @Test("A date alone between the headline and the byline is the page's stamp and goes; a date under the byline, over the text, stays")
    func dateBetweenHeadlineAndByline() throws {
        let date = "Thursday, May 2, 2024"
        #expect(try removed(["Pier repairs drag into winter", date, "By Jo Lane", Self.body, Self.body2, Self.body3]).contains(date))
        #expect(try !removed(["Pier repairs drag into winter", "By Jo Lane", date, Self.body, Self.body2, Self.body3]).contains(date))
    }

    @Test("The outlet's name over a staff title in lowercase (`Coast Post reporter`) is the byline, not a caption")
    func outletReporterByline() throws {
        let d = try clean(["Pier repairs drag into winter", "Coast Post reporter", Self.body, Self.body2, Self.body3].joined(separator: "\n\n"))
        let line = d.removed.first { d.originalSubstring($0.start..<$0.end) == "Coast Post reporter" }
        #expect(line?.reason == "byline")
    }

    @Test("`More stories from <Section>` heads the list of the section's stories under the text, on its own line or on the list's")
    func moreStoriesFromSection() throws {
        let list = "Ferry fares rise in June  |  Port Ria school gets new roof  |  Netball club celebrates fifty years"
        var gone = try removed(["New pier to open in the spring", Self.body, Self.body2, Self.body3, "More stories from Harbour", list])
        #expect(gone.contains(list))
        #expect(!gone.contains(Self.body3))
        let line = "More stories from Harbour: " + list
        gone = try removed(["New pier to open in the spring", Self.body, Self.body2, Self.body3, line])
        #expect(gone == [line])
    }

    @Test("Under a caption and its credit under the headline, the text's first paragraph stays; so does a long lead of today's news over a credit")
    func leadUnderCaptionAndCredit() throws {
        let caption = "Harbour Minister Ana Reyes speaking at the opening of the ports meeting in Port Ria this morning."
        let lead = "The Ports Conference opened in Port Ria today with strikes in the north and south harbours still running, as the minister responsible, Ana Reyes, voiced hope that the meeting would bring the ports to one voice."
        var gone = try removed(["Ports meeting opens as Reyes calls for one voice", "September 22, 2021", "By Coast Post Reporter", caption, "Photo: Coast Post",
                                lead, "- Advertisement -", Self.body, Self.body2, Self.body3])
        #expect(gone.contains(caption))
        #expect(!gone.contains(lead))
        gone = try removed(["Ports meeting opens as Reyes calls for one voice", "By Jo Lane", lead, "Coast Post file photo", Self.body, Self.body2, Self.body3])
        #expect(!gone.contains(lead))
    }

    @Test("The site's name and slogan over its menu, a section that is one of the menu's links, and the name printed three times go; the headline stays")
    func mastheadNameAndSlogan() throws {
        let headline = "Harbour board warns of higher port fees"
        for top in ["Coast Post!  |  Independent. Fearless. Coastal.", "CoastPost.com  —  The Coast’s News Source"] {
            let lines = [top, "Home  Port Ria  Sport  Business", "Port Ria", headline, "By Jo Lane", Self.body, Self.body2, Self.body3]
            let gone = try removed(lines)
            #expect(gone.contains(top))
            #expect(!gone.contains(headline))
            #expect(try headlines(lines) == [headline])
        }
        let menu = "Home  Port - Ria  Sport  Business"
        var gone = try removed(["Coast Post", menu, "Port - Ria", "“Port Ria is being left out of the harbour plan”", "By Jo Lane", Self.body, Self.body2, Self.body3])
        #expect(gone.contains("Port - Ria"))
        #expect(!gone.contains("“Port Ria is being left out of the harbour plan”"))
        let name = "The Coast App"
        gone = try removed([name, name, "Everything on the coast", name, headline, name, "Jo Lane", "3 May 2024, 4:30 PM", Self.body, Self.body2, Self.body3])
        #expect(gone.filter { $0 == name }.count == 4)
        #expect(!gone.contains(headline))
        #expect(!gone.contains(Self.body))
    }

    @Test("A headline in sentence form with a full stop, printed again under the stamp's lines, stays; its copy is the picture's caption")
    func headlineCopyWithFullStop() throws {
        let headline = "Harbour board urges skippers to form a committee to watch over the new pier."
        let lines = ["Coast Post", "Connect with us", "News", headline, "Published", "on", headline, "By: Jo Lane", Self.body, Self.body2, Self.body3]
        let d = try clean(lines.joined(separator: "\n\n"))
        let gone = d.removed.map { d.originalSubstring($0.start..<$0.end) }
        #expect(gone.filter { $0 == headline }.count == 1)
        #expect(d.text.contains(headline))
        #expect(gone.contains("News"))
        #expect(!gone.contains(Self.body))
    }

    @Test("Under the headline, a stamp and a byline, one sentence past twelve words over the outlet's `photo` credit is the caption")
    func longCaptionOverOutletCredit() throws {
        let caption = "Harbour board members debated the pier's share of the port budget at Tuesday night's meeting in the old customs house."
        let gone = try removed(["Pier funding cut by a third", "Wednesday, July 18, 2012", "By Coast Post Staff Writer", caption, "Coast photo", Self.body, Self.body2, Self.body3])
        #expect(gone.contains(caption))
        #expect(gone.contains("Coast photo"))
        #expect(!gone.contains(Self.body))
    }

    @Test("Sentences of the text on comments, subscriptions, delivery, volunteers, local stories and numbered items stay")
    func furnitureLookalikesStay() throws {
        let lines = ["Pier repairs drag into winter", Self.body,
                     "Comments have been closed on the council's harbour plan since May, the clerk said.",
                     "Subscriptions are available at the library desk for the new ferry pass, the board said.",
                     "Home delivery is available for older residents through the pharmacy on the quay.",
                     "The lantern walk is a volunteer-run event that the harbour board has backed since 2009.",
                     "Got a local story about the pier? The board said it wanted to hear it at the next meeting.",
                     Self.body2, "Section 4 (2) of the harbour act sets the fees.", Self.body3]
        #expect(try removed(lines).isEmpty)
    }

    @Test("A headline glued to its own copy under the page's menu stays the headline; a caption glued to its copy under the headline goes")
    func headlineGluedToItsCopy() throws {
        let title = "PIER OPENING DELAYED AGAIN"
        let lines = ["Harbour Ledger", "Home  News  Sport  Business", "News  ›  Island", title + title, Self.body, Self.body2, Self.body3]
        #expect(try headlines(lines) == [title + title])
        #expect(try removed(lines) == ["Harbour Ledger", "Home  News  Sport  Business", "News  ›  Island"])
        let caption = "Divers check the pylons of the old pier."
        let gone = try removed(["Pier opening delayed again", caption + caption, Self.body, Self.body2, Self.body3])
        #expect(gone == [caption + caption])
    }
}
