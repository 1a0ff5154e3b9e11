import Testing

/// Forms that a new user's business and police stories and the eleventh session's blind sets found: a firm read off its
/// trade (its shares, its takeover, a percentage it rose), the employer before an analyst, a unit of a force after `the`
/// or a possessive, a firm's name holding `in`, a seat's initials between a place and a person, and a retired officer's
/// `(Retd)`. Every sentence is written for the test, with made-up firms and people.
struct TradeNamesTests {
    func tags(_ text: String) throws -> [String] { try IssueExamplesTests().tags(text) }

    @Test("What has shares, is taken over or rises 7% is a firm, and one mention settles the others")
    func firmsByTrade() throws {
        let found = try tags("""
            Shares of Corvaxa rose 5% on Tuesday. Corvaxa said revenue rose. Brellin and Corvaxa gained on their results. \
            Pentrose's acquisition of Mallowby lit a fire under the sector. Mallowby declined to comment. \
            Quistel rose 7% after topping forecasts.
            """)
        #expect(found.filter { $0 == "ORG Corvaxa" }.count == 3, "\(found)")
        #expect(found.filter { $0 == "ORG Mallowby" }.count == 2, "\(found)")
        #expect(found.contains("ORG Quistel") && found.contains("ORG Pentrose"), "\(found)")
        #expect(!found.contains { $0.hasPrefix("PERSON") }, "\(found)")
    }

    @Test("A person named in full or with a title keeps the name, whatever the words around it")
    func personsKeepTheirNames() throws {
        let found = try tags("Dana Corvaxa joined the board. Shares of Corvaxa rose 5% after Corvaxa spoke.")
        #expect(found.contains("PERSON Dana Corvaxa"), "\(found)")
        #expect(!found.contains("ORG Corvaxa"), "\(found)")
    }

    @Test("The employer before an analyst is a firm: `Wedlow analyst`, `Carran & Co. analyst`")
    func employersOfAnalysts() throws {
        let found = try tags("""
            In a client note, Carran & Co. analyst Tomas Herero said the stock was cheap. Wedlow analyst Ada Pell \
            disagreed. Senior analyst Lia Bourne was not asked. Chinese economists were divided.
            """)
        for name in ["ORG Carran & Co.", "ORG Wedlow", "PERSON Tomas Herero", "PERSON Ada Pell", "PERSON Lia Bourne", "NORP Chinese"] {
            #expect(found.contains(name), "\(name) not in \(found)")
        }
        #expect(!found.contains { $0.contains("Senior") }, "\(found)")
    }

    @Test("A unit of a force after `the` or a possessive is one body, a rank inside it or not")
    func unitsOfForces() throws {
        let found = try tags("""
            The case was investigated by the force's Major Crime Team. Officers from the Serious and Organised Crime Unit \
            arrested two men, and the Priority and Economic Crime Squad searched the offices.
            """)
        for name in ["ORG Major Crime Team", "ORG Serious and Organised Crime Unit", "ORG Priority and Economic Crime Squad"] {
            #expect(found.contains(name), "\(name) not in \(found)")
        }
        #expect(!found.contains { $0.hasPrefix("PERSON") }, "\(found)")
    }

    @Test("A person's name holds no `in`: `Research In Motion` is a firm's")
    func firmsWithIn() throws {
        let found = try tags("Quarry In Motion said sales rose on Wednesday.")
        #expect(found.contains("ORG Quarry In Motion"), "\(found)")
    }

    @Test("A seat's initials between a place and a person, and a retired officer's `(Retd)`, are no part of a name")
    func seatsAndRetiredRanks() throws {
        let found = try tags("""
            Dorra Ward MCA Tomas Herero said the delay was too long. The guest was Maj. Gen. (Retd) Kamal Idrani, and \
            Col (Rtd) Ada Pell attended.
            """)
        for name in ["PERSON Tomas Herero", "PERSON Kamal Idrani", "PERSON Ada Pell"] {
            #expect(found.contains(name), "\(name) not in \(found)")
        }
        #expect(!found.contains { $0.contains("Retd") || $0.contains("Rtd") || $0.contains("MCA") }, "\(found)")
    }
}

/// Firms called firms, trades that end firms' names, and ministers' portfolios, from the eleventh session's blind set.
/// Every sentence is written for the test.
struct FirmNounsAndPortfoliosTests {
    func tags(_ text: String) throws -> [String] { try IssueExamplesTests().tags(text) }

    @Test("A name called a firm before it or in an apposition after it is a firm: `chipmaker Quistel`, `Rellan, a state-owned firm`")
    func firmNouns() throws {
        let found = try tags("""
            The other bidders are Rellan, a state-owned Indian firm, and the Brevik-based utility Corvaxa. Chipmaker Quistel \
            rose. Ships including the aircraft carrier Dana Marlow sailed.
            """)
        for name in ["ORG Rellan", "ORG Corvaxa", "ORG Quistel"] {
            #expect(found.contains(name), "\(name) not in \(found)")
        }
        #expect(!found.contains { $0.contains("Chipmaker") || $0 == "ORG Dana Marlow" }, "\(found)")
    }

    @Test("A name ending in a trade is a firm's, and `of` and a country after it say where it is from")
    func tradesEndFirms() throws {
        let found = try tags("""
            The bidders were Dorrance Tunnel Engineering and Brellin Rail of France. Kessa Metro Rail opened a new line.
            """)
        for name in ["ORG Dorrance Tunnel Engineering", "ORG Brellin Rail", "GPE France", "ORG Kessa Metro Rail"] {
            #expect(found.contains(name), "\(name) not in \(found)")
        }
    }

    @Test("A portfolio named after an office, or listed before it, is no body; a body's name inside one stays")
    func portfolios() throws {
        let found = try tags("""
            Councillor Ada Pell, the Cabinet Member for Finance, Modernisation and Performance, set the budget. The Minister \
            for International Trade and Investment, Tomas Herero, spoke, and so did Health, Seniors and Long-Term Care \
            Minister Lia Bourne. The Minister for the Cabinet Office met the Commissioner for the NHS.
            """)
        for name in ["PERSON Ada Pell", "PERSON Tomas Herero", "PERSON Lia Bourne", "ORG Cabinet Office", "ORG NHS"] {
            #expect(found.contains(name), "\(name) not in \(found)")
        }
        #expect(!found.contains { $0.hasPrefix("ORG") && $0 != "ORG Cabinet Office" && $0 != "ORG NHS" }, "\(found)")
    }
}

/// Unions of two trades, people set off before an office and `at`, and given names that are everyday words, from the
/// eleventh session's blind set. Every sentence is written for the test.
struct UnionsAndApposedOfficesTests {
    func tags(_ text: String) throws -> [String] { try IssueExamplesTests().tags(text) }

    @Test("A union of two trades is one body; a bank and trust company stays one too")
    func tradeUnions() throws {
        let found = try tags("""
            The Corrin Nurses and Midwives Union balloted its members. The Dorrance Teachers and Lecturers Association \
            agreed. The Farmers Bank and Trust Company opened a branch.
            """)
        for name in ["ORG Corrin Nurses and Midwives Union", "ORG Dorrance Teachers and Lecturers Association",
                     "ORG Farmers Bank and Trust Company"] {
            #expect(found.contains(name), "\(name) not in \(found)")
        }
    }

    @Test("A person set off by a comma before `interim CEO at` is a person, and `Innocent` can be a given name")
    func apposedOfficesAndGivenNames() throws {
        let found = try tags("""
            Among those at the meeting were Tessa-Lyn Marlow, interim CEO at Corrin Freight Authority, and others. \
            The estate of Innocent Kamadi Anyange went to court.
            """)
        for name in ["PERSON Tessa-Lyn Marlow", "ORG Corrin Freight Authority", "PERSON Innocent Kamadi Anyange"] {
            #expect(found.contains(name), "\(name) not in \(found)")
        }
    }

    @Test("A sentence's opening `The` is no part of a name of two words or more after it; inside a sentence it may be")
    func openingThe() throws {
        let found = try tags("The Corrin Red Devils recorded a win. Fans cheered for The Corrin Red Devils.")
        let first = try #require(found.first, "no names")
        #expect(first.hasSuffix(" Corrin Red Devils") && !first.contains("The"), "\(found)")
    }
}

/// Irish copy's counties, deputies and police, from a new user's Irish court and politics stories. Every sentence is
/// written for the test, with made-up people and towns.
struct IrishFormsTests {
    func tags(_ text: String) throws -> [String] { try IssueExamplesTests().tags(text) }

    @Test("`Co` and a county are one place, and the town before them is a town")
    func counties() throws {
        let found = try tags("""
            Ada Quinlan, 22, from Ballykeel, Co Wicklow, appeared in court. The crash happened in Co. Cork on Monday, and \
            the accused lives in Co Mayo.
            """)
        for name in ["GPE Ballykeel", "GPE Co Wicklow", "GPE Co. Cork", "GPE Co Mayo", "PERSON Ada Quinlan"] {
            #expect(found.contains(name), "\(name) not in \(found)")
        }
    }

    @Test("`TD` is a deputy's title before a name, but a firm's initials before a firm's name")
    func deputiesAndFirms() throws {
        let found = try tags("""
            Labour TD Tomas Herlihy told the Dáil on Thursday. TD Securities Inc cut its target, and the Garda Siochana \
            said it would review the case.
            """)
        for name in ["ORG Labour", "PERSON Tomas Herlihy", "ORG TD Securities Inc", "ORG Garda Siochana"] {
            #expect(found.contains(name), "\(name) not in \(found)")
        }
    }
}

/// Bodies named with their initials, heads inside bodies' names, Arabic names joined by `bin`, firms called giants, and
/// co-offices, from the eleventh session's blind sets. Every sentence is written for the test.
struct InitialsAndParticlesTests {
    func tags(_ text: String) throws -> [String] { try IssueExamplesTests().tags(text) }

    @Test("A name followed by its initials in brackets is a body's, and so are the initials")
    func initialledBodies() throws {
        let found = try tags("""
            Yacimientos Petroleros Fiscales Corrinos (YPFC) has announced legal action. According to YPFC, the claims \
            are false. The Dorrance Institute of Pathology (DIP) suspended six executives.
            """)
        for name in ["ORG Yacimientos Petroleros Fiscales Corrinos", "ORG YPFC", "ORG Dorrance Institute of Pathology", "ORG DIP"] {
            #expect(found.contains(name), "\(name) not in \(found)")
        }
        #expect(!found.contains { $0.hasPrefix("PERSON") || $0.hasPrefix("GPE") }, "\(found)")
    }

    @Test("`bin` joins a given name to the person after it; a co-office after a firm is no part of its name")
    func particlesAndCoOffices() throws {
        let found = try tags("""
            Minister of Transport Eng. Kamal bin Ahmed Rashidi chaired the meeting. Quistel Co-Chief Executive Officer \
            Tomas Herero attended.
            """)
        for name in ["PERSON Kamal bin Ahmed Rashidi", "ORG Quistel", "PERSON Tomas Herero"] {
            #expect(found.contains(name), "\(name) not in \(found)")
        }
    }

    @Test("A firm called a giant, or whose board is named, is a firm in every mention, even listed beside a person")
    func giantsAndBoards() throws {
        let found = try tags("""
            The cabinet dismissed the supervisory board of Vendrogaz, the state-owned oil and gas giant. Vendrogaz said it \
            would appeal. Workers were harmed by the deal between the government of Luis Lacalle and Katoen Brellin, which \
            the Belgian company Katoen Brellin denied.
            """)
        #expect(found.filter { $0 == "ORG Vendrogaz" }.count == 2, "\(found)")
        #expect(found.filter { $0 == "ORG Katoen Brellin" }.count == 2, "\(found)")
        #expect(found.contains("PERSON Luis Lacalle"), "\(found)")
    }
}

/// Bodies' names begun too late or ended too early, a dash before `The`, events ending in `Fest`, and places the lists
/// lacked, from the eleventh session's last blind set. Every sentence is written for the test.
struct NameJoinsTests {
    func tags(_ text: String) throws -> [String] { try IssueExamplesTests().tags(text) }

    @Test("`General` opens a body's name; a Romance name goes on over `et de`; a district's number is its name's")
    func joinedBodies() throws {
        let found = try tags("""
            CORRIN (CAP) - The Ministry of Health held a drill. The General Corrin Book Organization gave prizes. The firm works \
            with Compagnie Corrinaise de Goutte-à-Goutte et de Pompage. Water comes from Brellin Water Supply District #13.
            """)
        for name in ["ORG Ministry of Health", "ORG General Corrin Book Organization",
                     "ORG Compagnie Corrinaise de Goutte-à-Goutte et de Pompage", "ORG Brellin Water Supply District #13"] {
            #expect(found.contains(name), "\(name) not in \(found)")
        }
    }

    @Test("A festival's `Fest` ends an event after a place, and `bin` joins the name a stadium is named for")
    func eventsAndStadiums() throws {
        let found = try tags("""
            The inaugural Leeds Music Fest drew crowds. The final was at Maktoum bin Rashid Al Maktoum Stadium.
            """)
        for name in ["EVENT Leeds Music Fest", "FAC Maktoum bin Rashid Al Maktoum Stadium"] {
            #expect(found.contains(name), "\(name) not in \(found)")
        }
    }
}
