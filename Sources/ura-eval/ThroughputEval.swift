import Foundation
import UraCore
import UraICU
import UraText

/// Segmentation throughput in MB/s on a large input built from the align-dev texts, for Ura's
/// segmenter and for the raw ICU sentence iterator on the same paragraphs, in the same run.
struct ThroughputEval {
    let directory: String
    /// Size of the generated input per language, in MB.
    let megabytes: Int

    func run() throws {
        print("throughput: \(megabytes) MB per language, built from \(directory)")
        for language in Language.allCases {
            var paragraphs: [String] = []
            for name in try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
            where name.hasSuffix(".\(language.code).txt") {
                paragraphs += Paragraphs.split(try String(contentsOfFile: "\(directory)/\(name)", encoding: .utf8))
            }
            let base = paragraphs
            var bytes = paragraphs.reduce(0) { $0 + $1.utf8.count }
            while bytes < megabytes * 1_000_000 {
                paragraphs += base
                bytes += base.reduce(0) { $0 + $1.utf8.count }
            }
            let segmenter = try SentenceSegmenter(language: language)
            let icu = try BreakIterator(.sentence, locale: language.code)
            // Raw ICU: the same paragraphs, converted to UTF-16 and iterated, nothing else.
            let icuSeconds = try time {
                var count = 0
                for paragraph in paragraphs { count += try icu.boundaries(in: Array(paragraph.utf16)).count }
                return count
            }
            let uraSeconds = try time {
                var count = 0
                for paragraph in paragraphs { count += try segmenter.sentences(in: paragraph).count }
                return count
            }
            let mb = Double(bytes) / 1_000_000
            print(String(format: "  %@: ura %.1f MB/s (%.2f s)   raw ICU %.1f MB/s (%.2f s)   ratio ura/ICU time %.2f",
                         language.code, mb / uraSeconds, uraSeconds, mb / icuSeconds, icuSeconds, uraSeconds / icuSeconds))
        }
        // One enormous paragraph: the segmenter must stay linear.
        let one = try String(contentsOfFile: "\(directory)/000_bbc_381790.en.txt", encoding: .utf8)
            .replacingOccurrences(of: "\n\n", with: " ")
        let big = String(repeating: one + " ", count: max(1, megabytes * 1_000_000 / one.utf8.count))
        let segmenter = try SentenceSegmenter(language: .english)
        var sentences = 0
        let seconds = try time {
            sentences = try segmenter.sentences(in: big).count
            return sentences
        }
        print(String(format: "  one %.0f MB paragraph: %d sentences in %.2f s (%.1f MB/s)",
                     Double(big.utf8.count) / 1_000_000, sentences, seconds, Double(big.utf8.count) / 1_000_000 / seconds))
    }

    private func time(_ body: () throws -> Int) throws -> Double {
        let start = DispatchTime.now()
        _ = try body()
        return Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
    }
}
