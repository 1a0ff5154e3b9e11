@testable import CleanCaptionsStage
import Foundation
import LedeCore
import Testing

/// Classes that fresh pages of outlets nobody imitated showed: a date under the headline behind a bullet, a weekday's short
/// name or a publication's label is the dateline and stays; and lines of the site (an archive notice, a rights notice, a plea
/// for support, a prompt to register, a teaser cut off with `more`, a credit opening a caption) go. Every line here is written
/// for the test.
struct PageLabelledDateTests {
    static let headline = "Harbour board delays the opening of its new pier"
    static let body = PierPage.body
    static let body2 = PierPage.body2
    static let body3 = PierPage.body3

    func removed(_ lines: [String]) throws -> [String] { try PierPage.removed(lines) }

    @Test("A date under the headline behind a bullet, a weekday's short name or a publication's label stays")
    func labelledDateUnderHeadline() throws {
        for date in ["• Friday, March 8, 2024", "Fri, 03/08/2024 - 09:15", "Published: Mar. 8, 2024 at 9:15 AM EST", "Published March 8, 2024"] {
            let gone = try removed([Self.headline, date, Self.body, Self.body2, Self.body3])
            #expect(!gone.contains(date), "\(date)")
            #expect(!gone.contains(Self.headline))
        }
    }

    @Test("A labelled date under the picture's captions under the headline, or right over the headline, stays")
    func labelledDateNearHeadline() throws {
        let caption = "Boats moored at the old pier after the storm. (Harbour TV)"
        let date = "Published: Mar. 8, 2024 at 9:15 AM EST"
        #expect(!(try removed([Self.headline, caption, date, Self.body, Self.body2, Self.body3]).contains(date)))
        let over = "Posted on Fri, Mar 8, 2024 : 9 a.m."
        #expect(!(try removed([over, Self.headline, Self.body, Self.body2, Self.body3]).contains(over)))
    }

    @Test("Notices of the site go: an archive notice, a rights notice, a plea for support, a prompt to register")
    func siteNotices() throws {
        let notices = [
            "You are viewing this story in our archives. For the latest news from the harbour, see our home page.",
            "All rights reserved. This material may not be reproduced or redistributed without prior written permission from the Harbour Post.",
            "As a nonprofit newsroom, we rely on support from listeners like you. Please give today.",
            "Register to read every story from the harbour. Registration is free and only takes a minute.",
        ]
        let gone = try removed([Self.headline, Self.body, Self.body2, Self.body3] + notices)
        for line in notices { #expect(gone.contains(line), "\(line)") }
        #expect(!gone.contains(Self.body))
    }

    @Test("A teaser cut off with more and a credit opening a caption go; the text stays")
    func teaserAndLeadingCredit() throws {
        let caption = "Staff photo by Jo Lane / The harbour master, left, speaks with ferry crews at the pier on Friday."
        let teaser = "The council voted to close the pool for the summer. Its chair, Jo Lane, said ... more"
        let gone = try removed([Self.headline, caption, Self.body, Self.body2, Self.body3, teaser])
        #expect(gone.contains(teaser))
        #expect(gone.contains(caption))
        #expect(!gone.contains(Self.body3))
    }
}
