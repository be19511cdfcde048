import Foundation

/// Work spread over every core for the batch stages that are not async (loading bundles,
/// rendering review pages, XSLT transforms): items are handed out in chunks, so thousands of
/// small items do not cost thousands of dispatches, and results come back in input order.
public enum Parallel {
    /// `transform` of every element of `items`, in order.
    public static func map<Element: Sendable, Output>(_ items: [Element], _ transform: @Sendable (Element) -> Output) -> [Output] {
        map(items, chunksPerCore: 8, transform)
    }

    /// `transform` of every element of `items`, in order, the items handed out in
    /// `chunksPerCore` chunks per core: more for items of very unequal cost, so that the last
    /// chunk leaves less of the other cores idle.
    public static func map<Element: Sendable, Output>(_ items: [Element], chunksPerCore: Int,
                                                       _ transform: @Sendable (Element) -> Output) -> [Output] {
        guard !items.isEmpty else { return [] }
        let chunk = max(1, items.count / (ProcessInfo.processInfo.activeProcessorCount * max(1, chunksPerCore)))
        return Array(unsafeUninitializedCapacity: items.count) { buffer, count in
            nonisolated(unsafe) let slots = buffer
            DispatchQueue.concurrentPerform(iterations: (items.count + chunk - 1) / chunk) { part in
                for index in part * chunk..<min(items.count, (part + 1) * chunk) {
                    slots.initializeElement(at: index, to: transform(items[index]))
                }
            }
            count = items.count
        }
    }

    /// `transform` of every element of `items`, in order; every element is tried, and the first
    /// failure in input order is the one thrown.
    public static func map<Element: Sendable, Output>(
        _ items: [Element], _ transform: @Sendable (Element) throws(UraError) -> Output
    ) throws(UraError) -> [Output] {
        let results: [Result<Output, UraError>] = map(items) { item in
            do throws(UraError) { return .success(try transform(item)) } catch { return .failure(error) }
        }
        var outputs: [Output] = []
        outputs.reserveCapacity(results.count)
        for result in results {
            switch result {
            case .success(let output): outputs.append(output)
            case .failure(let error): throw error
            }
        }
        return outputs
    }
}
