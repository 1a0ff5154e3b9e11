import Testing

/// The forms in which news names bodies no list holds (`OrganizationForms.swift`), on sentences written for this
/// test, with made-up firms, teams and people.
struct OrganizationFormsTests {
    func tags(_ text: String) throws -> [String] { try IssueExamplesTests().tags(text) }

    @Test("A nickname in the plural after `the` is a team; a people, a family, an award or a plural before `of` is not")
    func teams() throws {
        let found = try tags("""
            The Falcons beat the Hurricanes 24-19 in Marlow on Saturday, while the Ravens lost at home. The Tarvanians \
            cheered. The awards went to the Clintons at the Oscars, and the Articles of Association were signed.
            """)
        for team in ["ORG Falcons", "ORG Hurricanes", "ORG Ravens"] {
            #expect(found.contains(team), "\(team) not in \(found)")
        }
        #expect(!found.contains { $0.hasPrefix("ORG") && ["Clintons", "Oscars", "Articles", "Tarvanians"].contains(where: $0.contains) },
                "\(found)")
    }

    @Test("A title-case headline's plural is no team")
    func headlineIsNoTeam() throws {
        let found = try tags("Farmers Welcome the Rains as Harvest Nears\n\nThe rains arrived on Monday in Drayton.")
        #expect(!found.contains("ORG Rains"), "\(found)")
    }

    @Test("A legal form after a comma belongs to the name before it, and alone names nothing")
    func legalForms() throws {
        let found = try tags("""
            Quelltel, Inc. and Marrow Telecom, Inc. reported higher profits, as did Brightwave Communications, Inc. on \
            Friday.
            """)
        for firm in ["ORG Quelltel, Inc.", "ORG Marrow Telecom, Inc.", "ORG Brightwave Communications, Inc."] {
            #expect(found.contains(firm), "\(firm) not in \(found)")
        }
        #expect(!found.contains("ORG Inc.") && !found.contains { $0.hasPrefix("ORG Inc.") }, "\(found)")
    }

    @Test("A firm named for its founders takes `and Company` or `& Sons`; no person's name ends in a company's word")
    func founders() throws {
        let found = try tags("""
            Shares in Daniel Ferrow and Company rose, while Halbrook & Sons fell. Tobias Venn Holdings said profits \
            doubled, and Marta Quill Lifesciences will hire 200 people.
            """)
        for firm in ["ORG Daniel Ferrow and Company", "ORG Halbrook & Sons", "ORG Tobias Venn Holdings", "ORG Marta Quill Lifesciences"] {
            #expect(found.contains(firm), "\(firm) not in \(found)")
        }
        #expect(!found.contains { $0.hasPrefix("PERSON") }, "\(found)")
    }

    @Test("A body whose name lists several things is one name, and so are two heads joined by `and`")
    func listedHeads() throws {
        let found = try tags("""
            The Drayton Nurses, Midwives and Carers Union called the strike. The Bureau for Soil, Water and Forestry \
            paid for it under the Rural Roads, Bridges and Ferries Act. The Harlow Heritage Museum and Library reopened.
            """)
        for name in ["ORG Drayton Nurses, Midwives and Carers Union", "ORG Bureau for Soil, Water and Forestry",
                     "LAW Rural Roads, Bridges and Ferries Act", "ORG Harlow Heritage Museum and Library"] {
            #expect(found.contains(name), "\(name) not in \(found)")
        }
    }

    @Test("Names listed after a plural noun of bodies are bodies; a business park is a site")
    func bodyListsAndParks() throws {
        let found = try tags("""
            Gulf-based airlines Zephyra and Aldaran signed the deal. The firm will move to the Kilbride Business Park \
            next year.
            """)
        #expect(found.contains("ORG Zephyra") && found.contains("ORG Aldaran"), "\(found)")
        #expect(found.contains("FAC Kilbride Business Park"), "\(found)")
    }

    @Test("A list of bodies after a plural noun does not take places after `in`")
    func placesAfterIn() throws {
        let found = try tags("Banks in Marlow and Drayton raised their rates on Tuesday.")
        #expect(!found.contains("ORG Marlow") && !found.contains("ORG Drayton"), "\(found)")
    }

    @Test("The last two names of a list are two bodies; a body made of everyday words joined by `and` stays one")
    func listTails() throws {
        let found = try tags("""
            Gainers included Harvel Steel, Pranik Finserv and Kolmar Bank, while losers were Vantec and Loris Infotech. \
            The Tarn Nurses, Midwives and Carers Union met the Mining and Minerals Board.
            """)
        for name in ["ORG Pranik Finserv", "ORG Kolmar Bank", "ORG Tarn Nurses, Midwives and Carers Union"] {
            #expect(found.contains(name), "\(name) not in \(found)")
        }
        #expect(!found.contains("ORG Pranik Finserv and Kolmar Bank"), "\(found)")
    }

    @Test("A church's diocese is a body; a courthouse is a building; a country written with St is the country")
    func churchesBuildingsAndSaints() throws {
        let found = try tags("""
            The Marlow Archdiocese met at the Drayton County Courthouse. St Kitts and Nevis won the toss.
            """)
        for name in ["ORG Marlow Archdiocese", "FAC Drayton County Courthouse", "GPE St Kitts and Nevis"] {
            #expect(found.contains(name), "\(name) not in \(found)")
        }
    }

    @Test("A dateline's place the lists know is the place; `The` before a place and a lower-case body is no part of it")
    func datelinesAndTheBeforePlaces() throws {
        let found = try tags("""
            Shillong, June 16: The minister handed letters to 200 nurses.

            KUCHING, May 30: The Sarawak government now owns four colleges.
            """)
        #expect(found.contains("GPE Shillong") && found.contains("GPE Sarawak"), "\(found)")
        #expect(!found.contains { $0.hasPrefix("PERSON Shillong") || $0.contains("The Sarawak") }, "\(found)")
    }
}
