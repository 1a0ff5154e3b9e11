/// Layer names that the built-in stages and the output format share.
public enum Layer {
    /// Paragraphs, written by `split`.
    public static let paragraphs = "paragraphs"
    /// Sentences, written by `split`.
    public static let sentences = "sentences"
    /// Named entities, written by `entity-tag`.
    public static let entities = "entities"
    /// Quotations, written by `quote-extract`.
    public static let quotes = "quotes"
    /// The pseudo-layer of removed text, written through ``Document/remove(_:)``.
    public static let removed = "removed"
    /// The pseudo-layer of per-document figures, written through ``Document/stats``.
    public static let stats = "stats"
    /// Layers the output format writes as top-level record fields, in this order.
    public static let standard = [paragraphs, sentences, entities, quotes]
}
