import Foundation
import Testing

/// Issue #27, item 21: an error in a value reached through an alias points at the alias and names the anchor.
struct AliasErrorTests {
    @Test("A bad value reached through an alias is reported at the alias, naming the anchor")
    func errorPointsAtTheUse() throws {
        let error = try #require(configError("""
            lede: 1
            input: { paths: [in.txt] }
            stages:
              - mark: { word: &w hello }
              - mark: { repeats: *w }
            """))
        #expect(error.location?.line == 5, "\(error)")
        #expect(error.location?.column == 22, "\(error)")
        #expect(error.message.contains("'&w'") && error.message.contains("line 4"), "\(error)")
    }

    @Test("An error in a value that is not reached through an alias stays where it is")
    func nestedValue() throws {
        let error = try #require(configError("""
            lede: 1
            input: &in { paths: [in.txt], format: yaml }
            stages: [mark]
            """))
        // Not an alias: the error stays where the value is.
        #expect(error.location?.line == 2, "\(error)")
        #expect(!error.message.contains("alias"))
    }

    @Test("A list item reached through an alias, in an option's list, is reported at the alias")
    func listItemInAnOptionList() throws {
        let error = try #require(configError("""
            lede: 1
            stages:
              - mark: &o { word: hi }
            input: { paths: [in.txt, *o] }
            """))
        #expect(error.location?.line == 4, "\(error)")
        #expect(error.location?.column == 26, "\(error)")
        #expect(error.message.contains("'&o'") && error.message.contains("line 3"), "\(error)")
    }

    @Test("A stage entry reached through an alias is reported at the alias")
    func stageEntryThroughAnAlias() throws {
        let error = try #require(configError("""
            lede: 1
            input: { paths: [in.txt] }
            stages:
              - &m mark
              - id-list
              - *m
            """))
        #expect(error.location?.line == 6, "\(error)")
        #expect(error.location?.column == 5, "\(error)")
        #expect(error.message.contains("'&m'") && error.message.contains("line 4"), "\(error)")
    }

    @Test("The second of two uses of one alias in a list is the one reported")
    func secondUseInAList() throws {
        let error = try #require(configError("""
            lede: 1
            input: { paths: [in.txt] }
            stages:
              - &m mark
              - *m
              - id-list
              - *m
            """))
        #expect(error.location?.line == 7, "\(error)")
        #expect(error.message.contains("'&m'"), "\(error)")
    }

    @Test("An error inside a whole list reached through an alias is reported at the alias")
    func wholeListThroughAnAlias() throws {
        let error = try #require(configError("""
            lede: 1
            input: { paths: &p [in.txt] }
            stages: *p
            """))
        #expect(error.location?.line == 3, "\(error)")
        #expect(error.location?.column == 9, "\(error)")
        #expect(error.message.contains("'&p'") && error.message.contains("line 2"), "\(error)")
    }
}
