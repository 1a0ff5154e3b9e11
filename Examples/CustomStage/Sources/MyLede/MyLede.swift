import KeywordTagStage
import LedeCLI

/// The full `lede` command line, with `keyword-tag` available in pipelines and in `stages`.
@main
struct MyLede {
    static func main() async {
        await Lede.main(extraStages: [KeywordTagStage.self])
    }
}
