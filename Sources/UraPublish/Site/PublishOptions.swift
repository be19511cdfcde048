import Foundation
import UraCore

/// What `ura publish` needs besides the releases: where things are and the stylesheets'
/// parameters. Filled from command-line flags (and later from `ura.yaml`).
public struct PublishOptions: Sendable, Equatable {
    /// The site folder (a symbolic link Ura switches atomically; see ``SiteSwitch``).
    public var outputDirectory: String
    /// The folder of stylesheets, each declaring its outputs.
    public var stylesheetDirectory: String
    /// The absolute URL the site is served from, ending in `/` (`https://press.example.org/`).
    public var baseURL: String
    /// The site's name, for feed and page titles.
    public var siteTitle: String
    /// The build time (seconds since 1970) for `lastBuildDate` and page footers; nil takes the
    /// newest approval or release date, so the same input gives the same bytes.
    public var buildDate: Int?
    /// Render XSL-FO outputs to PDF with Apache FOP.
    public var renderPDF: Bool
    /// The `fop` program; nil looks it up on `PATH`.
    public var fopPath: String?

    /// Options with Ura's defaults: `public`, `xslt`, `http://localhost:8000/`, "Press releases".
    public init(outputDirectory: String = "public", stylesheetDirectory: String = "xslt",
                baseURL: String = "http://localhost:8000/", siteTitle: String = "Press releases",
                buildDate: Int? = nil, renderPDF: Bool = false, fopPath: String? = nil) {
        self.outputDirectory = outputDirectory
        self.stylesheetDirectory = stylesheetDirectory
        self.baseURL = baseURL
        self.siteTitle = siteTitle
        self.buildDate = buildDate
        self.renderPDF = renderPDF
        self.fopPath = fopPath
    }

    /// The options of the pipeline's `publish` step (`out`, `xslt`, `base-url`, `site-title`,
    /// `build-date` as seconds since 1970, `pdf` = `true`).
    public init(stepOptions: [String: String]) throws(UraError) {
        self.init()
        if let out = stepOptions["out"] { outputDirectory = out }
        if let xslt = stepOptions["xslt"] { stylesheetDirectory = xslt }
        if let url = stepOptions["base-url"] { baseURL = url }
        if let title = stepOptions["site-title"] { siteTitle = title }
        if let date = stepOptions["build-date"] {
            guard let seconds = Int(date) else { throw UraError(.usage, "publish: build-date must be seconds since 1970, not '\(date)'") }
            buildDate = seconds
        }
        renderPDF = stepOptions["pdf"] == "true"
        fopPath = stepOptions["fop"]
    }

    /// Checks the options and normalises the base URL to end in `/`.
    /// - Throws: ``UraError`` (usage) for a base URL that is not absolute http(s).
    public func validated() throws(UraError) -> PublishOptions {
        var copy = self
        let url = baseURL.trimmed
        guard let parsed = URL(string: url), let scheme = parsed.scheme?.lowercased(), ["http", "https"].contains(scheme),
              let host = parsed.host, !host.isEmpty else {
            throw UraError(.usage, "--base-url must be an absolute http(s) URL such as 'https://press.example.org/', not '\(baseURL)'")
        }
        copy.baseURL = url.hasSuffix("/") ? url : url + "/"
        guard !siteTitle.trimmed.isEmpty else { throw UraError(.usage, "--site-title must not be empty") }
        copy.siteTitle = siteTitle.trimmed
        return copy
    }
}
