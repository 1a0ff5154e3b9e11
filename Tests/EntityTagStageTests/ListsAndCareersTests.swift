import Testing

/// Classes the thirteenth session's blind sets found: local places read as people after `in` and in lists of
/// places, and clubs in a career's list, in `take on` and with a nickname's plural. Every sentence is written for
/// the test, with made-up places, clubs and people.
struct ListsAndCareersTests {
    func tags(_ text: String) throws -> [String] { try IssueExamplesTests().tags(text) }

    @Test("Two words no list holds after `in` are a place; a person trusted in is not")
    func placesAfterIn() throws {
        let found = try tags("""
            The runoff in Beit Tamrah, the second this year, drew few voters, and officials in Brakwena said the count would end on Monday. \
            Voters said they had confidence in Oduya Mensick, the mayor.
            """)
        #expect(found.contains("GPE Beit Tamrah") && found.contains("GPE Brakwena"), "\(found)")
        #expect(found.contains("PERSON Oduya Mensick"), "\(found)")
    }

    @Test("A list after `in` that opens with a place is a list of places; a person opening with a given name stays")
    func placesInLists() throws {
        let found = try tags("""
            The men broke into homes in Belvane, Ma Corisse and St Amery before they were caught. \
            The mayor met leaders from Kilbury, Tarnfield, Lowmoor and John Ardley on Friday.
            """)
        for name in ["GPE Belvane", "GPE Ma Corisse", "GPE St Amery", "PERSON John Ardley"] {
            #expect(found.contains(name), "\(name) not in \(found)")
        }
    }

    @Test("A coach's career list is a list of clubs, and a club that takes on another is a club")
    func careerListsAndTakeOn() throws {
        let found = try tags("""
            Dorek Malanowicz was unveiled as the new coach of the club on Monday. In the past he coached the likes of \
            Wisla Brannow, Orka Gdeln and Pogrom Szelin, and he won the championship with them. On Friday, in the last \
            match of the round, Harbour Point take on Tarrow Magpies, with both sides level on points in the standings.
            """)
        for name in ["ORG Wisla Brannow", "ORG Orka Gdeln", "ORG Pogrom Szelin", "ORG Harbour Point", "ORG Tarrow Magpies"] {
            #expect(found.contains(name), "\(name) not in \(found)")
        }
        #expect(found.contains("PERSON Dorek Malanowicz"), "\(found)")
    }

    @Test("A club's other name in brackets is the club, and what it beat is a club")
    func bracketedAliases() throws {
        let found = try tags("""
            Saint Mark Soccer Club (Kidus Markos) became the league champion after beating Harar Town City 4-0 in the last \
            match of the season. Kidus Markos scored twice before half-time, and the coach thanked the fans.
            """)
        #expect(found.filter { $0 == "ORG Kidus Markos" }.count == 2, "\(found)")
        #expect(found.contains("ORG Harar Town City"), "\(found)")
    }

    @Test("In a sport of people, a name with its country in brackets stays a person")
    func athletesStay() throws {
        let found = try tags("""
            World sprint championship, quarter-finals (best of three matches): Florian Ducasse (France) beat Aivars \
            Kronis (Latvia) 2-0. The coach praised the league's fans, and the match ended the championship's round.
            """)
        #expect(found.contains("PERSON Aivars Kronis"), "\(found)")
    }
}

/// A town named alone where the text also names its government is the place, whatever the model remembered of the
/// body's name. Sentences written for the test.
struct TownsAsBodiesTests {
    func tags(_ text: String) throws -> [String] { try IssueExamplesTests().tags(text) }

    @Test("A town alone stays a place after its government is named")
    func townAfterItsGovernment() throws {
        let found = try tags("""
            This was reported by the Kyiv City State Administration. Kyiv has already turned to the Security Service \
            of Ukraine and the Ministry of Health for help.
            """)
        #expect(found.contains("GPE Kyiv") && found.contains("ORG Kyiv City State Administration"), "\(found)")
    }
}
