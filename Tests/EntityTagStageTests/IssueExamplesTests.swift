import EntityTagStage
import LedeCore
import Testing

/// The failures that issue #21 listed, on text written for this test: each class the recognizer now gets
/// right is checked, and the ones it still gets wrong are known issues, which fail this test once fixed.
struct IssueExamplesTests {
    /// The entities of `text`, with a sentence after every `. ` as split would make them.
    func tags(_ text: String) throws -> [String] {
        let bytes = Array(text.utf8)
        var sentences: [Span] = []
        var start = 0
        for i in 1..<bytes.count where bytes[i - 1] == 0x2E && bytes[i] == 0x20 {
            sentences.append(Span(start: start, end: i))
            start = i + 1
        }
        sentences.append(Span(start: start, end: bytes.count))
        var doc = Document(id: "d", text: text, source: .init(path: "t"))
        try doc.setLayer(Layer.sentences, sentences)
        try EntityTagStage(options: .init(), context: StageContext(baseDirectory: ".")).process(&doc)
        return doc.spans(Layer.entities).map { "\($0.label ?? "") \(String(decoding: bytes[$0.start..<$0.end], as: UTF8.self))" }
    }

    @Test("Organizations and places no list named in full: companies, clubs, leagues, cities")
    func namesNoListHeld() throws {
        let found = try tags("""
            Acme Robotics said on Monday it would open a plant in Pittsburgh, and Goldman Sachs advised the deal. \
            Bridgewater Associates and Shell cut their stakes. FC Cincinnati beat Nashville SC in MLS play, and \
            Inter Miami signed a forward from FC Barcelona. Prices rose in Little Rock, New Orleans and Des Moines.
            """)
        for expected in ["ORG Acme Robotics", "GPE Pittsburgh", "ORG Goldman Sachs", "ORG Bridgewater Associates", "ORG Shell",
                         "ORG FC Cincinnati", "ORG Nashville SC", "ORG MLS", "ORG Inter Miami", "ORG FC Barcelona",
                         "GPE Little Rock", "GPE New Orleans", "GPE Des Moines"] {
            #expect(found.contains(expected), "\(expected) not in \(found)")
        }
    }

    @Test("An acronym defined in brackets labels its later mentions; a longer name beats the place inside it")
    func acronymsAndLongerNames() throws {
        let found = try tags("""
            Officers of the Timorese Special Police Force (UFP) patrolled the border. A UFP spokesman said APEC \
            leaders would meet. S-OIL raised prices at Incheon International Airport. Afonso de Jesus was sworn in.
            """)
        #expect(found.filter { $0 == "ORG UFP" }.count == 2, "\(found)")
        for expected in ["ORG APEC", "ORG S-OIL", "FAC Incheon International Airport", "PERSON Afonso de Jesus"] {
            #expect(found.contains(expected), "\(expected) not in \(found)")
        }
    }

    @Test("Titles stay outside a person's name, with or without a period; a possessive apostrophe is no part of a name")
    func titlesAndApostrophes() throws {
        let found = try tags("""
            Detective Superintendent Mark Lee led the search. Mr. Messi spoke first. Mr Cameron met Ms Boateng and \
            Dr Ng. The Mega Millions' jackpot grew.
            """)
        for expected in ["PERSON Mark Lee", "PERSON Messi", "PERSON Cameron", "PERSON Boateng", "PERSON Ng"] {
            #expect(found.contains(expected), "\(expected) not in \(found)")
        }
        #expect(!found.contains { $0.hasSuffix("'") }, "\(found)")
    }

    @Test("Clock times and timestamps are TIME and DATE, not counts")
    func timesAndTimestamps() throws {
        let found = try tags("The meeting began at 15:28 and ended at 9:30 a.m. on Monday. The log was stamped 2025-01-08 06:54.")
        for expected in ["TIME 15:28", "DATE 2025-01-08", "TIME 06:54"] {
            #expect(found.contains(expected), "\(expected) not in \(found)")
        }
        #expect(found.contains { $0.hasPrefix("TIME 9:30") }, "\(found)")
        #expect(!found.contains { $0.hasPrefix("CARDINAL") }, "\(found)")
    }

    @Test("Issue #21's own sentences: a possessive inside a name, a coordinated organization, a title phrase with `of`")
    func issueSentences() throws {
        let found = try tags("""
            The Chinese People's Liberation Army held drills. The Liquor and Cannabis Board approved the rule. \
            Moody's downgraded the bank. Commissioner of Police Rusiate Tudravu said the case was closed.
            """)
        for expected in ["ORG Chinese People's Liberation Army", "ORG Liquor and Cannabis Board", "ORG Moody's",
                         "PERSON Rusiate Tudravu"] {
            #expect(found.contains(expected), "\(expected) not in \(found)")
        }
        #expect(!found.contains { $0.hasPrefix("PERSON") && $0.contains("Police") }, "\(found)")
    }

    @Test("A possessive inside a name, or one that ends a brand's name, is part of it; a possessor's is not")
    func possessivesInNames() throws {
        let found = try tags("""
            Staff at Marlow Children's Hospital went on strike. The Arvenian People's Bank cut rates, and the \
            Women's Aid Federation of Tesland opened a shelter. Brannigan's Corp said sales rose. \
            Shares of Hollick's fell 3 percent. Pellow's said it would close nine stores. The bill was paid at Quarry's. \
            Google's CEO spoke later. Obama's speech was long. Britain's Labour Party met, and Tesland's Central Bank held rates.
            """)
        for expected in ["ORG Marlow Children's Hospital", "ORG Arvenian People's Bank", "ORG Women's Aid Federation of Tesland",
                         "ORG Brannigan's Corp", "ORG Hollick's", "ORG Pellow's", "ORG Quarry's",
                         "ORG Google", "PERSON Obama", "ORG Labour Party", "ORG Central Bank"] {
            #expect(found.contains(expected), "\(expected) not in \(found)")
        }
        // The possessor's name stays without its `'s`, and a possessor is never joined to what it possesses.
        for wrong in ["Google's", "Obama's", "Britain's", "Tesland's"] {
            #expect(!found.contains { $0.contains(wrong) }, "\(wrong) in \(found)")
        }
    }

    @Test("`and` and commas between capitalized words before an organization's head belong to its name; two names stay two")
    func coordinatedOrganizations() throws {
        let found = try tags("""
            The Harbour and Ferries Authority raised fares. Officers of the Parks, Wildlife and Heritage Council \
            met the Water and Sewerage Corporation. The Department of Roads and Public Works said nothing. \
            Smith and Jones said the deal was off. Leaders of France and Germany met in Paris.
            """)
        for expected in ["ORG Harbour and Ferries Authority", "ORG Parks, Wildlife and Heritage Council",
                         "ORG Water and Sewerage Corporation", "ORG Department of Roads and Public Works",
                         "GPE France", "GPE Germany"] {
            #expect(found.contains(expected), "\(expected) not in \(found)")
        }
        #expect(!found.contains { $0.contains("Smith and Jones") || $0.contains("France and Germany") }, "\(found)")
    }

    @Test("A title phrase with `of` before a name is no part of the person")
    func titlePhrasesWithOf() throws {
        let found = try tags("""
            Minister of Finance Jane Roe presented the budget. Director of Public Prosecutions Mary Poe dropped the \
            charges. Chief of Staff Tevita Lagi resigned. Governor of the Central Bank Tomas Verhulst spoke on Monday. \
            Secretary of State Anela Kupu flew home.
            """)
        for expected in ["PERSON Jane Roe", "PERSON Mary Poe", "PERSON Tevita Lagi", "PERSON Tomas Verhulst", "PERSON Anela Kupu"] {
            #expect(found.contains(expected), "\(expected) not in \(found)")
        }
        for title in ["Finance", "Prosecutions", "Staff", "Central Bank", "State"] {
            #expect(!found.contains { $0.hasPrefix("PERSON") && $0.contains(title) }, "\(title) in a person: \(found)")
        }
    }

    @Test("A legal form, an ampersand or an acronym's initials make a name an organization, whatever the model read")
    func organizationsByForm() throws {
        let found = try tags("""
            Harlan Whitby Instruments Inc said on Tuesday it had bought Pruett & Maddox, a maker of valves. \
            Whitby Instruments Inc shares rose. Analysts at Crane Hollis & Co were cautious. \
            The Council for Rivers and Coastal Defence in Wales (CRCDW) approved the plan, and the CRCDW will fund it.
            """)
        for expected in ["ORG Harlan Whitby Instruments Inc", "ORG Pruett & Maddox", "ORG Crane Hollis & Co",
                         "ORG Council for Rivers and Coastal Defence in Wales", "ORG CRCDW"] {
            #expect(found.contains(expected), "\(expected) not in \(found)")
        }
        #expect(!found.contains { $0.hasPrefix("PERSON") && ($0.contains("Whitby") || $0.contains("Maddox")) }, "\(found)")
    }

    @Test("A headline in capitals gives no name by its capitals alone, and names none elsewhere")
    func headlinesInCapitals() throws {
        let found = try tags("""
            STORM HITS COAST AS FERRIES HALT. Ferries stopped running on Friday, the port said.
            """)
        #expect(!found.contains { $0.hasPrefix("PERSON") || $0.contains("STORM HITS") || $0.contains("FERRIES HALT") }, "\(found)")
    }

    @Test("Offices of many words stay out of the person: leaders, sheriffs, ministers for, MPs, police ranks")
    func officesBeforeNames() throws {
        let found = try tags("""
            Senate Majority Leader Ana Ruiz said the bill would pass. Kerr County Sheriff Tom Hale said deputies \
            responded. Minister for Rural Affairs Heather Mulvey announced the scheme. Labour MP Dawn Fry was shocked. \
            Detective Superintendent Mark Lowe said officers were searching. Constable Victoria Ashby was hurt. \
            Minister of Works, Hon. Daniel Ferreira visited the canal.
            """)
        for expected in ["PERSON Ana Ruiz", "PERSON Tom Hale", "PERSON Heather Mulvey", "PERSON Dawn Fry", "PERSON Mark Lowe",
                         "PERSON Victoria Ashby", "PERSON Daniel Ferreira"] {
            #expect(found.contains(expected), "\(expected) not in \(found)")
        }
        #expect(!found.contains { $0.contains("Leader") || $0.contains("Sheriff") || $0.contains("Rural Affairs Heather") }, "\(found)")
    }

    @Test("Dates, times and money as the world writes them: day first, `Oct 24`, `10.45am`, `Rs 500`, `N390,000`, `US$10`")
    func worldDatesTimesAndMoney() throws {
        let found = try tags("""
            The hearing was set for Oct 24 and began on 5 August 2023. Police were called at 10.45am and again at \
            9.30 pm. The state will spend Rs. 100 crore and ₹500 more. He was fined N390,000, and the utility \
            borrowed R2 billion. Farmers got KSh 2,000. The fund holds US$10 billion and RM5 million. The N95 masks ran out.
            """)
        for expected in ["DATE Oct 24", "DATE 5 August 2023", "TIME 10.45am", "TIME 9.30 pm", "MONEY Rs. 100 crore", "MONEY ₹500",
                         "MONEY N390,000", "MONEY R2 billion", "MONEY KSh 2,000", "MONEY US$10 billion", "MONEY RM5 million"] {
            #expect(found.contains(expected), "\(expected) not in \(found)")
        }
        #expect(!found.contains { $0.hasPrefix("MONEY N95") }, "\(found)")
    }

    @Test("Percentages and cents as Commonwealth and wire copy write them: `8 per cent`, `17-per-cent`, `3 pct`, `74 cents`")
    func perCentAndCents() throws {
        let found = try tags("""
            Sales rose about 8 per cent in the year. A 17-per-cent jump in phone sales lifted profit to 74 cents a share, \
            and the shares gained 3 pct. Stamps cost 60 pence more.
            """)
        for expected in ["PERCENT about 8 per cent", "PERCENT 17-per-cent", "MONEY 74 cents", "PERCENT 3 pct", "MONEY 60 pence"] {
            #expect(found.contains(expected), "\(expected) not in \(found)")
        }
        #expect(!found.contains { $0.hasPrefix("CARDINAL") }, "\(found)")
    }

    @Test("A bundled acronym links to an organization only when the document writes its name")
    func acronymLinksNeedTheirName() throws {
        let bytes = Array("CCTV footage showed the car. Later, China Central Television aired it, and CCTV said more.".utf8)
        var doc = Document(id: "d", text: String(decoding: bytes, as: UTF8.self), source: .init(path: "t"))
        try doc.setLayer(Layer.sentences, [Span(start: 0, end: bytes.count)])
        try EntityTagStage(options: .init(), context: StageContext(baseDirectory: ".")).process(&doc)
        let linked = doc.spans(Layer.entities).filter { String(decoding: bytes[$0.start..<$0.end], as: UTF8.self) == "CCTV" }
        #expect(linked.allSatisfy { $0.attributes["canonical"] == .string("China Central Television") }, "\(linked)")

        let alone = Array("CCTV footage showed the car leaving the scene.".utf8)
        var other = Document(id: "e", text: String(decoding: alone, as: UTF8.self), source: .init(path: "t"))
        try other.setLayer(Layer.sentences, [Span(start: 0, end: alone.count)])
        try EntityTagStage(options: .init(), context: StageContext(baseDirectory: ".")).process(&other)
        #expect(!other.spans(Layer.entities).contains { $0.attributes["canonical"] == .string("China Central Television") },
                "\(other.spans(Layer.entities))")
    }

    @Test("A head word that is a structure's or an institution's is no person: roads, palaces, courts")
    func headWordsOfPlacesAndInstitutions() throws {
        let found = try tags("""
            The van was found on Rectory Lane near Dunmore Road. The Queen Mother lived at Buckingham Palace. \
            The High Court ruled on Monday. Charlotte Church sang, and Mr Hope said he was pleased. Deputies of \
            the Kerr County Sheriff’s Office arrived. Pumps were installed on Tarrant Street and Kensey Road.
            """)
        for expected in ["FAC Rectory Lane", "FAC Dunmore Road", "FAC Buckingham Palace", "ORG High Court", "PERSON Charlotte Church",
                         "PERSON Hope"] {
            #expect(found.contains(expected), "\(expected) not in \(found)")
        }
        #expect(!found.contains("PERSON Mother") && !found.contains("PERSON Office"), "\(found)")
        #expect(found.contains("ORG Kerr County Sheriff’s Office"), "\(found)")
        #expect(!found.contains { ($0.hasPrefix("ORG") || $0.hasPrefix("PERSON")) && ($0.contains("Street") || $0.contains("Road")) }, "\(found)")
    }

    @Test("A nickname in quotation marks between the parts of a name is part of the person")
    func nicknamesInsideNames() throws {
        let found = try tags("Senator Ronald “Bato” Dela Rosa spoke first, and the club's Mario \"Tank\" Okafor scored twice.")
        #expect(found.contains("PERSON Ronald “Bato” Dela Rosa"), "\(found)")
        #expect(!found.contains { $0.hasSuffix(" Bato") || $0.hasSuffix(" Dela Rosa") && !$0.contains("Ronald") }, "\(found)")
    }

    @Test("A name ends before a score, a count or a date, and a legal form ends a firm's name")
    func namesEndBeforeNumbersAndAfterLegalForms() throws {
        let found = try tags("""
            Scores on the second day. At Brayford: Wexcombe 259 and 207, Tarnley 301 and 44-2. At Hollin Park: \
            Dunmere 195, Castleby 429-7. Fenwick Optics Inc of Lowell, Mass., was bought.
            """)
        let names = found.filter { !$0.hasPrefix("CARDINAL ") && !$0.hasPrefix("DATE ") }
        #expect(!names.contains { $0.last?.isNumber == true }, "\(found)")
        #expect(found.contains("CARDINAL 259") && found.contains("CARDINAL 195"), "\(found)")
        #expect(found.contains("ORG Fenwick Optics Inc"), "\(found)")
    }

    @Test("Particles inside a person's name, hyphenated ranks and a party before the name stay right")
    func particlesRanksAndParties() throws {
        let found = try tags("""
            Spokesman Joost van Haeren told reporters the talks would resume. Troops detained Karim al-Masri near \
            the border. Major-General Tomas Brevik led the parade, and Democrat Elaine Dufresne voted against it.
            """)
        for expected in ["PERSON Joost van Haeren", "PERSON Karim al-Masri", "PERSON Tomas Brevik", "PERSON Elaine Dufresne"] {
            #expect(found.contains(expected), "\(expected) in \(found)")
        }
    }

    @Test("A name never crosses a spaced dash or a line break")
    func namesStopAtDashesAndLineBreaks() throws {
        let found = try tags("""
            Scorers: Norway - Halvard Smestad (60th minute), Portugal - Rui Canhoto (71st). They meet Poland -- \
            Germany's first match since June. Team: Kenya - Tries: Otieno Kamau (2), Brian Wafula.
            """)
        #expect(!found.contains { $0.contains(" - ") || $0.contains(" -- ") }, "\(found)")
        for expected in ["GPE Norway", "GPE Portugal", "GPE Poland", "GPE Kenya"] {
            #expect(found.contains(expected), "\(expected) in \(found)")
        }
    }

    @Test("Where a firm is based or who owns it stays outside its name, and a portfolio before a title is no name")
    func describedFirmsAndPortfolios() throws {
        let found = try tags("""
            Analysts expect Leeds-based Harcastle Mutual Inc and state-owned Veroni Energy to bid. He advises \
            Fisheries Minister Ana Kolo.
            """)
        #expect(!found.contains { $0.contains("-based") || $0.contains("-owned") || $0.contains("Fisheries") }, "\(found)")
        #expect(found.contains("ORG Harcastle Mutual Inc") && found.contains("PERSON Ana Kolo"), "\(found)")
    }

    @Test("A listed name that opens with an office word is no person, and a league or a channel takes its number")
    func officeWordsInListedNamesAndNumbers() throws {
        let found = try tags("""
            The club has beaten two Premier League sides and sits ninth in League Two. House Minority Leader Rosa \
            Delgado objected.
            """)
        for expected in ["ORG Premier League", "ORG League Two", "PERSON Rosa Delgado"] {
            #expect(found.contains(expected), "\(expected) in \(found)")
        }
        #expect(!found.contains { $0.contains("Minority") && $0.hasPrefix("PERSON") }, "\(found)")
    }

    @Test("Streets by number or by an everyday word, institutions named head first, laws by their head, Irish institutions")
    func streetsInstitutionsLawsAndIrishNames() throws {
        let found = try tags("""
            Police were called to 9th Street Northwest and to a house on Mill Street. Traffic stopped near 51st Street. \
            She was moved to Hospital Seri Manjung and later visited the Carrow Observatory. Gardaí said the Dáil \
            would sit on Tuesday. The Kenya Penal Code applies. A spokesperson for the Office of the Attorney \
            General declined to comment.
            """)
        for expected in ["FAC 9th Street Northwest", "FAC Mill Street", "FAC 51st Street", "ORG Hospital Seri Manjung",
                         "FAC Carrow Observatory", "ORG Gardaí", "ORG Dáil", "LAW Kenya Penal Code",
                         "ORG Office of the Attorney General"] {
            #expect(found.contains(expected), "\(expected) in \(found)")
        }
        #expect(!found.contains { $0.hasPrefix("PERSON") }, "\(found)")
    }

    @Test("Places no list holds, read off their heads, the words after them and the list they stand in")
    func placesByHeadNeighbourAndList() throws {
        let found = try tags("""
            Ships waited at the Tan Hoa container terminal, and water from the Upper Ngezi plant was cut. \
            Flooding hit Murembe Municipality and the Karuvo District on Friday. Water from the Sandoro River spilled \
            into the Kelewa catchment, and residents of Tiraka rural municipality fled. The Bawesu and Ngiroko rivers \
            rose. Schools closed in Mabeko, Nairobi, Mombasa and Sitawa. Mickey Rivers and Anna Vale spoke.
            """)
        for expected in ["FAC Tan Hoa", "FAC Upper Ngezi", "GPE Murembe Municipality", "GPE Karuvo District", "LOC Sandoro River", "LOC Kelewa", "GPE Tiraka",
                         "LOC Bawesu", "LOC Ngiroko", "GPE Mabeko", "GPE Sitawa", "PERSON Mickey Rivers", "PERSON Anna Vale"] {
            #expect(found.contains(expected), "\(expected) in \(found)")
        }
    }

    @Test("An organization's acronym in title case, a place before `-bound`, a particle and a rank before a name")
    func titleCaseAcronymsHyphenedPlacesParticlesAndRanks() throws {
        let found = try tags("""
            The Kivara Water Supply Authority (Kiwasa) raised tariffs. Kiwasa said the rise was needed. Ajax \
            (Netherlands) beat Celtic, and the Netherlands side went top. A Nairobi-bound bus overturned, and the \
            Barbados-based firm paid. Sheikh Hamdan bin Rashid Al Maktoum visited the port. CDO Ramesh Adhikari said \
            the roads were closed. AIGP Okello Mugisha confirmed the arrests. Datuk Seri Amran Yusof opened the \
            bridge, and PC Gillian Rowe made the arrest.
            """)
        #expect(found.filter { $0 == "ORG Kiwasa" }.count == 2, "\(found)")
        for expected in ["GPE Netherlands", "GPE Nairobi", "GPE Barbados", "PERSON Hamdan bin Rashid Al Maktoum",
                         "PERSON Ramesh Adhikari", "PERSON Okello Mugisha", "PERSON Amran Yusof", "PERSON Gillian Rowe"] {
            #expect(found.contains(expected), "\(expected) in \(found)")
        }
        #expect(!found.contains { $0.contains("CDO") || $0.contains("AIGP") || $0.hasSuffix("-bound") || $0.hasSuffix("-based") }, "\(found)")
    }

    @Test("A person never runs over `of`, a listed place crossing a name's end is taken whole, a place with an institution after it is one organization")
    func personsOfPlacesCrossingNamesAndInstitutions() throws {
        let found = try tags("""
            Police chief Ramesh Kumar Adhikari of Birgunj said the loan came from the World Bank for Dar es Salaam. \
            The Trinidad and Tobago High Court ruled on Friday, and Kenya Police confirmed it.
            """)
        for expected in ["PERSON Ramesh Kumar Adhikari", "GPE Birgunj", "ORG World Bank", "GPE Dar es Salaam",
                         "ORG Trinidad and Tobago High Court", "ORG Kenya Police"] {
            #expect(found.contains(expected), "\(expected) in \(found)")
        }
    }

    @Test("A person the model ran into the end of an office's or a body's name is a person of their own, and a family name that is a place's after a title is the person's")
    func peopleAtTheEndOfOtherNames() throws {
        let found = try tags("""
            The plan came from Minister of Labour, Social Security and the Third Sector Colin Jordan on Tuesday. It \
            was backed by Minister of Fisheries, Ports, and the Blue Economy Carla Fitt, who spoke next.

            The Chester County Budget Board approved the budget on Thursday.

            "We all have to live within a budget," said Chester County Commissioner Rod Chester.
            """)
        for expected in ["PERSON Colin Jordan", "PERSON Carla Fitt", "PERSON Rod Chester"] {
            #expect(found.contains(expected), "\(expected) in \(found)")
        }
        #expect(!found.contains { $0.contains("Sector Colin") || $0.contains("Economy Carla") }, "\(found)")
    }

    @Test("Holidays and festivals of any faith are dates, not people, nations or places; inside a longer name they stay the name's")
    func holidaysAreDates() throws {
        let found = try tags("""
            Traders in Kisumu said sales rose before Diwali and again during Ramadan, and stalls will close for \
            Eid al-Adha and on Christmas Day. The Vesak lanterns went up in Kandy. Holi fell in the same week as \
            Easter this year. Lunar New Year crowds packed the market. The ship docked at Christmas Island.
            """)
        for expected in ["DATE Diwali", "DATE Ramadan", "DATE Eid al-Adha", "DATE Christmas Day", "DATE Vesak", "DATE Holi",
                         "DATE Easter", "DATE Lunar New Year", "GPE Christmas Island", "GPE Kisumu"] {
            #expect(found.contains(expected), "\(expected) in \(found)")
        }
        #expect(!found.contains { ["PERSON", "NORP", "ORG"].contains($0.split(separator: " ")[0]) }, "\(found)")
    }

    @Test("A name's last word says what no person's name is: a hospital, a county, a police force; a law takes its year and its joined words; ranks of two words, brands and plural capitals")
    func namesByTheirLastWordAndForm() throws {
        let found = try tags("""
            She was taken to Rosa Mbeki Central Hospital in Harare. Doctors at Kanyama General Hospital treated two \
            others. Inspector Hemi Walker of Waikato East Police said the road reopened. \
            The case fell under the Protection from Harassment Act 2014 and the Criminal and Other Offences Act. \
            Lance Corporal Ben Ruck was hurt. The deal was reported by TradeWeek, which sold 300 CDs. \
            The Wexford County Sheriff's Office said the deputy was hurt.
            """)
        // (A hospital is a body, as OntoNotes annotates it: its types put hospitals among organizations.)
        for expected in ["ORG Rosa Mbeki Central Hospital", "ORG Kanyama General Hospital", "ORG Waikato East Police",
                         "LAW Protection from Harassment Act 2014", "LAW Criminal and Other Offences Act", "PERSON Ben Ruck",
                         "ORG TradeWeek", "ORG Wexford County Sheriff's Office"] {
            #expect(found.contains(expected), "\(expected) in \(found)")
        }
        #expect(!found.contains { $0.hasSuffix(" Lance") || $0.hasSuffix(" CDs") || $0.hasSuffix(" Hospital") && $0.hasPrefix("PERSON") }, "\(found)")
    }

    @Test("An honour or a seat after a person's name is no part of it; a place before capitalized words ending in a building's word is the building")
    func postNominalsAndBuildingsAfterPlaces() throws {
        let found = try tags("""
            The award went to Mereana Tautahi MBE and to Dr Olwen Pryce OBE. Councillor Jo Lane MLA said the plan would pass. \
            The suspect was booked into Pemberton County Jail after he walked into Harlow Police Station on Monday.
            """)
        for expected in ["PERSON Mereana Tautahi", "PERSON Olwen Pryce", "PERSON Jo Lane", "FAC Harlow Police Station", "FAC Pemberton County Jail"] {
            #expect(found.contains(expected), "\(expected) in \(found)")
        }
        #expect(!found.contains { $0.hasSuffix(" MBE") || $0.hasSuffix(" OBE") || $0.hasSuffix(" MLA") }, "\(found)")
        // A time zone after a clock time is no organization.
        let stamped = try tags("Published: March 3, 2027 at 7:01 am EST | Updated: 9:15 p.m. GMT. The Harbour Trust said the ferry ran late.")
        #expect(!stamped.contains { $0.hasSuffix(" EST") || $0.hasSuffix(" GMT") }, "\(stamped)")
    }

    @Test("Councillors as `Cr`, `Her Honour`, Philippine police ranks, and a family name before `Jr.` found alone later")
    func moreTitlesAndGenerations() throws {
        let found = try tags("""
            Cr Helen Ashby and Cr Tom Waite voted against. Her Honour Grace Mensah-Boateng presided. \
            PCOL Ramon Esquillo Jr. took over the post. In his speech, Esquillo vowed to act.
            """)
        for expected in ["PERSON Helen Ashby", "PERSON Tom Waite", "PERSON Grace Mensah-Boateng", "PERSON Ramon Esquillo Jr.",
                         "PERSON Esquillo"] {
            #expect(found.contains(expected), "\(expected) in \(found)")
        }
    }

    @Test("Institutions leave a capitalized The out and keep a place's title, subunits joined by and are two, a place and a plural are a team, call signs and employers are organizations, an unknown word after in is a place")
    func institutionsTeamsBroadcastersAndEmployers() throws {
        let found = try tags("""
            The Dane County Sheriff's Office said a deputy was hurt. Officers of the Prince Albert Police Service and \
            the Office of the Chief Coroner attended. Staff from the Criminal Investigations Division and Forensic \
            Identification Section joined them. The body was found in Opunake on Sunday. "It is a big day," \
            said Halvorsen President Dana Pike, and Kai Mendez, chief content officer at Halvorsen, agreed. The Otago Stingrays beat the Auckland Blues, station WKRT said. Shares in \
            McGraw-Hill Cos. fell.
            """)
        for expected in ["ORG Dane County Sheriff's Office", "ORG Prince Albert Police Service", "ORG Office of the Chief Coroner",
                         "ORG Criminal Investigations Division", "ORG Forensic Identification Section", "GPE Opunake",
                         "ORG Halvorsen", "PERSON Dana Pike", "ORG Otago Stingrays", "ORG Auckland Blues", "ORG WKRT",
                         "ORG McGraw-Hill Cos."] {
            #expect(found.contains(expected), "\(expected) in \(found)")
        }
    }

    @Test("An acronym in brackets after a place takes its label only when it could stand for it: a dateline's source does not")
    func datelineSourcesAreNotPlaces() throws {
        let found = try tags("RALEIGH, N.C. (WKRT) - A deputy was hurt. The United Arab Emirates (UAE) said on Monday that the UAE would help.")
        #expect(!found.contains("GPE WKRT"), "\(found)")
        #expect(found.contains("GPE UAE"), "\(found)")
    }

    @Test("A listed place before a person's noun is the place, and a listed firm's one-word name is the firm unless the document names a person of it in full")
    func placesAsAdjectivesAndFirmsByTheirList() throws {
        #expect(try tags("A 24-year-old Texas man was charged on Friday.").contains("GPE Texas"))
        let bodies = try tags("Hamilton police say they are investigating. Officers remain at Edmonton City Hall.")
        #expect(bodies.contains("GPE Hamilton") && bodies.contains("FAC Edmonton City Hall"), "\(bodies)")
        let leaders = try tags("Officials of the previous Moon Jae-in administration were charged. The Kenya government denied it.")
        #expect(leaders.contains("PERSON Moon Jae-in") && leaders.contains("GPE Kenya"), "\(leaders)")
        let firm = try tags("Bloomberg bought the magazine. Bloomberg said the deal would close soon.")
        #expect(firm.filter { $0 == "ORG Bloomberg" }.count == 2, "\(firm)")
        let person = try tags("Michael Bloomberg spoke on Monday. Bloomberg said he was pleased.")
        #expect(person.contains("PERSON Bloomberg"), "\(person)")
    }

    @Test("Two listed places joined by a hyphen are two names; a place whose own name has a hyphen stays whole")
    func hyphenedPairsOfPlaces() throws {
        let found = try tags("The US-China trade talks resumed, India-Pakistan ties soured and the Kenya-Uganda border reopened. Guinea-Bissau voted.")
        for expected in ["GPE US", "GPE China", "GPE India", "GPE Pakistan", "GPE Kenya", "GPE Uganda", "GPE Guinea-Bissau"] {
            #expect(found.contains(expected), "\(expected) in \(found)")
        }
    }

    @Test("Capitals that spell the initials of an organization the document names are that organization; an office before or after a body's name is no part of it, but an office's own name stays whole")
    func initialsAndOfficesAroundBodies() throws {
        let found = try tags("""
            Mississauga - The Director of the Special Investigations Unit, Tony Loparco, has ended an inquiry into \
            Ottawa Police Service officers. The man approached an OPS officer. An SIU investigator called him. Cllr Rob \
            Stewart, Swansea Council Leader, said it was calm. He wrote to the Director of Public Prosecutions.
            """)
        for expected in ["ORG Special Investigations Unit", "ORG Ottawa Police Service", "ORG OPS", "ORG SIU",
                         "ORG Swansea Council"] {
            #expect(found.contains(expected), "\(expected) in \(found)")
        }
        #expect(!found.contains("ORG Public Prosecutions"), "\(found)")
    }

    @Test("The year before an event's name is part of it, not a date of its own")
    func yearsOfEvents() throws {
        let found = try tags("Fans flocked to the 2022 FIFA World Cup in Qatar. The 2019 Rugby World Cup final was held in Yokohama.")
        for expected in ["EVENT 2022 FIFA World Cup", "EVENT 2019 Rugby World Cup"] {
            #expect(found.contains(expected), "\(expected) in \(found)")
        }
        #expect(!found.contains("DATE 2022") && !found.contains("DATE 2019"), "\(found)")
    }

    @Test("Kenya's CS and Malaysia's honours are titles, and Chinese and Vietnamese family names written first stay in the name")
    func honoursAndFamilyNamesFirst() throws {
        let found = try tags("""
            CS Eugene Wamalwa said the plan was ready. Its minister Datuk Seri Dr Ahmad Zahid Hamidi agreed. Tan Sri Lim \
            Kok Wing attended. Toh Puan Rahah Noah spoke, and Mr Tan Wei Ming said Nguyen Van Thanh would come.
            """)
        for expected in ["PERSON Eugene Wamalwa", "PERSON Ahmad Zahid Hamidi", "PERSON Lim Kok Wing", "PERSON Rahah Noah",
                         "PERSON Tan Wei Ming", "PERSON Nguyen Van Thanh"] {
            #expect(found.contains(expected), "\(expected) in \(found)")
        }
        #expect(!found.contains { $0.hasSuffix(" CS") || $0.hasSuffix(" Tan") || $0.hasSuffix(" Toh") || $0.contains("Sri") }, "\(found)")
    }

    @Test("Malaysia's and Indonesia's legal forms end a firm's name as Inc. and Ltd do")
    func legalFormsOfSoutheastAsia() throws {
        let found = try tags("Zetrix AI Bhd said revenue rose, and HeiTech Padu Bhd agreed. PT Bank Central Asia Tbk gained.")
        for expected in ["ORG Zetrix AI Bhd", "ORG HeiTech Padu Bhd", "ORG PT Bank Central Asia Tbk"] {
            #expect(found.contains(expected), "\(expected) in \(found)")
        }
    }

    @Test("An office, `of` and a body, then its holder with no comma: the body and the person are two, and a minister's portfolio is neither")
    func officeHoldersAfterTheirBody() throws {
        let found = try tags("""
            The deal was signed by Managing Director of Kivu Cement Company Amani Birori, Minister of Trade and Industry             Rukia Omondi and Chairman of the Board of Directors Tomas de la Vega. Minister of State for Foreign Affairs             Kofi Adjei Mensah attended, as did Chief Executive of NRB Holdings Wanjiru Kamau.
            """)
        for expected in ["ORG Kivu Cement Company", "PERSON Amani Birori", "PERSON Rukia Omondi", "PERSON Tomas de la Vega",
                         "PERSON Kofi Adjei Mensah", "ORG NRB Holdings", "PERSON Wanjiru Kamau"] {
            #expect(found.contains(expected), "\(expected) in \(found)")
        }
        #expect(!found.contains { $0.contains("Industry") || $0.contains("Affairs") }, "\(found)")
    }

    @Test("The article that opens a sentence is no part of the name after it; a name the gazetteer holds with it stays whole")
    func articlesBeforeNames() throws {
        let found = try tags("An Ontario judge dismissed the claim. A Boeing jet was grounded. A Coruña lost at home.")
        for expected in ["GPE Ontario", "ORG Boeing", "GPE A Coruña"] {
            #expect(found.contains(expected), "\(expected) in \(found)")
        }
        #expect(!found.contains { $0.contains("An Ontario") || $0.contains("A Boeing") }, "\(found)")
    }

    @Test("A Spanish point of the compass after del ends a province's name, which is a place")
    func provincesWithCompassPoints() throws {
        let found = try tags("Floods hit Zamboanga del Norte and Surigao del Sur, the governor of Capiz said.")
        for expected in ["GPE Zamboanga del Norte", "GPE Surigao del Sur"] {
            #expect(found.contains(expected), "\(expected) in \(found)")
        }
    }

    @Test("One word no list holds after `of` and a place's people, ruler or part, after `towards` or a person's name and `of`, or joined to a place by `and`, is a place, not a person")
    func placesAfterTheirPeople() throws {
        let found = try tags("""
            The governor of Capiz thanked the residents of Kibali. The wife of Okonkwo spoke. Crews drove towards Wondai, \
            and the road between Murgon and Wondai was shut. Governor Musa Dauda of Kaduna met Chief Amos Tella of Ugbokai.
            """)
        for expected in ["GPE Capiz", "GPE Kibali", "PERSON Okonkwo", "GPE Wondai", "PERSON Musa Dauda", "GPE Kaduna", "GPE Ugbokai"] {
            #expect(found.contains(expected), "\(expected) in \(found)")
        }
    }

    @Test("A people's name takes the point of the compass before it; an acronym or an office in -sman is no people")
    func peoplesNames() throws {
        let found = try tags("West African traders met Central Asian envoys. The Ombudsman said the KBSI audit was late.")
        for expected in ["NORP West African", "NORP Central Asian"] {
            #expect(found.contains(expected), "\(expected) in \(found)")
        }
        #expect(!found.contains("NORP Ombudsman") && !found.contains("NORP KBSI"), "\(found)")
    }

    @Test("The initials of an office, spelled in brackets after it, are a title wherever the document writes them, and the office's holder after a body is a person")
    func officeInitials() throws {
        let found = try tags("""
            District Police Commander (DPC) Superintendent Alma Rees spoke. DPC Rees said two men were held. Inspector             General (IG) Lagos Police Musa Bello agreed.
            """)
        for expected in ["PERSON Alma Rees", "PERSON Rees", "PERSON Musa Bello"] {
            #expect(found.contains(expected), "\(expected) in \(found)")
        }
        #expect(!found.contains { $0.contains("DPC") || $0.contains("IG ") || $0.hasSuffix(" IG") || $0.contains("District Police") }, "\(found)")
    }

    @Test("A name the model read as a person's before the words of a building is the building, and so are the capitalized words it left out before one")
    func buildingsAfterNames() throws {
        let found = try tags("""
            The bench criticised the station house officer (SHO) of Chandan Nagar Police Station, Vikram Rao, for detaining \
            a trader without any registered offence.
            """)
        #expect(found.contains("FAC Chandan Nagar Police Station"), "\(found)")
        let left = try tags("The SHO of Mohan Lal Police Station said the file was lost. Yesterday Police Station staff left.")
        #expect(left.contains("FAC Mohan Lal Police Station"), "\(left)")
        #expect(!left.contains { $0.contains("Yesterday Police") }, "\(left)")
        #expect(found.contains("PERSON Vikram Rao"), "\(found)")
    }

    @Test("A preposition that opens a sentence is no part of the name after it, and Clr is a councillor's title")
    func sentenceOpeningPrepositionsAndClr() throws {
        let found = try tags("Police held four men. Except Arjun Pal Mehta, all were freed. Unlike Rosa Lind, Clr Dana Hobbs voted no.")
        for expected in ["PERSON Arjun Pal Mehta", "PERSON Rosa Lind", "PERSON Dana Hobbs"] {
            #expect(found.contains(expected), "\(expected) in \(found)")
        }
        #expect(!found.contains { $0.contains("Except") || $0.contains("Unlike") || $0.contains("Clr") }, "\(found)")
    }

    @Test("A firm named again without its legal form is the firm; kwacha, kina and East African shillings joined to an amount are money")
    func firmsWithoutTheirFormAndMoreCurrencies() throws {
        let found = try tags("""
            Shares of Mwila Copper Plc rose. Mwila Copper made K217,360 on turnover of K955,000, and a Kampala \
            trader paid Shs50,000 and TSh12,500.
            """)
        for expected in ["ORG Mwila Copper Plc", "ORG Mwila Copper", "MONEY K217,360", "MONEY K955,000", "MONEY Shs50,000", "MONEY TSh12,500"] {
            #expect(found.contains(expected), "\(expected) in \(found)")
        }
        #expect(!found.contains { $0.hasPrefix("PERSON") || $0.hasPrefix("CARDINAL") || $0.hasPrefix("DATE") }, "\(found)")
    }

    @Test("The last word of an office before a person's name, an everyday word no given name is, is no part of the name")
    func officeWordsBeforeNames() throws {
        let found = try tags("Provincial Minister of Housing and Police Oversight Thandi Mokoena said the plan was ready.")
        #expect(found.contains("PERSON Thandi Mokoena"), "\(found)")
        #expect(!found.contains { $0.contains("Oversight Thandi") }, "\(found)")
    }
}
