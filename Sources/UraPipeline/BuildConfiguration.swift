import Foundation
import UraCore
import Yams

/// How `ura build` runs, read from `ura.yaml` (YAML, like the corpus front matter; every key is
/// optional and the defaults build `corpus/` into `public/`):
///
/// ```yaml
/// corpus: corpus             # release bundles
/// output: public             # the published site (a symbolic link switched atomically)
/// review: review             # review material for translators (per release: page, TMX, QA report)
/// xslt: xslt                 # stylesheets, each declaring its outputs
/// cache: .ura-cache          # per-release results between builds; "" turns caching off
/// inbox: inbox               # raw scraped pages to ingest first (optional)
/// base_url: https://press.example.org/
/// site_title: IOM Albania press releases
/// glossaries: [glossaries/migration.tbx]
/// steps: [segment, align, check, review, publish]   # default: StandardSteps.defaultOrder
/// jobs: 2                    # releases processed at once (default: one per core)
/// options:                   # per-step options, passed to the step as strings
///   check: {fail_on: error}
/// plugins:                   # external steps (Pandoc-filter style: release JSON on stdin/stdout)
///   - name: house-style
///     command: [python3, plugins/house-style.py, --max-words, "120"]
///     after: check           # where it runs; or list its name in `steps`
/// ```
public struct BuildConfiguration: Sendable, Equatable {
    /// An external step: any executable that reads a release as JSON on standard input and writes
    /// the (possibly changed) release to standard output.
    public struct Plugin: Sendable, Equatable {
        public var name: String
        /// The program and its arguments, relative paths resolved against the configuration's folder.
        public var command: [String]
        /// The step after which it runs when `steps` does not name it.
        public var after: String?

        public init(name: String, command: [String], after: String? = nil) {
            self.name = name
            self.command = command
            self.after = after
        }
    }

    public var corpus = "corpus"
    public var output = "public"
    public var review = "review"
    public var stylesheets = "xslt"
    public var cache: String? = ".ura-cache"
    public var inbox: String?
    public var baseURL = "http://localhost:8000/"
    public var siteTitle = "Press releases"
    public var glossaries = ["glossaries/migration.tbx"]
    public var steps: [String]?
    public var jobs: Int?
    public var options: [String: [String: String]] = [:]
    public var plugins: [Plugin] = []
    /// The file it was read from, if any (for messages).
    public var source: String?

    public init() {}

    /// Reads `path`. A missing file is an error only when `required` (an explicit `--config`).
    public static func load(_ path: String, required: Bool) throws(UraError) -> BuildConfiguration {
        guard FileManager.default.fileExists(atPath: path) else {
            if required { throw UraError(.input, "configuration file not found", file: path) }
            return BuildConfiguration()
        }
        return try parse(try TextInput.read(path, allowEmpty: true), file: path)
    }

    /// Parses configuration YAML; `file` names it in messages.
    public static func parse(_ text: String, file: String) throws(UraError) -> BuildConfiguration {
        var configuration = BuildConfiguration()
        configuration.source = file
        let node: Node?
        do {
            // Every value is read as the text it is written as (`string`, `strings` below), so no
            // scalar needs its type resolved: the basic resolver spares compiling the default
            // one's regular expressions, a few milliseconds of every build.
            node = try Yams.compose(yaml: text, .basic)
        } catch {
            throw UraError(.input, "configuration is not valid YAML: \("\(error)".split(separator: "\n").first ?? "")", file: file)
        }
        guard let node else { return configuration }
        guard let mapping = node.mapping else {
            throw UraError(.input, "configuration must be a mapping of 'key: value' lines", file: file, line: line(node))
        }
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? ""
            func string() throws(UraError) -> String {
                guard let text = value.string else { throw UraError(.input, "'\(key)' must be a single value", file: file, line: line(value)) }
                return text
            }
            func strings() throws(UraError) -> [String] {
                if let text = value.string { return [text] }
                guard let sequence = value.sequence else {
                    throw UraError(.input, "'\(key)' must be a list", file: file, line: line(value))
                }
                var result: [String] = []
                for item in sequence {
                    guard let text = item.string else { throw UraError(.input, "'\(key)' must be a list of names", file: file, line: line(item)) }
                    result.append(text)
                }
                return result
            }
            switch key {
            case "corpus": configuration.corpus = try string()
            case "output": configuration.output = try string()
            case "review": configuration.review = try string()
            case "xslt": configuration.stylesheets = try string()
            case "cache":
                let text = try string()
                configuration.cache = (text.isEmpty || text == "false" || text == "off") ? nil : text
            case "inbox": configuration.inbox = try string()
            case "base_url": configuration.baseURL = try string()
            case "site_title": configuration.siteTitle = try string()
            case "glossaries": configuration.glossaries = try strings()
            case "steps": configuration.steps = try strings()
            case "jobs":
                guard let jobs = Int(try string()), jobs > 0 else {
                    throw UraError(.input, "'jobs' must be a positive whole number", file: file, line: line(value))
                }
                configuration.jobs = jobs
            case "options":
                guard let steps = value.mapping else { throw UraError(.input, "'options' must map step names to options", file: file, line: line(value)) }
                for (stepNode, optionsNode) in steps {
                    guard let step = stepNode.string, let pairs = optionsNode.mapping else {
                        throw UraError(.input, "'options' must map step names to 'option: value' pairs", file: file, line: line(stepNode))
                    }
                    for (name, setting) in pairs {
                        guard let name = name.string, let setting = setting.string else {
                            throw UraError(.input, "options of '\(step)' must be single values", file: file, line: line(setting))
                        }
                        configuration.options[step, default: [:]][name] = setting
                    }
                }
            case "plugins":
                guard let sequence = value.sequence else { throw UraError(.input, "'plugins' must be a list", file: file, line: line(value)) }
                for item in sequence {
                    guard let fields = item.mapping, let name = fields["name"]?.string else {
                        throw UraError(.input, "each plugin needs a 'name' and a 'command'", file: file, line: line(item))
                    }
                    let commandNode = fields["command"]
                    let command = commandNode?.string.map { $0.split(separator: " ").map(String.init) }
                        ?? commandNode?.sequence?.compactMap(\.string) ?? []
                    guard !command.isEmpty else {
                        throw UraError(.input, "plugin '\(name)' needs a 'command'", file: file, line: line(item))
                    }
                    configuration.plugins.append(Plugin(name: name, command: command, after: fields["after"]?.string))
                }
            default:
                throw UraError(.input, "unknown key '\(key)' (known: corpus, output, review, xslt, cache, inbox, base_url, site_title, glossaries, steps, jobs, options, plugins)",
                               file: file, line: line(keyNode))
            }
        }
        return configuration
    }

    /// The 1-based line of `node` (Yams marks are 1-based).
    private static func line(_ node: Node) -> Int? { node.mark.map { $0.line } }
}
