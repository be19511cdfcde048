import ArgumentParser
import UraICU
import UraMallocShim

/// `ura`: the press office's bilingual (English–Albanian) publishing toolchain.
@main
struct Ura: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ura",
        abstract: "Ingest, segment, align, check, approve and publish English–Albanian press releases.",
        version: "0.1.0 (ICU \(ICU.version))",
        subcommands: [
            IngestCommand.self, SegmentCommand.self, AlignCommand.self, CheckCommand.self, ApproveCommand.self,
            StatusCommand.self, PublishCommand.self, BuildCommand.self, BenchCommand.self,
        ])

    /// Tunes the allocator before anything runs (see `ura_malloc.c`: fewer heap growths, measured
    /// a tenth off an incremental build; `ura build` has asked for huge pages there already, in a
    /// constructor), then parses the command line and runs the command.
    static func main() async {
        _ = ura_malloc_tune_for_builds()
        await main(nil)
    }
}
