import Testing

/// Classes of the fifteenth session's blind sets (European, Israeli and Turkish news; sport, arts, health and
/// trade press): a law's divisions and the country it is of, bills, national bodies named by a field and a country,
/// a person run together with a body beside them, `Dean` as a given name, a government named for its leader,
/// currency codes, parliaments called by their own names and trade words of film and racing firms. Every sentence is
/// written for the test.
struct BodiesAndLawsTests {
    func tags(_ text: String) throws -> [String] { try IssueExamplesTests().tags(text) }

    @Test("A law's division and its number are no name; a code of a country is one law; a capitalized bill is a law")
    func legalReferences() throws {
        let found = try tags("""
            The court convicted him under Part 2 of Article 114 and Section 9 of the Penal Code of Moldova, and under \
            Clause 4 of the Constitution of the Philippines. Senators debated the Creative Ireland Bill on Tuesday.
            """)
        for word in ["Part", "Section", "Clause"] {
            #expect(!found.contains { $0.hasSuffix(" \(word)") }, "\(word) in \(found)")
        }
        #expect(found.contains("LAW Penal Code of Moldova") && !found.contains("GPE Moldova"), "\(found)")
        #expect(found.contains("LAW Constitution of the Philippines"), "\(found)")
        #expect(found.contains("LAW Creative Ireland Bill"), "\(found)")
    }

    @Test("A field word and a listed country beside it are a national body, before or after the country")
    func sectorBodies() throws {
        let found = try tags("""
            The grant came from Screen Ireland, and Music Canada welcomed it. UK Athletics named a new coach, Rugby \
            Canada cut its budget, and the deal was backed by Enterprise Ireland. Canada beat Ireland on Saturday.
            """)
        for body in ["Screen Ireland", "Music Canada", "UK Athletics", "Rugby Canada", "Enterprise Ireland"] {
            #expect(found.contains("ORG \(body)"), "\(body) not a body in \(found)")
        }
        #expect(found.contains("GPE Canada") && found.contains("GPE Ireland"), "\(found)")
    }

    @Test("A person and a body run together are two names; a body's possessive before a member's name is the body")
    func peopleBesideBodies() throws {
        let found = try tags("""
            The panel may include finance director Marek Zielinski and Justice Ministry adviser Anna Vos. That was \
            enough for the Liberals’ Gregor Lund to keep his seat.
            """)
        #expect(found.contains("PERSON Marek Zielinski"), "\(found)")
        #expect(found.contains("ORG Justice Ministry"), "\(found)")
        #expect(found.contains("PERSON Gregor Lund") && found.contains("ORG Liberals"), "\(found)")
        #expect(!found.contains { $0.contains("Zielinski and") || $0.contains("’ Gregor") }, "\(found)")
    }

    @Test("`Dean` before a lone family name is the given name; a government named for a leader names the person")
    func deansAndLeaders() throws {
        let found = try tags("""
            “We are ready,” said Dean Halloran, the club’s chief executive. The Dean of Students, Maria Ortiz, agreed. \
            Prime Minister Rhoda Kessler spoke first, and the Kessler Government later approved the plan.
            """)
        #expect(found.contains("PERSON Dean Halloran"), "\(found)")
        #expect(!found.contains("PERSON Dean of Students"), "\(found)")
        #expect(found.contains("PERSON Kessler") && !found.contains("ORG Kessler Government"), "\(found)")
    }

    @Test("A currency's code before an amount is money, not a body; parliaments by their own names are bodies")
    func currenciesAndParliaments() throws {
        let found = try tags("""
            Turnover totalled NIS 640 million, and the fine was PLN 12,000. The Saeima and the Storting both voted on \
            Friday, as did the Riigikogu.
            """)
        #expect(found.contains("MONEY NIS 640 million") && found.contains("MONEY PLN 12,000"), "\(found)")
        #expect(!found.contains("ORG NIS") && !found.contains("ORG PLN"), "\(found)")
        for body in ["Saeima", "Storting", "Riigikogu"] {
            #expect(found.contains("ORG \(body)"), "\(body) not a body in \(found)")
        }
    }

    @Test("Film, studio and racing firms are bodies, and New South Wales is written NSW")
    func tradeWordsAndStates() throws {
        let found = try tags("""
            Harbour Lane Films and Kestrel Studio will share the money. Ridgeway Racing finished second. The show opens \
            in Newcastle, NSW, in March.
            """)
        for body in ["Harbour Lane Films", "Kestrel Studio", "Ridgeway Racing"] {
            #expect(found.contains("ORG \(body)"), "\(body) not a body in \(found)")
        }
        #expect(found.contains("GPE NSW"), "\(found)")
    }

    @Test("`Law on` and its capitalized words are a law; a city's name with a building's head before `of` is the building")
    func lawsOnAndBuildings() throws {
        let found = try tags("""
            The council broke the Law on Local Governments and the Law on the Protection of Personal Data. Crowds \
            gathered outside the Odesa Palace of Culture on Sunday.
            """)
        #expect(found.contains("LAW Law on Local Governments"), "\(found)")
        #expect(found.contains("LAW Law on the Protection of Personal Data"), "\(found)")
        #expect(found.contains("FAC Odesa Palace of Culture") && !found.contains("GPE Odesa Palace of Culture"), "\(found)")
    }

    @Test("A family name named again with its particle in lower case keeps the particle")
    func particleSurnames() throws {
        let found = try tags("""
            Pieter van Houten won the stage. Later van Houten said the wind had helped, and da Rocha agreed.
            """)
        #expect(found.filter { $0 == "PERSON van Houten" }.count == 1, "\(found)")
        #expect(!found.contains("PERSON da Rocha"), "\(found)")
    }

    @Test("A bill with a bracket in its name is one law; `the Bill` alone is no one; `The` before a listed body goes")
    func billsAndBodies() throws {
        let found = try tags("""
            The Coastal Districts Elections (Interim Measures) Bill was passed on Friday. The debate on the said Bill \
            ran late, and 140 members voted for the Bill. A source said: “The Parliament approved it.” Bill Okoro \
            welcomed it.
            """)
        #expect(found.contains("LAW Coastal Districts Elections (Interim Measures) Bill"), "\(found)")
        #expect(!found.contains("PERSON Bill") && !found.contains("PERSON Interim Measures"), "\(found)")
        #expect(found.contains("ORG Parliament") && !found.contains("ORG The Parliament"), "\(found)")
        #expect(found.contains("PERSON Bill Okoro"), "\(found)")
    }

    @Test("An act with a bracket in its name is one law, its capital `The` no body")
    func bracketedActs() throws {
        let found = try tags("""
            He admitted an offence under section 6 of The Public Order (Road Safety) Act at the district court.
            """)
        #expect(found.contains("LAW Public Order (Road Safety) Act"), "\(found)")
        #expect(!found.contains { $0.hasPrefix("ORG The Public") || $0.hasPrefix("ORG Road Safety") }, "\(found)")
    }

    @Test("A title-case headline with a word that links its clauses is no body's name")
    func headlineLinks() throws {
        let found = try tags("""
            Mayor and Council Clash Over Harbour Parking Fees
            The council voted on Monday to raise the fees.
            """)
        #expect(!found.contains { $0.hasPrefix("ORG Council Clash") }, "\(found)")
    }
}
