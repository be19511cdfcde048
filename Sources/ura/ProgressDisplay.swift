import Foundation
import UraCore

/// Shows pipeline progress on standard error: a bar per step with counts on a terminal, one line
/// per finished step otherwise, nothing with `--quiet`. Events arrive from concurrent tasks, so
/// every update takes the lock.
final class ProgressDisplay: @unchecked Sendable {
    enum Mode { case quiet, lines, bars }

    private let mode: Mode
    private let lock = NSLock()
    /// A step as its start announced it.
    private typealias Step = (index: Int, count: Int, summary: String, total: Int, cached: Int)
    /// The step the bar shows: the one started last.
    private var current: Step?
    /// Every step started and not finished, by index: a step may run alongside the next ones.
    private var running: [Int: Step] = [:]
    private var lastDrawn = -1

    init(quiet: Bool) {
        mode = quiet ? .quiet : (isatty(STDERR_FILENO) == 1 ? .bars : .lines)
    }

    func handle(_ event: PipelineEvent) {
        guard mode != .quiet else { return }
        lock.lock()
        defer { lock.unlock() }
        switch event {
        case let .stepStarted(index, count, _, summary, total, cached):
            current = (index, count, summary, total, cached)
            running[index] = current
            lastDrawn = -1
            if mode == .bars { draw(done: cached, total: total) }
        case let .progress(_, done, total):
            if mode == .bars { draw(done: done, total: total) }
        case let .stepFinished(index, _, seconds):
            guard let step = running.removeValue(forKey: index) else { return }
            let counts = step.total > 0 ? ": \(step.total) releases" + (step.cached > 0 ? " (\(step.cached) cached)" : "") : ""
            let line = "[\(index + 1)/\(step.count)] \(step.summary)\(counts), \(String(format: "%.2f", seconds)) s"
            write((mode == .bars ? "\r\u{1B}[2K" : "") + line + "\n")
            if current?.index == index { current = nil }
        case let .stepSkipped(index, name, reason):
            write((mode == .bars ? "\r\u{1B}[2K" : "") + "[\(index + 1)] \(name) skipped: \(reason)\n")
        }
    }

    /// Redraws the bar when it moved by at least one of its 30 cells.
    private func draw(done: Int, total: Int) {
        guard let step = current else { return }
        let width = 30
        let filled = total > 0 ? min(width, done * width / total) : width
        if filled == lastDrawn && done != total { return }
        lastDrawn = filled
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        let counts = total > 0 ? " \(done)/\(total)" : ""
        write("\r\u{1B}[2K[\(step.index + 1)/\(step.count)] \(step.summary) \(bar)\(counts)")
    }

    private func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
