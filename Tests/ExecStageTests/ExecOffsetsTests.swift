@testable import ExecStage
import Foundation
import LedeIO
import Testing

/// Issue #27, item 22 (exec): offsets without the text they cover are trusted only from a plugin that
/// declares `"offsets": "codepoints"` in its handshake.
struct ExecOffsetsTests {
    @Test("A span without text is refused unless the handshake declares code-point offsets")
    func textIsRequiredByDefault() throws {
        let text = "Café au lait"
        let offsets = CodePointOffsets(text)
        let bare = try JSONReader.parse("{\"start\": 5, \"end\": 7}")
        #expect(throws: ExecProtocol.Violation.self) { try ExecStage.span(bare, offsets: offsets, text: text, requireText: true) }
        #expect(try ExecStage.span(bare, offsets: offsets, text: text, requireText: false).start == 6)  // "é" is 2 bytes
        let withText = try JSONReader.parse("{\"start\": 5, \"end\": 7, \"text\": \"au\"}")
        #expect(try ExecStage.span(withText, offsets: offsets, text: text, requireText: true).start == 6)
    }

    @Test("The handshake's offsets field: absent, codepoints, or refused")
    func handshakeOffsets() throws {
        let base = "{\"protocol\": \"lede-exec\", \"version\": 1, \"name\": \"p\", \"layers\": []"
        #expect(try ExecProtocol.handshake(Array((base + "}").utf8)).codePointOffsets == false)
        #expect(try ExecProtocol.handshake(Array((base + ", \"offsets\": \"codepoints\"}").utf8)).codePointOffsets == true)
        #expect(throws: ExecProtocol.Violation.self) { try ExecProtocol.handshake(Array((base + ", \"offsets\": \"utf16\"}").utf8)) }
    }
}
