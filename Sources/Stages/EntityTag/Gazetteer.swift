/// The built-in gazetteer: countries, cities, nationalities and news organizations.
enum Gazetteer {
    struct Entry {
        var text: String
        var label: String
        var canonical: String
    }

    static let builtin: [Entry] = {
        var entries: [Entry] = []
        func add(_ label: String, _ names: [String]) {
            for name in names {
                let parts = name.split(separator: "=", maxSplits: 1).map(String.init)
                entries.append(Entry(text: parts[0], label: label, canonical: parts.count > 1 ? parts[1] : parts[0]))
            }
        }
        add("GPE", [
            "South Korea", "North Korea", "Korea", "Republic of Korea=South Korea", "Ukraine", "Russia", "China",
            "Japan", "United States", "U.S.=United States", "US=United States", "America=United States",
            "United Kingdom", "Britain=United Kingdom", "France", "Germany", "India", "Taiwan", "Mongolia", "Vietnam",
            "Thailand", "Philippines", "Indonesia", "Canada", "Australia", "Poland", "Belarus", "Kazakhstan",
            "Seoul", "Pyongyang", "Busan", "Incheon", "Daegu", "Gwangju", "Daejeon", "Ulsan", "Gimpo", "Paju", "Kaesong",
            "Kyiv", "Kiev=Kyiv", "Moscow", "Kursk", "Beijing", "Tokyo", "Washington", "London", "Paris", "Berlin",
            "Warsaw", "Kharkiv", "Odesa", "Vladivostok", "Shenyang", "Dandong", "Gyeonggi", "Gangwon",
        ])
        add("NORP", [
            "North Korean", "South Korean", "Korean", "Ukrainian", "Russian", "Chinese", "Japanese", "American",
            "British", "French", "German", "Western", "Polish", "Indian", "Koreans=Korean", "Ukrainians=Ukrainian",
            "Russians=Russian", "Americans=American", "Democrats", "Republicans", "Christian", "Christians", "Buddhist",
        ])
        add("ORG", [
            "Yonhap News Agency=Yonhap", "Yonhap", "News1", "Newsis", "Agence France-Presse=AFP", "AFP",
            "Associated Press=AP", "Reuters", "Xinhua", "Kyodo", "United Nations=UN", "UN=United Nations",
            "National Assembly", "People Power Party", "Democratic Party", "Ministry of Unification",
            "Unification Ministry=Ministry of Unification", "National Intelligence Service", "NIS=National Intelligence Service",
            "Ministry of Foreign Affairs", "Foreign Ministry=Ministry of Foreign Affairs", "Supreme Court",
            "Constitutional Court", "Red Cross", "European Union", "EU=European Union", "NATO", "Kremlin",
        ])
        return entries
    }()
}
