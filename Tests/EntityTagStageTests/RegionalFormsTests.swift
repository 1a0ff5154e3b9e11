import Testing

/// Forms of regional and sports news that the blind sets of the ninth session found (clubs by their form, compass
/// regions, list-named committees, events named with `of`, trades before a name), on sentences written for this test
/// with made-up clubs, bodies and people.
struct RegionalFormsTests {
    func tags(_ text: String) throws -> [String] { try IssueExamplesTests().tags(text) }

    @Test("A name ending in a club's form in capitals is a club; a senior counsel's `SC` after a comma is not")
    func clubForms() throws {
        let found = try tags("""
            Tarek Oduya of Marvale FC and Lindo Banza of Corrin SC were called up. The defence was led by Anna Pell, SC, \
            who appeared for the council.
            """)
        for club in ["ORG Marvale FC", "ORG Corrin SC"] {
            #expect(found.contains(club), "\(club) not in \(found)")
        }
        #expect(!found.contains { $0.hasPrefix("ORG") && $0.contains("Pell") }, "\(found)")
    }

    @Test("Two compass points or more are a region; one alone may be a country")
    func compassRegions() throws {
        let found = try tags("""
            The commissioners named Ada Okoro for the North Central, Ben Ude for the South-South and Tola Ayo for the \
            South East zone.
            """)
        for region in ["LOC North Central", "LOC South-South", "LOC South East"] {
            #expect(found.contains(region), "\(region) not in \(found)")
        }
        #expect(!found.contains { $0.hasPrefix("GPE") && ($0.contains("North") || $0.contains("South")) }, "\(found)")
    }

    @Test("A committee on a list of subjects, and one named by a list with `&`, is one body")
    func listedCommittees() throws {
        let found = try tags("""
            The petition was referred to the Committee on Standards, Privileges and Public Appeals. The decision rests \
            with the Finance & Audit Committee and the Housing, Roads & Transport Committee.
            """)
        for body in ["ORG Committee on Standards, Privileges and Public Appeals", "ORG Finance & Audit Committee",
                     "ORG Housing, Roads & Transport Committee"] {
            #expect(found.contains(body), "\(body) not in \(found)")
        }
    }

    @Test("A nickname after `the` is a team though a given name opens it; a town hall is a building")
    func teamsAndHalls() throws {
        let found = try tags("""
            The Corrin Kings fired 40 shots at the Sandy Creek Otters in a 9-0 win. The mayor spoke at City Hall on \
            Thursday evening.
            """)
        #expect(found.contains("ORG Sandy Creek Otters"), "\(found)")
        #expect(found.contains("FAC City Hall"), "\(found)")
    }

    @Test("An event takes `of` and its capitalized words")
    func eventsWithOf() throws {
        let found = try tags("Marvale will host the Coastal Cup of Champions and the Harbour Festival of Lights next year.")
        #expect(found.contains("EVENT Coastal Cup of Champions"), "\(found)")
        #expect(found.contains("EVENT Harbour Festival of Lights"), "\(found)")
    }

    @Test("A trade before a name is a title, so a body's long name ends before it")
    func tradesAsTitles() throws {
        let found = try tags("""
            "Yields look strong," Marvale Research and Extension Farm and Soil Resources Agent Dana Quell said on Tuesday.
            """)
        #expect(found.contains("PERSON Dana Quell"), "\(found)")
    }
}
