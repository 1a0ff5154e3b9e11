import Testing

/// Classes of the fourteenth session's blind sets (business, South and Southeast Asian, African and Gulf news): a
/// body's `The` after a dateline, stock symbols, police offices before their holders, places before a unit's word in
/// lower case, firms named for a founder's possessive, initials run on after a name, a country before a national
/// body, cities outside sport, and ranks written without full stops. Every sentence is written for the test.
struct OfficesAndUnitsTests {
    func tags(_ text: String) throws -> [String] { try IssueExamplesTests().tags(text) }

    @Test("`The` after a dateline's colon, or opening a quotation, is no part of the body's name")
    func openingThe() throws {
        let found = try tags("""
            LAHORE: The Punjab Cotton Exchange has suspended trading for a week. “The Town Council of Marwick has no \
            money left,” she said. He had starred in “The Silent Harbour Company” for years.
            """)
        #expect(found.contains("ORG Punjab Cotton Exchange"), "\(found)")
        #expect(found.contains("ORG Town Council of Marwick"), "\(found)")
        #expect(!found.contains("ORG The Punjab Cotton Exchange") && !found.contains("ORG The Town Council of Marwick"), "\(found)")
    }

    @Test("A stock symbol after an exchange's colon, or mixing capitals and digits in brackets, is no name")
    func tickers() throws {
        let found = try tags("""
            Shares in Karlin Minerals (ASX: KLM) rose 12% after the assay results, while Toran Gold Corp (TSX-V: TGC, \
            OTCQB: TORNF) fell. Westbrook Resources (W77) said drilling would resume in May.
            """)
        #expect(found.contains("ORG Karlin Minerals") && found.contains("ORG ASX"), "\(found)")
        for symbol in ["KLM", "TGC", "TORNF", "W77"] {
            #expect(!found.contains { $0.hasSuffix(" \(symbol)") }, "\(symbol) in \(found)")
        }
    }

    @Test("An office named by its title and body is no body, and the name after it is its holder")
    func officesBeforeHolders() throws {
        let found = try tags("""
            Commissioner of Police (CP) Ramesh Kumar Behera said the curfew would be lifted on Sunday. Inspector General \
            of Police Anil Prasad Rout visited the town.
            """)
        #expect(found.contains("PERSON Ramesh Kumar Behera") && found.contains("PERSON Anil Prasad Rout"), "\(found)")
        #expect(!found.contains("ORG Commissioner of Police") && !found.contains("ORG CP"), "\(found)")
    }

    @Test("A name before a governed unit's word in lower case is the place, a given name first or not")
    func placesBeforeUnits() throws {
        let found = try tags("""
            The floods reached Dan Loc district and Mae Sai sub-district on Monday, and the family moved to Tuan Giao \
            commune. Officials in Patnongon Sur said the road was closed.
            """)
        for place in ["Dan Loc", "Mae Sai", "Tuan Giao", "Patnongon Sur"] {
            #expect(found.contains("GPE \(place)"), "\(place) not a place in \(found)")
        }
    }

    @Test("A founder's possessive and a firm's word are one firm; an office after a title's possessive is one body")
    func possessiveFirms() throws {
        let found = try tags("""
            Shares of Dr Rao’s Laboratories and Kamal's Industries fell on Monday, the Prime Minister’s Office said.
            """)
        for name in ["ORG Dr Rao’s Laboratories", "ORG Kamal's Industries", "ORG Prime Minister’s Office"] {
            #expect(found.contains(name), "\(name) not in \(found)")
        }
        #expect(!found.contains("PERSON Rao"), "\(found)")
    }

    @Test("Initials written right after a body's name are a second name")
    func trailingInitials() throws {
        let found = try tags("""
            The Malawi National Union of Teachers MNUT issued a strike notice on Monday. A week later the Lakeshore \
            Coalition Forces of Change-LCFC said it would join them.
            """)
        for name in ["ORG Malawi National Union of Teachers", "ORG MNUT", "ORG Lakeshore Coalition Forces of Change", "ORG LCFC"] {
            #expect(found.contains(name), "\(name) not in \(found)")
        }
    }

    @Test("A country before a listed national body belongs to it")
    func countryBeforeBody() throws {
        let found = try tags("The US Food and Drug Administration approved the drug on Friday.")
        #expect(found.contains("ORG US Food and Drug Administration"), "\(found)")
    }

    @Test("A name ending in `City` is the city outside sport; a side in a table of results stays a club")
    func cities() throws {
        let found = try tags("""
            Residents of Tarlac City and Naga City complained about the water supply. The mayor said the pipes would be \
            replaced by March.
            """)
        #expect(found.contains("GPE Tarlac City") && found.contains("GPE Naga City"), "\(found)")
    }

    @Test("Ranks without full stops stay outside the person; a rank's first short word is no name")
    func ranks() throws {
        let found = try tags("""
            Maj Gen Somsak Rattana and Pol Col Anan Chaiyo attended. Dutchman Joost de Vries was appointed coach in May.
            """)
        for name in ["PERSON Somsak Rattana", "PERSON Anan Chaiyo", "PERSON Joost de Vries"] {
            #expect(found.contains(name), "\(name) not in \(found)")
        }
        #expect(!found.contains { $0.hasSuffix(" Pol") }, "\(found)")
        let deputy = try tags("The budgets were approved, and Undersheriff Dale Rourke spoke about the jail's staff.")
        #expect(deputy.contains("PERSON Dale Rourke"), "\(deputy)")
    }

    @Test("A side that takes a plural verb is a club, and the Arabic article opens no given name")
    func pluralSides() throws {
        let found = try tags("""
            Al Wahda are hoping to extend their lead at the top of the league table when the season resumes after a \
            two-week break. The coach said his striker was fit. Leading the standings with 40 points, Al Wahda are \
            ahead of Al Jazira by three points, and their defender scored a penalty in the last fixture.
            """)
        #expect(found.contains("ORG Al Wahda"), "\(found)")
        #expect(!found.contains("PERSON Al Wahda"), "\(found)")
    }

    @Test("A firm named in full, then by its short name without its form, trade or country, is the firm every time")
    func firmShortNames() throws {
        let found = try tags("""
            Shares in Golden Reef Resources fell 4% on Monday. According to Golden Reef, the drilling found no gold. \
            Varo Canada Ltd. opened a new mine in Ontario, and Varo said output would double. The chief executive of \
            Paytel Corp. said Paytel would apply for a licence.
            """)
        for name in ["ORG Golden Reef", "ORG Varo", "ORG Paytel"] {
            #expect(found.contains(name), "\(name) not in \(found)")
        }
        #expect(!found.contains { $0.hasPrefix("PERSON") || $0 == "GPE Varo" }, "\(found)")
    }

    @Test("`Lady` before a side's nickname is part of the side, in a text about sport")
    func ladySides() throws {
        let found = try tags("""
            The Lady Hornets beat the Lady Wolves 54-41 in the district final on Friday, and the coach said her \
            defenders kept the league's top scorer to six points. The Lady Hornets play at home next week in the \
            regional tournament, where a win would bring a trip to the state championship.
            """)
        #expect(found.contains("ORG Lady Hornets") && found.contains("ORG Lady Wolves"), "\(found)")
        #expect(!found.contains { $0.hasPrefix("PERSON") }, "\(found)")
    }

    @Test("A lower-case `the` opens no name; a plural's possessive apostrophe ends none; a shouted dateline is a place")
    func boundariesAndDatelines() throws {
        let found = try tags("""
            ELWOOD — Grants went to the University of Tarrant and to Kinsale College. Lawyers for Dwayne Roberts' \
            family said the ruling would be appealed.
            """)
        #expect(found.contains("GPE ELWOOD"), "\(found)")
        #expect(found.contains("ORG University of Tarrant") && found.contains("PERSON Dwayne Roberts"), "\(found)")
        #expect(!found.contains { $0.hasSuffix("'") || $0.contains(" the University") }, "\(found)")
    }

    @Test("A senior counsel's letters end no club; a player named after his position stays a person whatever beats him")
    func counselAndPlayers() throws {
        let found = try tags("""
            Defence lawyer Clive Mataele SC told the court the documents were forged. Tane Vula rose to meet the \
            corner and headed past goalkeeper Sione Lafai to beat Sione Lafai for the winner in the league final, and \
            the striker said the coach had picked the right penalty taker.
            """)
        #expect(found.contains("PERSON Clive Mataele") && !found.contains { $0.hasPrefix("ORG Clive") }, "\(found)")
        #expect(found.contains("PERSON Sione Lafai") && !found.contains("ORG Sione Lafai"), "\(found)")
    }

    @Test("A paper's and a task force's last words end a body; a newspaper's `The` is no part of its name")
    func papersAndTaskforces() throws {
        let found = try tags("""
            The National Elections Security Taskforce met on Monday, the Lakeba Observer reported. He told The \
            Gleaner that the plan was ready.
            """)
        #expect(found.contains("ORG National Elections Security Taskforce") && found.contains("ORG Lakeba Observer"), "\(found)")
        #expect(found.contains("ORG Gleaner") && !found.contains("ORG The Gleaner"), "\(found)")
    }
}
