import LedeCore
import LedeText
@testable import SplitStage
import Testing

/// Text that is a web page's markup, or not English, gets a warning that says what to do (issue #24).
struct InputChecksTests {
    func warnings(_ text: String) throws -> [String] {
        let stage = try SplitStage(options: .init(), context: StageContext(baseDirectory: "."))
        var document = Document(id: "d", text: text, source: .init(path: "x"))
        try stage.annotate(&document)
        return document.warnings
    }

    static let english = """
        The council voted on Tuesday to close the bridge for repairs, a decision that residents said would add an hour \
        to their commute. The mayor told reporters that the work could not wait, and that the city had looked at \
        every other option before it chose this one. Engineers found cracks in two of the supports last month.
        """
    static let german = """
        Der Stadtrat hat am Dienstag beschlossen, die Brücke für Reparaturen zu sperren. Die Anwohner sagen, dass \
        sich ihr Arbeitsweg dadurch um eine Stunde verlängert. Der Bürgermeister erklärte, die Arbeiten könnten \
        nicht warten, und die Stadt habe jede andere Möglichkeit geprüft. Ingenieure fanden im letzten Monat Risse.
        """
    static let french = """
        Le conseil municipal a voté mardi la fermeture du pont pour des réparations, une décision qui, selon les \
        habitants, allongera leur trajet d'une heure. Le maire a déclaré aux journalistes que les travaux ne \
        pouvaient pas attendre et que la ville avait étudié toutes les autres options avant de choisir celle-ci.
        """

    @Test("English news passes; German and French news are warned about")
    func language() throws {
        #expect(try warnings(Self.english).isEmpty)
        #expect(try warnings(Self.german).first?.contains("does not look like English") == true)
        #expect(try warnings(Self.french).first?.contains("does not look like English") == true)
        // Too few words to tell: no warning.
        #expect(try warnings("Gracias a todos.").isEmpty)
    }

    @Test("A web page given as text is warned about, with the hint to use the HTML input")
    func markup() throws {
        let page = "<!DOCTYPE html>\n<html><head><title>T</title></head><body><div><p>" + Self.english + "</p></div></body></html>"
        let found = try warnings(page)
        #expect(found.count == 1)
        #expect(found.first?.contains("--format html") == true)
        // An article that mentions a tag or two, or uses angle brackets, is no web page.
        #expect(try warnings(Self.english + " The <b> tag and 3 < 4 > 2 are fine.").isEmpty)
    }
}
