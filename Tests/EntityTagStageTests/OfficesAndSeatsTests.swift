import Testing

/// Forms that the tenth session's blind set and a new user's stories found: offices written after a body's name,
/// two bodies joined by `and`, a party and a seat in brackets after a person, a portfolio joined by `and` before a
/// minister, given names and family names that are also everyday words, a place before `resident`, and percentages
/// and money as Commonwealth copy writes them. Every sentence is written for the test, with made-up bodies and people.
struct OfficesAndSeatsTests {
    func tags(_ text: String) throws -> [String] { try IssueExamplesTests().tags(text) }

    @Test("An office after a body's or a place's name ends the name: `Corvane Holdings Country Manager`, `Marlow North Member of Parliament`")
    func officesAfterBodies() throws {
        let found = try tags("""
            The minister met Corvane Holdings Country Manager Ada Pell in Lusaka. Ben Tau, TKDA Chairman, thanked the \
            ministry. Questions came from the Marlow North Member of Parliament, Sam Ndlovu. "We are delighted," said \
            Lia Bourne, Quillfern Players' Artistic Director.
            """)
        for name in ["ORG Corvane Holdings", "ORG TKDA", "GPE Marlow North", "PERSON Ada Pell", "PERSON Sam Ndlovu"] {
            #expect(found.contains(name), "\(name) not in \(found)")
        }
        #expect(!found.contains { $0.contains("Manager") || $0.contains("Chairman") || $0.contains("Member") || $0.contains("Director") },
                "\(found)")
        #expect(found.contains { $0.hasSuffix(" Quillfern Players") }, "\(found)")
    }

    @Test("An office named with what it is for stays whole")
    func officesWithFor() throws {
        let found = try tags("The Corrin High Commissioner for Refugees visited the camp on Monday.")
        #expect(!found.contains("ORG Corrin High"), "\(found)")
    }

    @Test("Two bodies joined by `and` are two when the document writes one alone, or the first ends in a place after `of`")
    func bodiesJoinedByAnd() throws {
        let found = try tags("""
            Talks between the Government of Botswana and Tellane Mining resumed. Tellane Mining declined to comment. \
            Brightwork and Quillfern Players won grants; Quillfern Players will tour in May. The Liquor and Cannabis \
            Board met on Friday.
            """)
        for body in ["ORG Government of Botswana", "ORG Tellane Mining", "ORG Quillfern Players", "ORG Liquor and Cannabis Board"] {
            #expect(found.contains(body), "\(body) not in \(found)")
        }
        #expect(!found.contains { $0.contains("Botswana and") || $0.contains("Brightwork and") }, "\(found)")
    }

    @Test("A party's initials and a seat in brackets after a person: the party and the place")
    func partySeats() throws {
        let found = try tags("""
            Chief Minister Tan Kok Leong (PH-Bukit Mertang) answered a question from Lim Soo Ann (BN-Sungai Relau). \
            Sen. Dale Warner (R-Texas) and Rep. Ana Ruiz (D-N.Y.) voted no.
            """)
        for name in ["PERSON Tan Kok Leong", "ORG PH", "GPE Bukit Mertang", "ORG BN", "GPE Sungai Relau", "GPE Texas", "GPE N.Y.",
                     "PERSON Dale Warner", "PERSON Ana Ruiz"] {
            #expect(found.contains(name), "\(name) not in \(found)")
        }
        #expect(!found.contains { $0.contains("R-Texas") || $0.contains("PH-") }, "\(found)")
    }

    @Test("A minister's portfolio joined by `and` stays out of the person")
    func portfolioWithAnd() throws {
        let found = try tags("Its members include Minister of Works and Transport Daren Mohl and Minister of Trade Paula Gren.")
        #expect(found.contains("PERSON Daren Mohl"), "\(found)")
        #expect(!found.contains { $0.contains("Transport Daren") }, "\(found)")
    }

    @Test("Given names and family names that are everyday words still open a person's name")
    func everydayWordNames() throws {
        let found = try tags("""
            Rosemary Nakato Ssali, deputy secretary of the Corrin Farmers Union, who runs the scheme, spoke. Chief \
            Minister Chow Kin Wai said the plan was ready.
            """)
        for person in ["PERSON Rosemary Nakato Ssali", "PERSON Chow Kin Wai"] {
            #expect(found.contains(person), "\(person) not in \(found)")
        }
    }

    @Test("A name no list holds before `resident` is a place")
    func placeBeforeResident() throws {
        let found = try tags("Moravale resident Jon Selig agreed with the plan, and a Moravale resident wrote to the board.")
        #expect(found.contains("PERSON Jon Selig"), "\(found)")
        #expect(!found.contains("PERSON Moravale"), "\(found)")
    }

    @Test("An institution named after a person is the institution: `Ada Pell Memorial Foundation`, `X Children’s Discovery Center`")
    func institutionsNamedForPeople() throws {
        let found = try tags("""
            The Ada Pell Memorial Foundation gave money to the Tomas Vell Art Gallery and the Mira Osei Children’s \
            Discovery Center. Ada Pell said the gift was overdue.
            """)
        for body in ["ORG Ada Pell Memorial Foundation", "ORG Tomas Vell Art Gallery", "ORG Mira Osei Children’s Discovery Center",
                     "PERSON Ada Pell"] {
            #expect(found.contains(body), "\(body) not in \(found)")
        }
    }

    @Test("Indian honorifics stay outside the person (`Sri`, `Smt.`, `Hon’ble`), and no name ends in a joiner")
    func indianHonorifics() throws {
        let found = try tags("""
            Sri Varun Mehra, counsel for the petitioner, said the matter was argued by Smt. Kavya Rao. The Single Bench of \
            Hon’ble Justice Arjun Sethi heard it. Sri Lanka was not a party.
            """)
        for name in ["PERSON Varun Mehra", "PERSON Kavya Rao", "PERSON Arjun Sethi", "GPE Sri Lanka"] {
            #expect(found.contains(name), "\(name) not in \(found)")
        }
        #expect(!found.contains { $0.hasSuffix(" of") || $0.contains("Sri Varun") || $0.hasPrefix("GPE Sri Varun") }, "\(found)")
    }

    @Test("A firm named with its legal form is one organization: `Co`, `Pte. Ltd.`; an Irish county's `Co` is no form")
    func legalFormNames() throws {
        let found = try tags("""
            Tamsin Asset Management Co and Corvane International Pte. Ltd. signed the deal. Farmers in Ennis, Co Clare, \
            were told.
            """)
        for name in ["ORG Tamsin Asset Management Co", "ORG Corvane International Pte. Ltd.", "GPE Ennis"] {
            #expect(found.contains(name), "\(name) not in \(found)")
        }
        #expect(!found.contains { $0.contains("Ennis, Co") || $0 == "PERSON Ltd." }, "\(found)")
    }

    @Test("A state's party member is the state and a people's name; a newspaper after `The` is no person")
    func partiesAndPapers() throws {
        let found = try tags("Sen. Ann Dale, a Kentucky Republican, voted no, Dara Voss told The Hans Courier on Monday.")
        for name in ["GPE Kentucky", "NORP Republican", "ORG Hans Courier"] {
            #expect(found.contains(name), "\(name) not in \(found)")
        }
        #expect(!found.contains { $0 == "ORG The" || $0.hasPrefix("PERSON Hans") }, "\(found)")
    }

    @Test("Offices before names, plural or set off by a comma, leave the person: `Union Ministers X`, `X, general secretary of`")
    func officesAroundPeople() throws {
        let found = try tags("""
            Union Ministers Mira Tandon and Kiran Vell will open the show. Vikram Sood, national general secretary of the \
            Corvane Party, told reporters the show was big.
            """)
        for name in ["PERSON Mira Tandon", "PERSON Kiran Vell", "PERSON Vikram Sood"] {
            #expect(found.contains(name), "\(name) not in \(found)")
        }
    }

    @Test("Small nations' peoples are nationalities: `Costa Rican`, `Motswana`, `Bajan`, `Ni-Vanuatu`")
    func smallNationsPeoples() throws {
        let found = try tags("""
            The Costa Rican government took over the airport. A Motswana farmer, a Bajan chef and a Ni-Vanuatu diver spoke.
            """)
        for name in ["NORP Costa Rican", "NORP Motswana", "NORP Bajan", "NORP Ni-Vanuatu"] {
            #expect(found.contains(name), "\(name) not in \(found)")
        }
    }

    @Test("A chamber's party members, a government of a place, banks by their word, initials before an everyday family name")
    func chambersGovernmentsBanks() throws {
        let found = try tags("""
            Senate Republicans blocked the bill. The regents were named by the Government of Newfoundland and Labrador. \
            Corvabank rose while Mr Burbank sold. The seat held by J.C. Hill expired. Basque and Yoruba leaders met.
            """)
        for name in ["ORG Senate", "NORP Republicans", "ORG Government of Newfoundland and Labrador", "ORG Corvabank",
                     "PERSON Burbank", "PERSON J.C. Hill", "NORP Basque", "NORP Yoruba"] {
            #expect(found.contains(name), "\(name) not in \(found)")
        }
    }

    @Test("A club's form before its name is one club; initials before a family name stay a person; EBITDA is no body")
    func clubPrefixes() throws {
        let found = try tags("""
            Red Star beat FK Partizan and AS Roma drew, a study by AS Heagle found. EBITDA rose 12% at Tellane Resources.
            """)
        for name in ["ORG FK Partizan", "ORG AS Roma", "ORG Tellane Resources"] {
            #expect(found.contains(name), "\(name) not in \(found)")
        }
        #expect(!found.contains { $0.contains("EBITDA") || $0 == "ORG AS Heagle" }, "\(found)")
    }
}
