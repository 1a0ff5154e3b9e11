import Testing

/// Offices read as names, and names whose written form runs past what the model reads (`OfficeWords.swift`,
/// `NameEnds.swift`), on sentences written for this test, with made-up people and bodies.
struct OfficeWordsTests {
    func tags(_ text: String) throws -> [String] { try IssueExamplesTests().tags(text) }

    @Test("A minister's portfolio before the office is no name; a place before it stays, a body's name stays whole")
    func portfolios() throws {
        let found = try tags("""
            The talks were attended by Foreign Minister Tomas Varga, UAE Foreign Minister Khalid Rahman and the \
            Defence Secretary. Homeland Security Secretary Dana Whitfield spoke later.
            """)
        #expect(found.contains("GPE UAE"), "\(found)")
        #expect(found.contains("PERSON Tomas Varga") && found.contains("PERSON Khalid Rahman"), "\(found)")
        #expect(!found.contains { $0.hasSuffix(" Foreign") || $0.hasSuffix("Defence Secretary") }, "\(found)")
        #expect(found.contains("PERSON Dana Whitfield"), "\(found)")
    }

    @Test("Titles alone are no person: several of them, titles joined by a hyphen, or a title before the name it belongs to")
    func titlesAlone() throws {
        let found = try tags("""
            The bill lets the Director and Deputy-Director of the Coastal Investigation and Detection Unit (CIDU) issue \
            subpoenas. Amir Al Sheikh, the council's secretary, met Sheikh Nasser bin Talal on Monday.
            """)
        #expect(!found.contains { $0.hasPrefix("PERSON") && ($0.contains("Director") || $0 == "PERSON Sheikh") }, "\(found)")
        #expect(found.contains("ORG Coastal Investigation and Detection Unit"), "\(found)")
        #expect(found.contains("PERSON Amir Al Sheikh") && found.contains("PERSON Nasser bin Talal"), "\(found)")
    }

    @Test("A law spelled by its acronym keeps its whole name and label; its year after `of` is part of it")
    func laws() throws {
        let found = try tags("""
            She argued the ruling could not be reviewed under the Protection of Public Records Act (PPRA). The PPRA was \
            amended in the same year as the Rural Broadband Law of 2019.
            """)
        #expect(found.contains("LAW Protection of Public Records Act"), "\(found)")
        #expect(found.filter { $0 == "LAW PPRA" }.count == 2, "\(found)")
        #expect(found.contains("LAW Rural Broadband Law of 2019"), "\(found)")
    }

    @Test("A place before a participle in lower case is the place; a bare Parliament is a body; British spelling finds an organization")
    func placesBodiesAndSpellings() throws {
        let found = try tags("""
            Markets fell over the US-driven trade row. Parliament passed the budget on Thursday, and the World Health \
            Organisation welcomed it. L.A. will host the final.
            """)
        for expected in ["GPE US", "ORG Parliament", "ORG World Health Organisation", "GPE L.A."] {
            #expect(found.contains(expected), "\(expected) not in \(found)")
        }
    }

    @Test("A site's domain is the outlet's name; a Latin genus is no name")
    func domainsAndGenera() throws {
        let found = try tags("The fossils of Stenoraptor and a new Brachiosaurus were shown, the site Harbourline.sg reported.")
        #expect(found.contains("ORG Harbourline.sg"), "\(found)")
        #expect(!found.contains { $0.contains("Stenoraptor") || $0.contains("Brachiosaurus") }, "\(found)")
    }

    @Test("Initials before a family name are part of a person's name; a ship's prefix and a small word in capitals are not")
    func initials() throws {
        let found = try tags("India lost the first Test in 1932, and RK Manohar's side never recovered.")
        #expect(found.contains("PERSON RK Manohar"), "\(found)")
        let ship = try tags("Divers reached the wreck of the RMS Caledonia on Friday.")
        #expect(!ship.contains { $0.hasPrefix("PERSON") }, "\(ship)")
    }

    @Test("A name that `who` follows is a person's, though a firm shares its first word; a team stays a team")
    func whoFollows() throws {
        let found = try tags("Also showing this year is Dell Harwicke, who has exhibited with the group before.")
        #expect(found.contains("PERSON Dell Harwicke"), "\(found)")
        let team = try tags("The visitors were beaten by Harbour Rovers, who scored twice in the second half.")
        #expect(!team.contains { $0.hasPrefix("PERSON") }, "\(team)")
    }

    @Test("A body's name run into a person's title ends at the title; initials before a person's titles are the body; a thing's acronym is no name")
    func bodiesBeforeTitles() throws {
        let found = try tags("""
            Tarrowind Chief Financial Officer Ana Lutz said revenue rose. KVX CEO Dan Marr said the firm would invest \
            in AI, and AI tools and EVs drove the GDP figures.
            """)
        #expect(found.contains("ORG Tarrowind") && found.contains("PERSON Ana Lutz"), "\(found)")
        #expect(!found.contains { $0.contains("Chief Financial") }, "\(found)")
        #expect(found.contains("ORG KVX") && found.contains("PERSON Dan Marr"), "\(found)")
        #expect(!found.contains { $0.hasSuffix(" AI") || $0.hasSuffix(" EVs") || $0.hasSuffix(" GDP") }, "\(found)")
    }

    @Test("PM and CM are titles, outside the name; an office addressed is no name")
    func primeMinisterAndAddress() throws {
        let found = try tags("""
            The opposition asked why PM Dev Raman was silent, and CM Kiran Patel agreed. "Mr Speaker, you should \
            protect us," the member said.
            """)
        #expect(found.contains("PERSON Dev Raman") && found.contains("PERSON Kiran Patel"), "\(found)")
        #expect(!found.contains { $0.contains("PM ") || $0.contains("CM ") || $0.hasSuffix("Speaker") }, "\(found)")
    }

    @Test("A noun of people opening a sentence is no part of the name; everyday words before an office are no person")
    func nounsAndOffices() throws {
        let found = try tags("Journalist Fern Hadley told the meeting the cuts were bad. Kate Lorne, Artistic Director, agreed.")
        #expect(found.contains("PERSON Fern Hadley") && found.contains("PERSON Kate Lorne"), "\(found)")
        #expect(!found.contains { $0.contains("Journalist") || $0.contains("Artistic Director") }, "\(found)")
    }
}
