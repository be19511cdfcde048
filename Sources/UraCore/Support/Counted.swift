/// `1 paragraph`, `2 paragraphs`: a count and its noun, for messages and summaries (the nouns Ura
/// counts all take an `s`).
public func counted(_ number: Int, _ noun: String) -> String {
    "\(number) \(noun)\(number == 1 ? "" : "s")"
}
