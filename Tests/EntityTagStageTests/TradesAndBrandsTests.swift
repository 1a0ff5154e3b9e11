import Testing

/// Firms read off their trade and people read through a bare middle initial: classes of the thirteenth session's
/// blind sets. Every sentence is written for the test, with made-up firms and people.
struct TradesAndBrandsTests {
    func tags(_ text: String) throws -> [String] { try IssueExamplesTests().tags(text) }

    @Test("A name after `news site` or after a firm's chief and `of` is a firm")
    func sitesAndChiefs() throws {
        let found = try tags("""
            According to local news site Kavrel, the race is close. Before politics he was CEO of Dantro and the founder \
            of Mellix.
            """)
        for name in ["ORG Kavrel", "ORG Dantro", "ORG Mellix"] {
            #expect(found.contains(name), "\(name) not in \(found)")
        }
    }

    @Test("A brand with a small first letter after a firm's noun is a firm, in every mention")
    func lowerCaseBrands() throws {
        let found = try tags("""
            The government will lend money to the national airline airNordic on one condition. AirNordic said it \
            would accept, and airNordic shares rose.
            """)
        #expect(found.filter { $0.hasPrefix("ORG ") && $0.lowercased().hasSuffix("airnordic") }.count == 3, "\(found)")
    }

    @Test("A middle initial without its full stop does not cut the person's name")
    func bareMiddleInitials() throws {
        let found = try tags("""
            The cited scientists include Joseph N Gravel, Georgios N Yannides and Albert Casuana.
            """)
        #expect(found.contains("PERSON Georgios N Yannides"), "\(found)")
    }
}

/// Names in lower case that the lists hold, a place's office by its initials, and places joined to `-based`: classes
/// of the thirteenth session's fourth blind set. Sentences written for the test.
struct PlacesAndLowerCaseTests {
    func tags(_ text: String) throws -> [String] { try IssueExamplesTests().tags(text) }

    @Test("`al-Shabaab` and `al-Qaeda`, written in lower case, are the groups the lists hold")
    func arabicArticles() throws {
        let found = try tags("The fight between al-Shabaab, a group tied to al-Qaeda, and the army went on for years.")
        #expect(found.contains("ORG al-Shabaab") && found.contains("ORG al-Qaeda"), "\(found)")
    }

    @Test("A place's name and an office's initials are the office; a name before `-based` is a place")
    func officesAndBasedPlaces() throws {
        let found = try tags("""
            Kaponda district is battling cholera, and Kaponda DHO said ten people had died. \
            Both Addis Ababa-based clubs will play the match in Dubai.
            """)
        #expect(found.contains("ORG Kaponda DHO") && found.contains("GPE Kaponda"), "\(found)")
        #expect(found.contains("GPE Addis Ababa"), "\(found)")
    }

    @Test("A name ending in a road's word is the road, one ending in `Police` the force, and `San` opens its town")
    func roadsForcesAndSaintsTowns() throws {
        let found = try tags("""
            Officers from West Marlands Police arrived on Monday. The man was dragged across Shirley Street by officers. \
            The council of San Pedro Town met to discuss the boundaries.
            """)
        for name in ["ORG West Marlands Police", "FAC Shirley Street", "GPE San Pedro Town"] {
            #expect(found.contains(name), "\(name) not in \(found)")
        }
    }
}

/// Given names and titles the lists lacked, and a people's name the lists do not hold, which the model reads off an
/// ending like `Pakistani`'s: the thirteenth session's last blind sets. Sentences written for the test.
struct UnknownPeoplesTests {
    func tags(_ text: String) throws -> [String] { try IssueExamplesTests().tags(text) }

    @Test("`Mayor-elect` is a title and `Ion` a given name: the person is named in full")
    func electAndGivenNames() throws {
        let found = try tags("""
            The council term that started in 2019 came to an end. Mayor-elect Ion Cebotaru thanked the local elected \
            officials for their work. Cebotaru said the council had done well, and Pakistani officials agreed.
            """)
        #expect(found.contains("PERSON Ion Cebotaru"), "\(found)")
        #expect(found.contains("NORP Pakistani"), "\(found)")
    }
}
