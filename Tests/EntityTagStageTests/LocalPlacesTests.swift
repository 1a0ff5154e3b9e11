import Testing

/// Local places no list holds, read off the words that lead or surround them (`LocalPlaces.swift`), on
/// sentences written for this test, with made-up places and people.
struct LocalPlacesTests {
    func tags(_ text: String) throws -> [String] { try IssueExamplesTests().tags(text) }

    @Test("Words that lead a place's or a road's name in Malay and English make a place or a road")
    func leadingWords() throws {
        let found = try tags("""
            Police said the robberies took place in Taman Melur Jaya and Kampung Lubok Rimau on Tuesday. \
            A second suspect was stopped on Jalan Sentul Pasar, and a third in Bandar Seri Kenanga.
            """)
        for expected in ["GPE Taman Melur Jaya", "GPE Kampung Lubok Rimau", "FAC Jalan Sentul Pasar", "GPE Bandar Seri Kenanga"] {
            #expect(found.contains(expected), "\(expected) not in \(found)")
        }
        #expect(!found.contains { $0.hasPrefix("PERSON") }, "\(found)")
    }

    @Test("A road's name with its suburb after it is the road and the suburb; a road's word written short ends a road")
    func roadsAndSuburbs() throws {
        let found = try tags("Officers visited the flats on Kessel Road Vatuwaqa after the fire, then stopped a car on South Ridge Rd on Friday.")
        for expected in ["FAC Kessel Road", "GPE Vatuwaqa", "FAC South Ridge Rd"] {
            #expect(found.contains(expected), "\(expected) not in \(found)")
        }
    }

    @Test("`Port` and a name that says nothing more of a structure is a town")
    func portTowns() throws {
        let found = try tags("The festival drew crowds to Port Dover on Friday.")
        #expect(found.contains("GPE Port Dover"), "\(found)")
    }

    @Test("A name after a point of the compass and `of` is a place")
    func compassOf() throws {
        let found = try tags("The farm lies about 40 kilometres north of Bridgewater, police said.")
        #expect(found.contains("GPE Bridgewater"), "\(found)")
    }

    @Test("One unknown word after `from` or `in`, before `resident` or after a seat's holder and `for` is a place in every mention, unless a person bears it")
    func wordsAroundPlaces() throws {
        let found = try tags("""
            Police said a group of youths from Tavuya had planned to attack a group from Koronubu this morning. \
            Koronubu resident Jone Vaka said youths in Koronubu wanted peace.
            """)
        #expect(found.filter { $0 == "GPE Koronubu" }.count == 3, "\(found)")
        #expect(found.contains("PERSON Jone Vaka"), "\(found)")
        let seat = try tags("The MP for Ankoboa asked the minister about the road.")
        #expect(seat.contains("GPE Ankoboa"), "\(seat)")
        let person = try tags("Kelera Navutu spoke on Monday. A letter from Navutu was read out in court.")
        #expect(!person.contains("GPE Navutu"), "\(person)")
    }

    @Test("A place the model ran into a body's initials is the body; a building's word ends a building; two everyday words and a doers' plural are a group")
    func bodiesBuildingsAndGroups() throws {
        let found = try tags("""
            Officers of the Nova Scotia RCMP searched a shed at Hector Quay. Crime Stoppers said it had received \
            40 tips, and Crime Stoppers chair Ana Lui thanked callers. The Night Riders said the race would go ahead.
            """)
        for expected in ["ORG Nova Scotia RCMP", "FAC Hector Quay", "ORG Crime Stoppers", "PERSON Ana Lui", "ORG Night Riders"] {
            #expect(found.contains(expected), "\(expected) not in \(found)")
        }
    }

    @Test("The names listed after a noun of places are places, each alone; sectors listed the same way are not")
    func placeLists() throws {
        let found = try tags("""
            Among the worst-hit areas are Kelvale, Westbury Rise, Dunmore and Parkhill. The suburbs of Tarrow and \
            Fenwick were flooded too.
            """)
        for expected in ["GPE Kelvale", "GPE Westbury Rise", "GPE Dunmore", "GPE Parkhill", "GPE Tarrow", "GPE Fenwick"] {
            #expect(found.contains(expected), "\(expected) not in \(found)")
        }
        let sectors = try tags("The worst-hit areas are Health, Education and Housing, the report said.")
        #expect(!sectors.contains { $0.hasPrefix("GPE") }, "\(sectors)")
    }

    @Test("The capitalized words after a seat's holder and `for` are the seat, a place")
    func seats() throws {
        let found = try tags("Ana Morrow, Liberal MLA for Kessel Bay North, and Dan Price, MP for Tarrow and Fenwick, voted against it.")
        #expect(found.contains("GPE Kessel Bay North") && found.contains("GPE Tarrow and Fenwick"), "\(found)")
        #expect(found.contains("PERSON Ana Morrow") && found.contains("PERSON Dan Price"), "\(found)")
    }

    @Test("A town's name joined by hyphens with particles of place is a town, listed or not")
    func hyphenedTowns() throws {
        let found = try tags("The open house in Kessel-on-the-Lake drew a crowd, as did the fair in Harrow-upon-Tarn.")
        #expect(found.contains("GPE Kessel-on-the-Lake") && found.contains("GPE Harrow-upon-Tarn"), "\(found)")
    }

    @Test("A dateline's place opening a paragraph is a place, listed or not; a body with its own initials is not")
    func datelines() throws {
        let found = try tags("Kesselby (Goa) [India], February 8 (ANI): The side lost on Sunday.\nTarrowby, Dec 12 (PTI) The hosts won.")
        #expect(found.contains("GPE Kesselby") && found.contains("GPE Tarrowby"), "\(found)")
        let body = try tags("Harbour Producers Group (HPG) reported a profit on Friday.")
        #expect(!body.contains { $0.hasPrefix("GPE") }, "\(body)")
    }
}
