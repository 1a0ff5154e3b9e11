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
}
