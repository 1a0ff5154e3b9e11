import LedeText
import Testing

struct ParagraphModeTests {
    func paragraphs(_ text: String) -> [String] {
        let bytes = Array(text.utf8)
        return TextLayout.paragraphs(of: text, mode: .auto).map { String(decoding: bytes[$0], as: UTF8.self) }
    }

    @Test("A headline set apart by a blank line, then one paragraph a line: every line is a paragraph")
    func oneParagraphALineUnderAHeadline() {
        let found = paragraphs("""
            Council votes to close the ferry pier

            The council voted on Tuesday to close the old ferry pier.
            "It is no longer safe," the mayor said.
            Repairs would have cost more than a new pier.
            A public meeting is planned for next month.
            """)
        #expect(found.count == 5, "\(found)")
        #expect(found.last == "A public meeting is planned for next month.")
    }

    @Test("Wrapped lines between blank lines stay one paragraph")
    func wrappedLinesStayTogether() {
        let found = paragraphs("""
            The council voted on Tuesday to close the old ferry pier, which
            has stood since 1923 and was damaged in the storms of last
            winter.

            Repairs would have cost more than a new pier, officials said in
            a statement, and a public meeting is planned for next month to
            discuss what comes next.
            """)
        #expect(found.count == 2, "\(found)")
    }

    @Test("Without blank lines every line is a paragraph")
    func noBlankLines() {
        #expect(paragraphs("One line.\nAnother line\nA third.").count == 3)
    }
}
