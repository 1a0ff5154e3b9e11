import Testing

/// Classes of the thirteenth session's blind sets in local government news: a party in brackets after a
/// councillor, the Crown's possessive before a service, a maker named by its town and trade, and a county alone
/// beside its commissioners. Every sentence is written for the test.
struct PartiesAndPrefixesTests {
    func tags(_ text: String) throws -> [String] { try IssueExamplesTests().tags(text) }

    @Test("Capitals in brackets after a councillor are the party; `Ind` is no entity")
    func partyTags() throws {
        let found = try tags("""
            He agreed with a suggestion from Cllr Donal Kearin (FF), that meetings should start at 1pm. \
            Councillor Maire Doolan (Ind) asked that the policy be changed.
            """)
        #expect(found.contains("ORG FF") && found.contains("PERSON Donal Kearin"), "\(found)")
        #expect(!found.contains { $0.hasSuffix(" Ind") }, "\(found)")
    }

    @Test("Capitals before a politician's word are the party; `league ERA leader` is none")
    func partyInitials() throws {
        let found = try tags("""
            Two councillors filed a motion against the current PP mayor of Benalva, Cristo Dias. A DA councillor said \
            the motion would fail. Major league ERA leader Kevin Browne threw seven innings.
            """)
        #expect(found.contains("ORG PP") && found.contains("ORG DA"), "\(found)")
        #expect(!found.contains("ORG ERA"), "\(found)")
    }

    @Test("The Crown's possessive and `HM` belong to the service's name")
    func crownServices() throws {
        let found = try tags("""
            His Majesty’s Courts and Tribunals Service said the sitting days would be cut. HM Revenue and Customs \
            declined to comment, and Her Majesty's Prison Service said nothing.
            """)
        for name in ["ORG His Majesty’s Courts and Tribunals Service", "ORG HM Revenue and Customs", "ORG Her Majesty's Prison Service"] {
            #expect(found.contains(name), "\(name) not in \(found)")
        }
    }

    @Test("A town and a maker's trade are a firm; a county alone beside its commissioners is the county")
    func makersAndCounties() throws {
        let found = try tags("""
            Fox Valley Packaging will close its mill next year, and Fox Valley Packaging said 200 jobs would go. \
            The Natrona County Commissioners met on Tuesday. Funding for Natrona County to renovate the stalls was added.
            """)
        #expect(found.contains("ORG Fox Valley Packaging"), "\(found)")
        #expect(found.contains("GPE Natrona County") && found.contains("ORG Natrona County Commissioners"), "\(found)")
    }

    @Test("`Tun` after a rank is a name's word; a Bruneian name with its father's honorifics inside is one person")
    func honorificsInsideNames() throws {
        let found = try tags("""
            Major-General Tun Tun Maung spoke at the press conference. Hj Md Rasid Dato Paduka Hj Md Yusof, the \
            permanent secretary, opened the fair.
            """)
        #expect(found.contains("PERSON Tun Tun Maung"), "\(found)")
        #expect(found.contains("PERSON Md Rasid Dato Paduka Hj Md Yusof"), "\(found)")
    }
}

/// Title-case headlines, where every word has a capital: found by running Lede as a new user on two council budget
/// pages. Sentences written for the test.
struct TitleCaseLinesTests {
    func tags(_ text: String) throws -> [String] { try IssueExamplesTests().tags(text) }

    @Test("A headline is no name, everyday words with a body's head on it are no person, and `the Council's` is the body")
    func headlines() throws {
        let found = try tags("""
            Council Approves Operating Budget

            Mayor Accepts City Council Budget for Fiscal Year 2026

            The Mayor's Office said the Council's proposed budget would be accepted, and Tiger Woods Golf Day was cancelled.
            """)
        #expect(!found.contains("ORG Council Approves Operating Budget"), "\(found)")
        #expect(!found.contains("PERSON Council Budget") && !found.contains("PERSON Council"), "\(found)")
    }

    @Test("`Council Member Kathy Orr` is a person after an office; a shouted town before its state and a dash is a place")
    func memberOfficesAndShoutedDatelines() throws {
        let found = try tags("""
            PELLOSTA, Iowa — Members of the council struggled this week. Council Member Kathy Orr complained about the \
            protests. Board Member Jane Doyle said nothing.
            """)
        for name in ["GPE PELLOSTA", "PERSON Kathy Orr", "PERSON Jane Doyle"] {
            #expect(found.contains(name), "\(name) not in \(found)")
        }
        #expect(!found.contains("ORG Board Member"), "\(found)")
    }
}
