/// What every step of a pipeline works on: the releases, where they live, and where progress
/// goes. Steps read and change it in order (the Publish model: one context, named steps).
public struct PipelineContext: Sendable {
    /// The corpus the releases were loaded from, if any.
    public var corpus: Corpus?
    /// The releases, in id order.
    public var releases: [PressRelease]
    /// Step options from the command line or configuration, by step name then option name.
    public var options: [String: [String: String]]
    /// Lines the steps want the user to see (summaries, warnings), in order.
    public var messages: [String]

    public init(corpus: Corpus? = nil, releases: [PressRelease] = [], options: [String: [String: String]] = [:]) {
        self.corpus = corpus
        self.releases = releases
        self.options = options
        self.messages = []
    }

    /// The option `name` of step `step`, if set.
    public func option(_ name: String, of step: String) -> String? { options[step]?[name] }
}

/// One named stage of the pipeline.
///
/// A step either works on one release at a time (``Body/perRelease(_:)``: the pipeline can run
/// those concurrently and names the failing release) or on the whole context at once
/// (``Body/whole(_:)``: ingest, publish).
public struct PipelineStep: Sendable {
    public enum Body: Sendable {
        case perRelease(@Sendable (inout PressRelease, PipelineContext) throws -> Void)
        case whole(@Sendable (inout PipelineContext) throws -> Void)
    }

    /// The registry name (`segment`, `align`, ...).
    public let name: String
    /// What the step does, for progress lines (`Segment sentences`).
    public let summary: String
    public let body: Body

    public init(name: String, summary: String, body: Body) {
        self.name = name
        self.summary = summary
        self.body = body
    }
}

/// A failure inside a step, naming the step and the release or file it was working on.
public struct PipelineError: Error, CustomStringConvertible, Sendable {
    public let step: String
    /// The release id or file, when the step was working on one.
    public let subject: String?
    public let underlying: any Error

    public init(step: String, subject: String?, underlying: any Error) {
        self.step = step
        self.subject = subject
        self.underlying = underlying
    }

    public var description: String {
        let place = subject.map { " on '\($0)'" } ?? ""
        return "step '\(step)'\(place): \(underlying)"
    }

    /// The exit code of the underlying error, 1 when it has none.
    public var exitCode: Int32 { (underlying as? UraError)?.exitCode ?? 1 }
}

/// An ordered list of steps run over one context.
public struct Pipeline: Sendable {
    public private(set) var steps: [PipelineStep]

    public init(steps: [PipelineStep]) {
        self.steps = steps
    }

    /// Runs every step in order. `progress` receives `[2/5] Align paragraphs` lines.
    /// - Throws: ``PipelineError`` naming the step and the release or file.
    public func run(_ context: inout PipelineContext, progress: (String) -> Void = { _ in }) throws(PipelineError) {
        for (index, step) in steps.enumerated() {
            progress("[\(index + 1)/\(steps.count)] \(step.summary)")
            switch step.body {
            case .whole(let body):
                do { try body(&context) } catch {
                    throw PipelineError(step: step.name, subject: (error as? UraError)?.file, underlying: error)
                }
            case .perRelease(let body):
                let snapshot = context
                for index in context.releases.indices {
                    do { try body(&context.releases[index], snapshot) } catch {
                        throw PipelineError(step: step.name, subject: context.releases[index].id, underlying: error)
                    }
                }
            }
        }
    }
}

/// Steps by name, so a pipeline can be described as a list of names (in configuration or on the
/// command line) and new steps can be plugged in without touching the pipeline.
public struct StepRegistry: Sendable {
    public typealias Factory = @Sendable ([String: String]) throws -> PipelineStep

    private var factories: [String: Factory] = [:]
    private var order: [String] = []

    public init() {}

    /// Registers (or replaces) the step called `name`.
    public mutating func register(_ name: String, _ factory: @escaping Factory) {
        if factories[name] == nil { order.append(name) }
        factories[name] = factory
    }

    /// Registered names, in registration order.
    public var names: [String] { order }

    /// The step called `name`, built with `options`.
    public func make(_ name: String, options: [String: String] = [:]) throws(UraError) -> PipelineStep {
        guard let factory = factories[name] else {
            throw UraError(.usage, "unknown step '\(name)' (known: \(order.joined(separator: ", ")))")
        }
        do {
            return try factory(options)
        } catch let error as UraError {
            throw error
        } catch {
            throw UraError(.usage, "step '\(name)': \(error)")
        }
    }

    /// A pipeline of the named steps, in the given order.
    public func pipeline(_ names: [String], options: [String: [String: String]] = [:]) throws(UraError) -> Pipeline {
        var steps: [PipelineStep] = []
        for name in names { steps.append(try make(name, options: options[name] ?? [:])) }
        return Pipeline(steps: steps)
    }
}
