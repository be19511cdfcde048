import Foundation

/// The costs (negative log probabilities, in nats) of beads, for one document.
///
/// The model is generative from the English side: each English unit is either dropped, or
/// translated alone or with a neighbour into Albanian units whose length is normal around
/// `ratio`·x with variance `variance`·x (Gale and Church), and whose anchors are found with a
/// per-kind recall; an Albanian unit with no English source is drawn from the Albanian length
/// distribution (exponential around its mean). So a deletion pays for what it leaves
/// unexplained, not a flat fee, and the costs of different paths are comparable.
struct CostModel {
    /// Albanian characters per English character.
    let ratio: Double
    /// Variance of the Albanian length per English character.
    let variance: Double
    /// Mean Albanian sentence length, for the cost of an Albanian sentence with no source.
    let meanAlbanian: Double
    /// Its log, which every such sentence pays.
    private let logMeanAlbanian: Double
    /// Anchor evidence per anchor id: log-likelihood ratio when an English anchor is found on the
    /// other side (`enHit`) or missing (`enMiss`), and the same from the Albanian side.
    var enHit: [Double] = [], enMiss: [Double] = [], sqHit: [Double] = [], sqMiss: [Double] = []
    /// The same four per anchor id side by side, for the anchor merge of every sentence bead: one
    /// array to read instead of four.
    private var evidence: [IDEvidence] = []
    /// The anchors of each sentence, and of each sentence and the next together, per side (see
    /// ``neighbourAnchors(_:)``): what a bead of one or two sentences has.
    private(set) var enAnchors = FlatLists(), sqAnchors = FlatLists()
    /// Sentence lengths per side, apart from the rest of the sentences' features.
    private var enLengths: [Double] = [], sqLengths: [Double] = []
    /// The normalising term of ``lengthCost(_:_:)`` for the English length of each sentence i
    /// (2i) and of sentences i and i + 1 together (2i + 1), summed as ``sentenceEvidence(en:sq:)``
    /// sums them: taken once per run instead of once per bead.
    private var enNormalizers: [Double] = []
    let parameters: AlignerParameters

    init(document: DocumentFeatures, parameters: AlignerParameters, ratio: Double, variance: Double, recall: [Double]) {
        self.parameters = parameters
        let sqTotal = max(1, document.sq.totalLength)
        self.ratio = ratio
        self.variance = variance
        meanAlbanian = max(1, sqTotal / Double(max(1, document.sq.sentences.count)))
        logMeanAlbanian = log(meanAlbanian)
        setAnchors(document, recall: recall)
        enAnchors = Self.neighbourAnchors(document.en)
        enLengths = document.en.sentences.map(\.length)
        sqLengths = document.sq.sentences.map(\.length)
        sqAnchors = Self.neighbourAnchors(document.sq)
        enNormalizers.reserveCapacity(2 * enLengths.count)
        for index in enLengths.indices {
            var x = 0.0
            for sentence in index..<min(index + 2, enLengths.count) {
                x += enLengths[sentence]
                enNormalizers.append(lengthNormalizer(x))
            }
        }
    }

    /// The anchors of each sentence i of `side` (list 2i) and of sentences i and i + 1 together
    /// (list 2i + 1, for each i but the last), in one array.
    private static func neighbourAnchors(_ side: SideFeatures) -> FlatLists {
        var lists = FlatLists()
        let anchors = side.sentences.reduce(0) { $0 + $1.anchors.count }
        lists.reserveCapacity(lists: 2 * side.sentences.count, items: 3 * anchors)
        for index in side.sentences.indices {
            lists.append(side.sentences[index].anchors)
            if index + 1 < side.sentences.count {
                lists.appendUnion(side.sentences[index].anchors, side.sentences[index + 1].anchors)
            }
        }
        return lists
    }

    /// The list of ``neighbourAnchors(_:)`` holding the anchors of `sentences`, if one does.
    private static func neighbourList(_ sentences: Range<Int>) -> Int? {
        switch sentences.count {
        case 1: 2 * sentences.lowerBound
        case 2: 2 * sentences.lowerBound + 1
        default: nil
        }
    }

    /// Precomputes the anchor evidence: a shared anchor is worth more the rarer it is on the
    /// other side (log of recall over chance), a missing one costs little when it is common.
    mutating func setAnchors(_ document: DocumentFeatures, recall: [Double]) {
        let count = document.table.count
        let dfEn = Self.documentFrequencies(document.en, count: count), dfSq = Self.documentFrequencies(document.sq, count: count)
        // An anchor's evidence depends only on its kind and on how many sentences of the other
        // side have it, and most anchors are in a sentence or two: each log is taken once per
        // kind and count.
        var enEvidence = AnchorEvidence(recall: recall, sentences: document.sq.sentences.count)
        var sqEvidence = AnchorEvidence(recall: recall, sentences: document.en.sentences.count)
        enHit = []; enMiss = []; sqHit = []; sqMiss = []
        enHit.reserveCapacity(count); enMiss.reserveCapacity(count)
        sqHit.reserveCapacity(count); sqMiss.reserveCapacity(count)
        for id in 0..<count {
            let kind = document.table.kinds[id].rawValue
            let en = enEvidence.evidence(kind: kind, documentFrequency: dfSq[id])
            enHit.append(en.hit)
            enMiss.append(en.miss)
            let sq = sqEvidence.evidence(kind: kind, documentFrequency: dfEn[id])
            sqHit.append(sq.hit)
            sqMiss.append(sq.miss)
        }
        evidence = (0..<count).map { IDEvidence(enHit: enHit[$0], enMiss: enMiss[$0], sqHit: sqHit[$0], sqMiss: sqMiss[$0]) }
    }

    /// Per anchor id below `count`, the number of sentences of `side` that have it.
    private static func documentFrequencies(_ side: SideFeatures, count: Int) -> [Int] {
        [Int](unsafeUninitializedCapacity: count) { frequencies, initialized in
            frequencies.initialize(repeating: 0)
            // By index: iterating the sentences copied (retained) each.
            for index in side.sentences.indices {
                for id in side.sentences[index].anchors { frequencies[id] += 1 }
            }
            initialized = count
        }
    }

    /// Share of translations whose length is far off the usual ratio (a headline rewritten, a
    /// quote explained): about 2 in 600 sentence pairs of news lie beyond four standard deviations.
    static let outlierShare = 0.01
    /// How much wider the outliers' spread is.
    static let outlierWidth = 4.0

    /// Cost of Albanian length `y` given English length `x` (both > 0): Gale and Church's normal
    /// density with variance proportional to x, mixed with a wide normal for the odd free
    /// translation so that a length outlier cannot outvote shared anchors; with its normalising
    /// term, so beads of different lengths compare.
    func lengthCost(_ x: Double, _ y: Double) -> Double {
        lengthCost(x, y, normalizer: lengthNormalizer(x))
    }

    /// ``lengthCost(_:_:)`` with its normalising term (``lengthNormalizer(_:)``) given.
    @inline(__always) private func lengthCost(_ x: Double, _ y: Double, normalizer: Double) -> Double {
        let x = max(x, 1)
        let spread = variance * x
        let z2 = (y - ratio * x) * (y - ratio * x) / spread
        let k = Self.outlierWidth, share = Self.outlierShare
        let density = (1 - share) * exp(-z2 / 2) + share / k * exp(-z2 / (2 * k * k))
        return -log(max(density, 1e-300)) + normalizer
    }

    /// The normalising term of the length density for English length `x`.
    private func lengthNormalizer(_ x: Double) -> Double {
        let spread = variance * max(x, 1)
        return 0.5 * log(2 * Double.pi * spread)
    }

    /// The least ``lengthCost(_:_:)`` can be for English length `x`, whatever the Albanian length:
    /// the normalising term, and the mixture's density at its peak.
    func leastLengthCost(_ x: Double) -> Double {
        let spread = variance * max(x, 1)
        let k = Self.outlierWidth, share = Self.outlierShare
        return -log((1 - share) + share / k) + 0.5 * log(2 * Double.pi * spread)
    }

    /// Cost of an Albanian sentence of length `y` that translates nothing.
    func unexplainedCost(_ y: Double) -> Double {
        logMeanAlbanian + y / meanAlbanian
    }

    /// The anchor evidence against a bead whose sides hold `en` and `sq` anchors (sorted ids):
    /// negative when they share rare anchors.
    /// - Complexity: O(a) for a anchors (both lists are sorted: one merge pass).
    func anchorCost(_ en: [Int], _ sq: [Int]) -> Double {
        let llr = en.withUnsafeBufferPointer { en in
            sq.withUnsafeBufferPointer { sq in anchorLogLikelihoodRatio(en, sq) }
        }
        return weighted(llr)
    }

    /// ``anchorCost(_:_:)`` of the anchors of English sentences `en` and Albanian sentences `sq`,
    /// read in place when each side has one or two sentences.
    private func anchorCost(en: Range<Int>, sq: Range<Int>) -> Double {
        guard let enList = Self.neighbourList(en), let sqList = Self.neighbourList(sq) else {
            return anchorCost(Self.anchors(of: en, in: enAnchors), Self.anchors(of: sq, in: sqAnchors))
        }
        let llr = enAnchors.items.withUnsafeBufferPointer { enItems in
            sqAnchors.items.withUnsafeBufferPointer { sqItems in
                anchorLogLikelihoodRatio(UnsafeBufferPointer(rebasing: enItems[enAnchors.positions(of: enList)]),
                                         UnsafeBufferPointer(rebasing: sqItems[sqAnchors.positions(of: sqList)]))
            }
        }
        return weighted(llr)
    }

    /// The anchors of sentences `range`, sorted and unique: the union of each sentence's list of
    /// `lists` (see ``neighbourAnchors(_:)``), merged one sentence at a time.
    private static func anchors(of range: Range<Int>, in lists: FlatLists) -> [Int] {
        range.dropFirst().reduce(Array(lists.items[lists.positions(of: 2 * range.lowerBound)])) { union, index in
            sortedUnion(union, Array(lists.items[lists.positions(of: 2 * index)]))
        }
    }

    /// Anchor evidence `llr` as a cost, weighted against length evidence.
    @inline(__always) private func weighted(_ llr: Double) -> Double {
        -0.5 * parameters.anchorWeight * llr
    }

    /// The sum of the anchor evidence of the sorted ids `en` and `sq`, in the order of a merge.
    private func anchorLogLikelihoodRatio(_ en: UnsafeBufferPointer<Int>, _ sq: UnsafeBufferPointer<Int>) -> Double {
        evidence.withUnsafeBufferPointer { evidence in
            var llr = 0.0
            var i = 0, j = 0
            // While both lists have ids left; then the rest of the one that has, in order.
            while i < en.count && j < sq.count {
                let a = en[i], b = sq[j]
                if a < b {
                    llr += evidence[a].enMiss
                    i += 1
                } else if b < a {
                    llr += evidence[b].sqMiss
                    j += 1
                } else {
                    llr += evidence[a].enHit + evidence[b].sqHit
                    i += 1
                    j += 1
                }
            }
            while i < en.count {
                llr += evidence[en[i]].enMiss
                i += 1
            }
            while j < sq.count {
                llr += evidence[sq[j]].sqMiss
                j += 1
            }
            return llr
        }
    }

    /// The cost of a sentence bead over English sentences `en` and Albanian sentences `sq`
    /// (either may be empty, not both), without the bead's prior.
    func sentenceEvidence(en: Range<Int>, sq: Range<Int>) -> Double {
        if en.isEmpty {
            return sq.reduce(0) { $0 + unexplainedCost(sqLengths[$1]) }
        }
        if sq.isEmpty { return 0 }
        var x = 0.0, y = 0.0
        for index in en { x += enLengths[index] }
        for index in sq { y += sqLengths[index] }
        let normalizer = Self.neighbourList(en).map { enNormalizers[$0] } ?? lengthNormalizer(x)
        return lengthCost(x, y, normalizer: normalizer) + anchorCost(en: en, sq: sq)
    }

    /// The union of two sorted lists of unique ids, sorted.
    static func sortedUnion(_ a: [Int], _ b: [Int]) -> [Int] {
        var result: [Int] = []
        result.reserveCapacity(a.count + b.count)
        forEachInUnion(a, b) { result.append($0) }
        return result
    }

    /// Calls `body` with each id of the union of two sorted lists of unique ids, in order.
    @inline(__always) static func forEachInUnion(_ a: [Int], _ b: [Int], _ body: (Int) -> Void) {
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if j == b.count || (i < a.count && a[i] < b[j]) {
                body(a[i])
                i += 1
            } else if i == a.count || b[j] < a[i] {
                body(b[j])
                j += 1
            } else {
                body(a[i])
                i += 1
                j += 1
            }
        }
    }
}

/// The evidence of one anchor id: from the English side (found on the other side or missed) and
/// from the Albanian side.
private struct IDEvidence {
    var enHit: Double, enMiss: Double, sqHit: Double, sqMiss: Double
}

/// The evidence of anchors of one side by kind and by the number of sentences of the other side
/// that have them, each worked out the first time it is asked for.
private struct AnchorEvidence {
    /// Per anchor kind, how often a true translation keeps an anchor of that kind.
    let recall: [Double]
    /// The number of sentences of the other side.
    let sentences: Int
    /// Per kind and count, at `kind * (sentences + 1) + count`: the evidence, nil until asked for.
    private var known: [(hit: Double, miss: Double)?]

    init(recall: [Double], sentences: Int) {
        self.recall = recall
        self.sentences = sentences
        known = Array(repeating: nil, count: recall.count * (sentences + 1))
    }

    /// The log-likelihood ratios of an anchor of `kind` found in `documentFrequency` sentences of
    /// the other side, when a bead finds it there (`hit`) and when it does not (`miss`): a shared
    /// anchor is worth more the rarer it is on the other side (recall over chance), a missing one
    /// costs little when it is common.
    mutating func evidence(kind: Int, documentFrequency: Int) -> (hit: Double, miss: Double) {
        let slot = kind * (sentences + 1) + documentFrequency
        if let evidence = known[slot] { return evidence }
        let q = recall[kind]
        let r = (Double(documentFrequency) + 0.5) / (Double(sentences) + 1)
        let evidence = (hit: log(max(q, r) / r), miss: min(0, log((1 - q) / (1 - min(r, 0.99)))))
        known[slot] = evidence
        return evidence
    }
}
