import ArgumentParser
import UraCore
import UraPublish

/// `ura publish [--out public/]`: the approved releases through every stylesheet in `xslt/`.
struct PublishCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "publish",
        abstract: "Publish the approved releases: RSS per language, HTML pages, XSL-FO (and PDF with --pdf).",
        discussion: """
            Runs every stylesheet in --xslt that declares outputs (<ura:output .../>) over the \
            canonical XML of the approved releases. The site is built in a staging folder and \
            switched in atomically: --out becomes a symbolic link to the new generation, so a \
            reader sees the old site or the new one, never a mix. Drafts and releases in review \
            are never published. The build date is --build-date, else SOURCE_DATE_EPOCH, else \
            the newest approval or release date: the same input gives the same bytes.
            """)

    @Option(name: .long, help: "The corpus folder of release bundles.")
    var corpus: String = "corpus"

    @Option(name: .long, help: "The site (a symbolic link Ura switches).")
    var out: String = "public"

    @Option(name: .long, help: "The folder of stylesheets.")
    var xslt: String = "xslt"

    @Option(name: .long, help: "The absolute URL the site is served from.")
    var baseURL: String = "http://localhost:8000/"

    @Option(name: .long, help: "The site's name, for feed and page titles.")
    var siteTitle: String = "Press releases"

    @Option(name: .long, help: "The build date, seconds since 1970 (default: SOURCE_DATE_EPOCH, else the newest content date).")
    var buildDate: Int?

    @Flag(name: .long, help: "Also render the XSL-FO outputs to PDF with Apache FOP.")
    var pdf = false

    func run() throws {
        try reportingErrors {
            let releases = try Corpus(directory: corpus).loadAll()
            let options = PublishOptions(
                outputDirectory: out, stylesheetDirectory: xslt, baseURL: baseURL, siteTitle: siteTitle,
                buildDate: try buildDate ?? BuildClock.sourceDateEpoch(), renderPDF: pdf)
            let report = try Publisher.publish(releases, options: options)
            writeOutput(report.lines.joined(separator: "\n") + "\n")
        }
    }
}
