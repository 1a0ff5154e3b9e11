import Testing

/// Classes of the fifteenth session's later blind sets (Latin America, North Africa and the Horn of Africa; China, Hong
/// Kong, Macau, Singapore, Myanmar, Cambodia, Brunei and British and Irish local news): places in brackets after
/// officials, offices run onto places, initials with a slash, cities read as clubs in lists, Somali places and Spanish
/// ranks. Every sentence is written for the test.
struct PlacesBesidePeopleTests {
    func tags(_ text: String) throws -> [String] { try IssueExamplesTests().tags(text) }

    @Test("A place in brackets after an official is a place; a party's word or initials in brackets is not")
    func placesInBrackets() throws {
        let found = try tags("""
            In the poll, Gian Lucchetti (Las Palmitas) leads, Ana Ruiz (San Jerónimo) is second and Tom Reed (Ind) \
            and Mary Cole (Green) trail.
            """)
        #expect(found.contains("GPE Las Palmitas") && found.contains("GPE San Jerónimo"), "\(found)")
        #expect(!found.contains("GPE Ind") && !found.contains("GPE Green"), "\(found)")
        #expect(!found.contains("PERSON Las Palmitas") && !found.contains("PERSON San Jerónimo"), "\(found)")
    }

    @Test("An office's title run onto a place goes; a name ending in an initial and a slash keeps the word after it")
    func officesAndSlashes() throws {
        let found = try tags("""
            Former Hong Kong District Councillor Wong was arrested. The Gardo Mayor welcomed the delegation. Coach \
            Asamenew G/Wold named his side, and Tesfaye W/Giorgis scored twice.
            """)
        #expect(!found.contains { $0.contains("Councillor") || $0.contains("Mayor") }, "\(found)")
        #expect(found.contains("GPE Gardo"), "\(found)")
        #expect(found.contains("PERSON Asamenew G/Wold") && found.contains("PERSON Tesfaye W/Giorgis"), "\(found)")
    }

    @Test("A building in brackets after a name is no place")
    func buildingsInBrackets() throws {
        let found = try tags("""
            Pilgrims gathered at the Masjid Noor (Great Mosque) on Friday.
            """)
        #expect(!found.contains("GPE Great Mosque"), "\(found)")
    }

    @Test("A listed city the model reads as a club is the city after `in`, and in a list that `in` opens")
    func citiesInLists() throws {
        let found = try tags("""
            The custody suites in Exeter, Truro and Plymouth are full, the force said.
            """)
        for city in ["Exeter", "Truro", "Plymouth"] {
            #expect(found.contains("GPE \(city)"), "\(city) not a place in \(found)")
        }
        #expect(!found.contains("ORG Plymouth"), "\(found)")
    }

    @Test("Somali regions and towns by their English spellings are places; Spanish ranks are titles")
    func somaliPlacesAndSpanishRanks() throws {
        let found = try tags("""
            The Puntland president flew from Garowe to Bosaso on Monday. Coronel Ramiro Vega of the National Police \
            said the road to Galkayo was open.
            """)
        for place in ["Puntland", "Garowe", "Bosaso", "Galkayo"] {
            #expect(found.contains("GPE \(place)"), "\(place) not a place in \(found)")
        }
        #expect(found.contains("PERSON Ramiro Vega"), "\(found)")
    }

    @Test("A listed place, then a body's word, is the body; a title in capitals stays out of the person after it")
    func placesBeforeBodies() throws {
        let found = try tags("""
            The São Paulo Police Ombudsman is examining the case, and Georgia AD Greg McGarity said he was pleased.
            """)
        #expect(found.contains("ORG São Paulo Police Ombudsman"), "\(found)")
        #expect(found.contains("PERSON Greg McGarity") && !found.contains("PERSON AD Greg McGarity"), "\(found)")
    }
}
