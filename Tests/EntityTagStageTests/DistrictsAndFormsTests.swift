import Testing

/// Forms that the twelfth session's blind entity sets found: a district named for a service, a plan or a policy read
/// as a body, a firm's legal form from Eastern Europe or Asia, honours that open Gulf and Yoruba names, a capitalized
/// `Bint`, and a news agency in brackets after a dateline's place. Every sentence is written for the test, with
/// made-up places, firms and people.
struct DistrictsAndFormsTests {
    func tags(_ text: String) throws -> [String] { try IssueExamplesTests().tags(text) }

    @Test("A district named for a service is the body that runs it; a plan or a policy is no body")
    func districtsAndPlans() throws {
        let found = try tags("""
            The Corvell Sanitary District raised its rates, and the Brenmouth School District hired two teachers. \
            The Brenmouth District voted. The ministry launched the National Health Strategy and the National Water Sector \
            Policy, drafted with the Centre for Water Policy.
            """)
        for name in ["ORG Corvell Sanitary District", "ORG Brenmouth School District", "ORG Centre for Water Policy"] {
            #expect(found.contains(name), "\(name) not in \(found)")
        }
        #expect(!found.contains { $0.hasSuffix("Strategy") || $0.hasSuffix("Sector Policy") }, "\(found)")
        #expect(!found.contains("ORG Brenmouth District"), "\(found)")
    }

    @Test("A legal form such as JSC, PJSC or S.p.A. after a name makes it a firm")
    func legalForms() throws {
        let found = try tags("Orvanto Tavral JSC presented its report. Kestrani PJSC and Bellago S.p.A. signed a deal.")
        for name in ["ORG Orvanto Tavral JSC", "ORG Kestrani PJSC"] {
            #expect(found.contains(name), "\(name) not in \(found)")
        }
        #expect(!found.contains { $0.hasPrefix("PERSON") }, "\(found)")
    }

    @Test("`Shaikha` and `Otunba` are honours outside the name, and a capitalized `Bint` joins the given name before it")
    func honoursAndParticles() throws {
        let found = try tags("""
            Shaikha Hind Bint Rashad Al Tamar opened the centre. Otunba Kolade Adebanjo chaired the meeting.
            """)
        for name in ["PERSON Hind Bint Rashad Al Tamar", "PERSON Kolade Adebanjo"] {
            #expect(found.contains(name), "\(name) not in \(found)")
        }
    }

    @Test("The agency in brackets after a dateline's place is an agency, and a state in brackets stays a place")
    func agencyInDateline() throws {
        let found = try tags("JAKARTA (ANTARA) - Scientists found a new species.\n\nPORTLAND (Maine) - Rain fell all day.")
        for name in ["GPE JAKARTA", "ORG ANTARA", "GPE PORTLAND", "GPE Maine"] {
            #expect(found.contains(name), "\(name) not in \(found)")
        }
    }
}

/// Bodies that the twelfth session's third blind entity set found misread: a court of a country the model named as the
/// country, an office before a firm's name, a union with a possessive plural, a party's initials read as a person.
/// Every sentence is written for the test, with made-up places, firms and people.
struct OfficesAndInitialsTests {
    func tags(_ text: String) throws -> [String] { try IssueExamplesTests().tags(text) }

    @Test("`the Court of Corvania` is the court, where the model named the country alone")
    func courtOfCountry() throws {
        let found = try tags("The prosecutor asked the Court of Corvania and Tessaly to sentence him. Corvania and Tessaly protested.")
        #expect(found.contains("ORG Court of Corvania and Tessaly"), "\(found)")
    }

    @Test("An office before `of` is no part of the firm's name; a board alone names no body; a named board stays whole")
    func officesOfBodies() throws {
        let found = try tags("""
            Ravi Tovar, Group CEO of Brenmark Holdings Limited, said profits rose. She will stay Chairman of the Board of \
            Directors. The Kestle Arena Board of Directors met on Friday.
            """)
        #expect(found.contains("ORG Brenmark Holdings Limited"), "\(found)")
        #expect(!found.contains { $0.contains("CEO") || $0 == "ORG Board of Directors" }, "\(found)")
        #expect(found.contains("ORG Kestle Arena Board of Directors"), "\(found)")
    }

    @Test("A union whose name holds a possessive plural is a body, and so are its initials")
    func possessiveUnion() throws {
        let found = try tags("Officials of the Corvania Workers' Union (CWU) spoke. CWU general secretary Ana Tovar joined them.")
        #expect(found.contains("ORG Corvania Workers' Union"), "\(found)")
        #expect(!found.contains { $0.hasPrefix("GPE") && $0.contains("Union") }, "\(found)")
    }

    @Test("A party's initials alone are a body, not a person, and a dateline's town in capitals is not one")
    func capitalsAlone() throws {
        let found = try tags("The Social Democrats (SPÖ) lost their majority. SPÖ Mayor Tomas Brell said he will stay.")
        #expect(!found.contains("PERSON SPÖ"), "\(found)")
    }
}
