import EntityTagModel
import EntityTagNeighbours
import EntityTagRecognizer
import EntityTagRepairs
import EntityTagRules
import LedeText

extension Recognizer {
    /// The names of an analysed text: the model's (``Recognizer/names(_:_:)``), then the repairs that look
    /// beyond a name's own words, in this order, and with `consistency` what the document settles once.
    func tag(_ b: UnsafeBufferPointer<UInt8>, _ a: EntityTagger.Analysis, consistency: Bool) -> [Candidate] {
        let found = names(b, a)
        var kept = found.kept
        let input = found.input
        repairOrganizations(&kept, b, a)
        joinNicknames(&kept, b)
        if found.titleInside { Self.splitAtTitles(&kept, b, a.words, matches: a.matches, index: a.wordIndex) }
        splitOfficeHolders(&kept, b, a, input: input)
        dropOfficeWords(&kept, b, a, input: input)
        cutTrailingOffices(&kept, b, a)
        splitOfficesOfBodies(&kept, b, a)
        repairNameEnds(&kept, b, a, input: input)
        repairExtents(&kept, b, a, input: input)
        joinLegalForms(&kept, b, a)
        addLegalFormNames(&kept, b, a)
        repairBankNames(&kept, b, a)
        joinClubPrefixes(&kept, b, a)
        repairHeads(&kept, b, a, input: input)
        splitListTails(&kept, b, a, input: input)
        joinListedHeads(&kept, b, a, input: input)
        repairLocalPlaces(&kept, b, a, input: input)
        repairPlaceLists(&kept, b, a, input: input)
        repairCoordinatedPlaces(&kept, b, a)
        repairPlaces(&kept, b, a, input: input)
        repairPlaceOffices(&kept, b, a)
        repairUnknownPeoples(&kept, b, a)
        repairSeats(&kept, b, a)
        addHyphenedTowns(&kept, b, a)
        repairDatelines(&kept, b, a, input: input)
        repairStateDatelines(&kept, b, a)
        repairIrishCounties(&kept, b, a)
        repairBodyLists(&kept, b, a, input: input)
        repairTeams(&kept, b, a, input: input)
        repairParks(&kept, b, a)
        repairVessels(&kept, b, a)
        repairCountryAgencies(&kept, b, a, input: input)
        joinSaintsNames(&kept, b, a)
        joinSaintsTowns(&kept, b, a)
        addUnnamedFacilities(&kept, b, a, input: input)
        joinDottedInitials(&kept, b, a, input: input)
        extendEventNames(&kept, b, a)
        repairRegionNames(&kept, b, a)
        joinDemonymSurnames(&kept, b, a, input: input)
        splitJoinedBodies(&kept, b, a)
        joinPossessiveBodies(&kept, b, a)
        joinBodiesOfPlaces(&kept, b, a)
        joinTradeUnions(&kept, b, a)
        joinBodyNames(&kept, b, a)
        joinOrganizationPrefixes(&kept, b, a)
        repairPersonsAfterThe(&kept, b, a)
        trimDanglingJoiners(&kept, b, a)
        trimOpeningThe(&kept, b, a)
        trimPluralPossessives(&kept, b)
        splitLeadingOffices(&kept, b, a)
        joinTitleInitials(&kept, b, a)
        repairApposedPeople(&kept, b, a, input: input)
        splitPartySeats(&kept, b, a)
        repairTradeNames(&kept, b, a, input: input)
        repairTownsAsBodies(&kept, b, a)
        repairCitiesAsBodies(&kept, b, a)
        repairSportsClubs(&kept, b, a, input: input)
        repairDistrictsAndPlans(&kept, b, a)
        repairCapitalsAlone(&kept, b, a, input: input)
        repairPartyTags(&kept, b, a)
        repairBracketedAliases(&kept, b, a)
        addPartyInitials(&kept, b, a)
        repairTitleCaseLines(&kept, b, a, input: input)
        splitMemberOffices(&kept, b, a)
        repairOfficeTitles(&kept, b, a)
        dropPortfolios(&kept, b, a)
        repairInitialsAndParticles(&kept, b, a)
        joinNamesAfterTun(&kept, b, a)
        joinBareMiddleInitials(&kept, b, a, input: input)
        joinHonorificNames(&kept, b, a)
        repairPossessiveFirms(&kept, b, a)
        repairFirmShortNames(&kept, b, a, input: input)
        repairLegalReferences(&kept, b, a)
        repairSectorBodies(&kept, b, a)
        repairPlaceBodies(&kept, b, a)
        repairPeopleBesideBodies(&kept, b, a, input: input)
        joinParticleSurnames(&kept, b, a)
        repairFacilitiesOfPlaces(&kept, b, a)
        repairPeoplesPlaces(&kept, b, a)
        dropTickers(&kept, b)
        if consistency { Consistency(b: b, words: a.words, initial: a.initial, shouted: input.shouted, index: a.wordIndex).settle(&kept) }
        if consistency { settlePeople(&kept, b, a, input: input) }
        Self.dropHeadlessPeople(&kept, b, a)
        Self.dropCommonNouns(&kept, b, a)
        repairPeoplesOfPlaces(&kept, b, a)
        return kept
    }
}

extension EntityTagger {
    /// The entities of a text, sorted, without overlaps. `sentenceStarts` are the UTF-8 offsets where
    /// sentences begin, sorted. With `consistency`, a lone family name of someone named in full is a PERSON.
    /// With a model, names come from it (``Recognizer``) and the rules give numbers, dates and evidence.
    package func tag(_ b: UnsafeBufferPointer<UInt8>, sentenceStarts: [Int], consistency: Bool, model: NameModel?) -> [Candidate] {
        let analysis = analyse(b, sentenceStarts: sentenceStarts, consistency: consistency)
        guard let model else { return analysis.ruled }
        return Recognizer(tagger: self, model: model).tag(b, analysis, consistency: consistency)
    }
}
