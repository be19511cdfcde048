import UraCore

extension Glossary {
    /// Loads a glossary file: TBX (`.tbx`, or any file starting with `<`) or TSV
    /// (`en<TAB>sq<TAB>note`). Concepts without an Albanian or English term are skipped with a
    /// warning; a glossary with no usable concept is an error.
    /// - Throws: ``UraError`` (`.input`) naming the file and line.
    public static func load(_ path: String) throws(UraError) -> Glossary {
        let bytes = try TextInput.readBytes(path)
        let firstByte = bytes.first { ![0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF].contains($0) }
        let glossary: Glossary
        if path.lowercased().hasSuffix(".tbx") || firstByte == UInt8(ascii: "<") {
            glossary = try TBXReader.read(bytes, file: path)
        } else {
            glossary = try TSVReader.read(try TextInput.decode(bytes, name: path, allowEmpty: true), file: path)
        }
        guard !glossary.concepts.isEmpty else {
            throw UraError(.input, "glossary has no usable concept (each needs an English and an Albanian term)", file: path)
        }
        return glossary
    }

    /// Loads and merges several glossaries, in order.
    public static func load(_ paths: [String]) throws(UraError) -> Glossary {
        var glossaries: [Glossary] = []
        for path in paths { glossaries.append(try load(path)) }
        return merging(glossaries)
    }
}
