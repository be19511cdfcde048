import ArgumentParser
import UraICU

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
}
