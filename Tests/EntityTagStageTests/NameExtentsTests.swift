import Testing

/// Names the model cuts short or types by the wrong word (`NameExtents.swift`), and brands written without their
/// inner capitals, on sentences written for this test, with made-up bodies.
struct NameExtentsTests {
    func tags(_ text: String) throws -> [String] { try IssueExamplesTests().tags(text) }

    @Test("Two names joined by `and` before a body's head are one body; two bodies the lists know stay two")
    func joinedByAnd() throws {
        let found = try tags("""
            The chair of Kelvale and Westbury Hospital Foundation Trust resigned, and students at Harvard and Yale \
            University protested.
            """)
        #expect(found.contains("ORG Kelvale and Westbury Hospital Foundation Trust"), "\(found)")
        #expect(found.contains("ORG Yale University") && !found.contains { $0.contains("Harvard and") }, "\(found)")
    }

    @Test("A body's head takes `on` or `for` and its capitalized object, but not a weekday or another body")
    func headAndObject() throws {
        let found = try tags("""
            The Commission on Rural Water Supply met the Institute for Coastal Studies. The Commission on Tarrow \
            Affairs on Friday approved the plan.
            """)
        for expected in ["ORG Commission on Rural Water Supply", "ORG Institute for Coastal Studies", "ORG Commission on Tarrow Affairs"] {
            #expect(found.contains(expected), "\(expected) not in \(found)")
        }
        #expect(!found.contains { $0.contains("Friday") && $0.hasPrefix("ORG") }, "\(found)")
    }

    @Test("Capitalized words ending in Bill or Act and a year are a law; a meeting is an event; a reef a natural place")
    func lawsEventsAndNature() throws {
        let found = try tags("""
            The Harbour Levy Bill 2024 was passed before the Kessel Ministers' Meeting. Divers surveyed the Kelvale Reef.
            """)
        for expected in ["LAW Harbour Levy Bill 2024", "EVENT Kessel Ministers' Meeting", "LOC Kelvale Reef"] {
            #expect(found.contains(expected), "\(expected) not in \(found)")
        }
        #expect(!found.contains("DATE 2024"), "\(found)")
    }

    @Test("A brand the lists write with a capital inside is found in title case too")
    func brandsInTitleCase() throws {
        let found = try tags("Shares of Softbank and Paypal fell on Monday.")
        #expect(found.contains("ORG Softbank") && found.contains("ORG Paypal"), "\(found)")
    }

    @Test("A name among people's names in a list, or whose last word stands alone for a person, is a person; a desk after a comma is not")
    func peopleInLists() throws {
        let found = try tags("""
            The visitors attacked early, with Tomas Varga, Ivo Kessel, and Dries Marnel making chances. Dries Marnel \
            scored after the break. -- Jim Bowes, London Newsroom
            """)
        #expect(found.filter { $0 == "PERSON Dries Marnel" }.count == 2, "\(found)")
        #expect(!found.contains("PERSON London Newsroom"), "\(found)")
    }
}
