import Testing

/// Forms of regional and sports news that the blind sets of the ninth session found (clubs by their form, compass
/// regions, list-named committees, events named with `of`, trades before a name), on sentences written for this test
/// with made-up clubs, bodies and people.
struct RegionalFormsTests {
    func tags(_ text: String) throws -> [String] { try IssueExamplesTests().tags(text) }

    @Test("A name ending in a club's form in capitals is a club; a senior counsel's `SC` after a comma is not")
    func clubForms() throws {
        let found = try tags("""
            Tarek Oduya of Marvale FC and Lindo Banza of Corrin SC were called up. The defence was led by Anna Pell, SC, \
            who appeared for the council.
            """)
        for club in ["ORG Marvale FC", "ORG Corrin SC"] {
            #expect(found.contains(club), "\(club) not in \(found)")
        }
        #expect(!found.contains { $0.hasPrefix("ORG") && $0.contains("Pell") }, "\(found)")
    }

    @Test("Two compass points or more are a region; one alone may be a country")
    func compassRegions() throws {
        let found = try tags("""
            The commissioners named Ada Okoro for the North Central, Ben Ude for the South-South and Tola Ayo for the \
            South East zone.
            """)
        for region in ["LOC North Central", "LOC South-South", "LOC South East"] {
            #expect(found.contains(region), "\(region) not in \(found)")
        }
        #expect(!found.contains { $0.hasPrefix("GPE") && ($0.contains("North") || $0.contains("South")) }, "\(found)")
    }

    @Test("A committee on a list of subjects, and one named by a list with `&`, is one body")
    func listedCommittees() throws {
        let found = try tags("""
            The petition was referred to the Committee on Standards, Privileges and Public Appeals. The decision rests \
            with the Finance & Audit Committee and the Housing, Roads & Transport Committee.
            """)
        for body in ["ORG Committee on Standards, Privileges and Public Appeals", "ORG Finance & Audit Committee",
                     "ORG Housing, Roads & Transport Committee"] {
            #expect(found.contains(body), "\(body) not in \(found)")
        }
    }

    @Test("A nickname after `the` is a team though a given name opens it; a town hall is a building")
    func teamsAndHalls() throws {
        let found = try tags("""
            The Corrin Kings fired 40 shots at the Sandy Creek Otters in a 9-0 win. The mayor spoke at City Hall on \
            Thursday evening.
            """)
        #expect(found.contains("ORG Sandy Creek Otters"), "\(found)")
        #expect(found.contains("FAC City Hall"), "\(found)")
    }

    @Test("An event takes `of` and its capitalized words")
    func eventsWithOf() throws {
        let found = try tags("Marvale will host the Coastal Cup of Champions and the Harbour Festival of Lights next year.")
        #expect(found.contains("EVENT Coastal Cup of Champions"), "\(found)")
        #expect(found.contains("EVENT Harbour Festival of Lights"), "\(found)")
    }

    @Test("A trade before a name is a title, so a body's long name ends before it")
    func tradesAsTitles() throws {
        let found = try tags("""
            "Yields look strong," Marvale Research and Extension Farm and Soil Resources Agent Dana Quell said on Tuesday.
            """)
        #expect(found.contains("PERSON Dana Quell"), "\(found)")
    }

    @Test("A title, a name, `of the` and a body are a person and a body, not one building")
    func personOfBody() throws {
        let found = try tags("""
            The fossil was described by Dr Mira Halden of the Corrin Museum of Natural History and Dr Tom Vessey of \
            the Royal Marvale Museum.
            """)
        for name in ["PERSON Mira Halden", "ORG Corrin Museum of Natural History", "PERSON Tom Vessey", "ORG Royal Marvale Museum"] {
            #expect(found.contains(name), "\(name) not in \(found)")
        }
    }

    @Test("A state's abbreviation after a town is a place, and `The` after a dateline's dash is outside the name")
    func stateDatelines() throws {
        let found = try tags("""
            CORRIN COUNTY, Ark. (KXYZ) — The Corrin County quorum court will vote on Thursday. The mayors of \
            Charlottetown, P.E.I., and Bentonville, Ark., met in Toronto.
            """)
        for name in ["GPE CORRIN COUNTY", "GPE Ark.", "GPE Corrin County", "GPE P.E.I."] {
            #expect(found.contains(name), "\(name) not in \(found)")
        }
        #expect(!found.contains { $0.contains("The Corrin") }, "\(found)")
    }

    @Test("A ship after its prefix is a vehicle, the prefix outside")
    func vessels() throws {
        let found = try tags("The ferries MV Harbour Rose and MV Tidewater II will be replaced by HMCS Marvale next year.")
        for ship in ["PRODUCT Harbour Rose", "PRODUCT Tidewater II", "PRODUCT Marvale"] {
            #expect(found.contains(ship), "\(ship) not in \(found)")
        }
    }

    @Test("A field's word before a country is a government's agency")
    func countryAgencies() throws {
        let found = try tags("The ferry was inspected by Transport Canada, and Parks Canada and Police Scotland were told.")
        for body in ["ORG Transport Canada", "ORG Parks Canada", "ORG Police Scotland"] {
            #expect(found.contains(body), "\(body) not in \(found)")
        }
    }

    @Test("A saint's possessive opens a church's, a school's or a hospital's name")
    func saints() throws {
        let found = try tags("The service was at St. Aldwyn's Church, with pupils of St Mary's College and St. Joseph's Hospital.")
        for body in ["ORG St. Aldwyn's Church", "ORG St Mary's College", "ORG St. Joseph's Hospital"] {
            #expect(found.contains(body), "\(body) not in \(found)")
        }
    }

    @Test("A body's `on` takes no street, and a place's name ending in a company's word is the company")
    func streetsAndCompanies() throws {
        let found = try tags("""
            The open day was run by the Al Noor Society on Maple Street. Marvale Port Group signed a deal with Corrin \
            Eastern Railway on Monday.
            """)
        #expect(found.contains("ORG Al Noor Society"), "\(found)")
        #expect(found.contains("FAC Maple Street"), "\(found)")
        #expect(found.contains("ORG Marvale Port Group"), "\(found)")
        #expect(found.contains("ORG Corrin Eastern Railway"), "\(found)")
    }

    @Test("Capitalized words ending in an airport's or a stadium's noun are a building, though no list holds them")
    func unnamedFacilities() throws {
        let found = try tags("Flights from Corrindu International Airport resumed, and the final moves to Marvaleni Sports Arena.")
        #expect(found.contains("FAC Corrindu International Airport"), "\(found)")
        #expect(found.contains("FAC Marvaleni Sports Arena"), "\(found)")
    }

    @Test("Dotted initials before a family name are a person; a firm the lists hold keeps its label")
    func dottedInitials() throws {
        let found = try tags("A bench of Justices R.V. Marandi and Tessa Quill heard it, and S.K. Dhorvan agreed with J.P. Morgan.")
        #expect(found.contains("PERSON R.V. Marandi"), "\(found)")
        #expect(found.contains("PERSON S.K. Dhorvan"), "\(found)")
        #expect(found.contains("ORG J.P. Morgan"), "\(found)")
    }

    @Test("A tournament's name takes its body, `Men's`, its round and its year; a storm after `TC` is an event")
    func eventNames() throws {
        let found = try tags("""
            Corrinia will play in the ICC Men's T20 World Cup 2024 in June. Roads damaged by TC Harwell will be rebuilt.
            """)
        #expect(found.contains("EVENT ICC Men's T20 World Cup 2024"), "\(found)")
        #expect(found.contains("EVENT TC Harwell"), "\(found)")
    }

    @Test("A compass adjective before a place is a region, unless the lists hold the whole")
    func compassAdjectives() throws {
        let found = try tags("Flights to Western Queensland and Southern California were cut, but Western Australia was spared.")
        #expect(found.contains("LOC Western Queensland"), "\(found)")
        #expect(found.contains("LOC Southern California"), "\(found)")
        #expect(found.contains("GPE Western Australia"), "\(found)")
    }

    @Test("A body's name runs on over `and` to a front the model read apart, and over `to` and a verb")
    func longBodies() throws {
        let found = try tags("""
            The Central West Marvale Remote Area Planning and Development Board met on Monday. Oman's National Committee \
            to Combat Human Trafficking signed the deal.
            """)
        #expect(found.contains("ORG Central West Marvale Remote Area Planning and Development Board"), "\(found)")
        #expect(found.contains("ORG National Committee to Combat Human Trafficking"), "\(found)")
    }

    @Test("A place the lists hold opens the body whose start the model took for its end")
    func placesOpeningBodies() throws {
        let found = try tags("The Bay of Plenty Regional Council agreed, and Simonson Builders won the contract for Birr Theatre.")
        #expect(found.contains("ORG Bay of Plenty Regional Council"), "\(found)")
        #expect(found.contains("ORG Simonson Builders"), "\(found)")
        #expect(found.contains("ORG Birr Theatre"), "\(found)")
    }

    @Test("A name before a seat's noun is a place, and a Malaysian honour alone is no one")
    func seatsAndHonours() throws {
        let found = try tags("""
            Deputy Chief Minister Tan Sri Dr James Kalong, who is also Marvale Hulu assemblyman, said the chiefs are elected.
            """)
        #expect(found.contains("GPE Marvale Hulu"), "\(found)")
        #expect(!found.contains("PERSON Tan Sri") && !found.contains("PERSON Sri"), "\(found)")
        #expect(found.contains("PERSON James Kalong"), "\(found)")
    }

    @Test("A title's plural and a party's initial in brackets are no one; a place's `Public Schools` are a body")
    func pluralTitlesAndParties() throws {
        let found = try tags("""
            Councilmembers took a straw vote on Monday, and Councilmember Jana Pruett (R) voted no. The plan gives more to \
            Marvale County Public Schools.
            """)
        #expect(!found.contains { $0.contains("Councilmembers") }, "\(found)")
        #expect(!found.contains("PERSON R"), "\(found)")
        #expect(found.contains("PERSON Jana Pruett"), "\(found)")
        #expect(found.contains("ORG Marvale County Public Schools"), "\(found)")
    }
}
