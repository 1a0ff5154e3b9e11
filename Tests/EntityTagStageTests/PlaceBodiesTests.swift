import Testing

/// Classes of the sixteenth session's blind sets (New Zealand, Australian, US statehouse and Canadian provincial
/// news; Rwanda, Burundi, Cameroon, Liberia, Sierra Leone, the Gambia, Malawi, Mozambique, Mauritius, Seychelles,
/// Nepal, Bhutan, the Maldives and Afghanistan): everyday nouns some outlets capitalize, days of the week run into
/// names, legislatures and shires named by their place, stations named `Radio X`, institutions named for a royal and
/// currency codes of small economies. Every sentence is written for the test.
struct PlaceBodiesTests {
    func tags(_ text: String) throws -> [String] { try IssueExamplesTests().tags(text) }

    @Test("A lone capitalized noun of a body, an office or a place is no name; a chamber's word alone stays")
    func commonNouns() throws {
        let found = try tags("""
            The hearing at the Kigoma High Court went ahead without the Lawyers, and the Registrars' offices stayed \
            open. The Association says its members were not consulted, contrary to the Government's promise. Thefts \
            in the City rose, the Lord Mayor said. The bill now goes to the Senate, where three MDCs and two MLAs \
            oppose it.
            """)
        for noun in ["Lawyers", "Registrars", "Association", "Government", "City", "Mayor", "MDCs", "MLAs"] {
            #expect(!found.contains { $0.hasSuffix(" \(noun)") }, "\(noun) in \(found)")
        }
        #expect(found.contains("ORG Kigoma High Court"), "\(found)")
        #expect(found.contains("ORG Senate"), "\(found)")
    }

    @Test("A body the model cut before `on` or `of` keeps its word")
    func nameGoesOn() throws {
        let found = try tags("""
            A spokeswoman for the Council on Rural Housing Reform said the figures were wrong.
            """)
        #expect(found.contains { $0.hasPrefix("ORG") && $0.contains("Council") }, "\(found)")
    }

    @Test("A day of the week is no part of a name, nor a name alone")
    func weekdays() throws {
        let found = try tags("""
            Reporting from Parliament House Thursday, she said the Brotherhood of Carpenters Friday meeting was off. \
            The league resumes Saturday in Gweru.
            """)
        #expect(!found.contains { !$0.hasPrefix("DATE") && ($0.contains("Thursday") || $0.contains("Friday") || $0.contains("Saturday")) },
                "\(found)")
        #expect(found.contains("ORG Brotherhood of Carpenters"), "\(found)")
    }

    @Test("A listed place and a legislature's chamber are the body")
    func legislatures() throws {
        let found = try tags("""
            The measure cleared the Kansas Senate last week. The Oregon House then passed it, and the Idaho \
            Legislature's session ended before a vote. The Virginia House of Delegates took it up in March.
            """)
        for body in ["Kansas Senate", "Oregon House", "Idaho Legislature", "Virginia House of Delegates"] {
            #expect(found.contains("ORG \(body)"), "\(body) not a body in \(found)")
        }
        #expect(!found.contains("GPE Kansas") && !found.contains("GPE Oregon"), "\(found)")
    }

    @Test("`Shire of X` is the council, `Radio X` the station, a place and a paper's word the paper; a plural of bodies is no name")
    func shiresAndStations() throws {
        let found = try tags("""
            The Shire of Dundarrin has approved the camp, Radio Tamasha reported on Monday.
            """)
        #expect(found.contains("ORG Shire of Dundarrin"), "\(found)")
        let papers = try tags("""
            The Malawi Tribune reported that Kigoma Courts stayed open, and the Fiji Sun ran the story on Sunday.
            """)
        #expect(papers.contains("ORG Malawi Tribune") && papers.contains("ORG Fiji Sun"), "\(papers)")
        #expect(papers.contains("GPE Kigoma") && !papers.contains { $0.contains("Courts") }, "\(papers)")
        #expect(found.contains("ORG Radio Tamasha"), "\(found)")
    }

    @Test("An institution named for a royal or a dignitary keeps the title")
    func namesakes() throws {
        let found = try tags("""
            Pupils at Queen Mary Community School and Princess Anne Primary School will move to new classrooms.
            """)
        #expect(found.contains("ORG Queen Mary Community School"), "\(found)")
        #expect(found.contains("ORG Princess Anne Primary School"), "\(found)")
    }

    @Test("Currency codes of small economies before an amount are money, not places")
    func currencyCodes() throws {
        let found = try tags("""
            Net profit reached Nu 1,204.5 million, while the Malawi unit earned MK 3 billion and the Freetown branch \
            SLE 42 million.
            """)
        #expect(found.contains("MONEY Nu 1,204.5 million"), "\(found)")
        #expect(found.contains("MONEY MK 3 billion"), "\(found)")
        #expect(found.contains("MONEY SLE 42 million"), "\(found)")
        #expect(!found.contains("GPE Nu"), "\(found)")
    }

    @Test("A person read over a firm's possessive is the firm; a body of members gives the body it is of its short name")
    func possessivesAndMembers() throws {
        let found = try tags("""
            Workers will move from Tarvo Resources’ Kellerby operations to the camp. Officers with the Kestrel Bay \
            Constabulary want answers. The Kestrel Bay Constabulary Association has written to both candidates.
            """)
        #expect(found.contains("ORG Tarvo Resources"), "\(found)")
        #expect(!found.contains { $0.hasPrefix("PERSON") }, "\(found)")
        #expect(found.contains("ORG Kestrel Bay Constabulary"), "\(found)")
        #expect(found.contains("ORG Kestrel Bay Constabulary Association"), "\(found)")
    }

    @Test("The people of a listed place, its name and -ns or -ers, are a people")
    func peoplesOfPlaces() throws {
        let found = try tags("""
            Turnout fell, and Queenslanders and Aucklanders watched the count on Sunday.
            """)
        #expect(found.contains("NORP Queenslanders") && found.contains("NORP Aucklanders"), "\(found)")
    }

    @Test("A month's short name before a date is no part of a dateline's place; countries are found by their accents")
    func datelinesAndAccents() throws {
        let found = try tags("""
            Kargil Mar 9: The delegation from São Tomé e Príncipe arrived on Tuesday.
            """)
        #expect(found.contains("GPE Kargil"), "\(found)")
        #expect(!found.contains { $0.contains("Mar") && !$0.hasPrefix("DATE") }, "\(found)")
        #expect(found.contains("GPE São Tomé e Príncipe"), "\(found)")
    }

    @Test("The places of a dateline in capitals joined by slashes are places")
    func slashedDatelines() throws {
        let found = try tags("""
            KORLAN/MERITH/DUSK VALLEY, Feb 2: Voting in the three districts ended quietly.
            """)
        #expect(!found.contains { $0.hasPrefix("ORG") || $0.hasPrefix("PERSON") }, "\(found)")
        #expect(found.contains("GPE KORLAN"), "\(found)")
    }

    @Test("A person read over a seat holder's initials is the seat's place and the person")
    func seatsInsidePeople() throws {
        let found = try tags("""
            NKDC Chief Executive Member and Mawlai MDC Bantei Kharkongor will contest from Mawlai, the party said.
            """)
        #expect(found.contains("PERSON Bantei Kharkongor"), "\(found)")
        #expect(!found.contains { $0.hasPrefix("PERSON") && ($0.contains("MDC") || $0.contains("and ")) }, "\(found)")
    }
}
