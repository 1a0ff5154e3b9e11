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
