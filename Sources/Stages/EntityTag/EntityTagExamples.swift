import Kernel

extension EntityTagStage {
    /// What the first version tags.
    public static let examples: [StageExample] = [
        StageExample("Places and nationalities from the gazetteer",
                     input: "Two North Korean soldiers held in Ukraine asked to go to South Korea.",
                     expect: [.entity("North Korean", "NORP"), .entity("Ukraine", "GPE"), .entity("South Korea", "GPE")]),
        StageExample("Dates",
                     input: "The letter is dated Oct. 28 this year and arrived on the 24th, in February of this year.",
                     expect: [.entity("Oct. 28 this year", "DATE"), .entity("the 24th", "DATE"), .entity("February of this year", "DATE")]),
        StageExample("Counts with their qualifiers",
                     input: "More than 60 people wrote, and around 15,000 troops were sent in 2024.",
                     expect: [.entity("More than 60", "CARDINAL"), .entity("around 15,000", "CARDINAL"), .entity("2024", "DATE")]),
        StageExample("News agencies with a canonical form",
                     input: "According to Yonhap News Agency, talks resumed.",
                     expect: [.init(Layer.entities, "Yonhap News Agency", label: "ORG", ["canonical": "Yonhap"])]),
    ]
}
