import Testing

/// Clubs that the twelfth session's blind sets found named like towns, like people or like everyday words, in league
/// news from several continents. Every sentence is written for the test, with made-up clubs and players.
struct SportsClubsTests {
    func tags(_ text: String) throws -> [String] { try IssueExamplesTests().tags(text) }

    @Test("A town beaten, drawn or lost to in a match report is a club, and a player stays a person")
    func townsAsClubs() throws {
        let found = try tags("""
            The league leaders pulled clear as Harrowgate Athletic thrashed Kilbury 4-0 in front of a full stadium. \
            Second-placed Brenmouth dropped two points at home to Kilbury, while Tarnfield suffered a 2-1 defeat away to \
            Lowmoor. The striker Dane Pollit scored twice, and the goalkeeper saved a penalty.
            """)
        #expect(found.filter { $0 == "ORG Kilbury" }.count == 2, "\(found)")
        #expect(found.contains("ORG Lowmoor") && found.contains("ORG Harrowgate Athletic"), "\(found)")
        #expect(!found.contains("ORG Dane Pollit"), "\(found)")
    }

    @Test("A club with a coach or a striker is a club, and its last word alone is the club after it")
    func clubsByTheirPeople() throws {
        let found = try tags("""
            Copper Kettle coach Ryn Dallow praised his side after the league fixture. Kestle Owls midfielder Tam Ebo \
            scored the only goal from the penalty spot. Owls now sit third, and the striker Bo Maran was rested.
            """)
        for name in ["ORG Copper Kettle", "ORG Kestle Owls", "ORG Owls", "PERSON Ryn Dallow", "PERSON Tam Ebo"] {
            #expect(found.contains(name), "\(name) not in \(found)")
        }
    }

    @Test("The teams listed after `teams` are clubs, everyday words and all")
    func listedTeams() throws {
        let found = try tags("""
            The capital had five teams in the league last season: Dynamos, Copper Kettle, Lions, Marlow Rovers and \
            Kestle. Their striker and their goalkeeper both left before the first fixture.
            """)
        for name in ["ORG Dynamos", "ORG Copper Kettle", "ORG Lions", "ORG Marlow Rovers", "ORG Kestle"] {
            #expect(found.contains(name), "\(name) not in \(found)")
        }
    }

    @Test("A country that beats another keeps its name as a place; so does a person who beats another")
    func countriesAndPeopleStay() throws {
        let found = try tags("""
            France beat Mexico 2-0 in a friendly, and the striker scored from the penalty spot. In the league, \
            Rafael Nadal beat Roger Federer in an exhibition at the stadium.
            """)
        for name in ["GPE France", "GPE Mexico", "PERSON Rafael Nadal", "PERSON Roger Federer"] {
            #expect(found.contains(name), "\(name) not in \(found)")
        }
    }

    @Test("A town inside a club's name is the club's, every mention of a club's whole name follows, and an owner is no club")
    func townsInsideClubs() throws {
        let found = try tags("""
            Corvell Kings beat Lowmoor Qalandars by two wickets in the league, and the fans cheered the striker and the \
            coach. Later Corvell Kings won the toss. Tarn Tarn will host Ada Brell's Kestle at the stadium. Tarn Tarn lost \
            twice this season, and the club's fans were angry. The match was played in Corvell.
            """)
        for name in ["ORG Corvell Kings", "ORG Lowmoor Qalandars"] {
            #expect(found.contains(name), "\(name) not in \(found)")
        }
        #expect(found.filter { $0 == "ORG Corvell Kings" }.count == 2, "\(found)")
        #expect(!found.contains { $0.contains("Ada Brell") && $0.hasPrefix("ORG") }, "\(found)")
    }

    @Test("`Euro 2024` and `Expo 2020` are events with their years; the euro and a year alone are not")
    func yearedEvents() throws {
        let found = try tags("Four referees were chosen for Euro 2024. Expo 2020 opened in Dubai. The euro fell 2 percent in 2024.")
        for name in ["EVENT Euro 2024", "EVENT Expo 2020", "DATE 2024"] {
            #expect(found.contains(name), "\(name) not in \(found)")
        }
        #expect(!found.contains { $0.hasPrefix("PERSON") }, "\(found)")
    }
}
