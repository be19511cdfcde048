// swift-tools-version: 6.1
import PackageDescription

/// Shared settings for every Swift target (the Hummingbird convention).
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "Ura",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "ura", targets: ["ura"]),
        .library(name: "UraCore", targets: ["UraCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        // C boundary. The system-library targets only carry pkg-config flags; the shims are the
        // only code that includes ICU or libxml2 headers, and their public headers expose nothing
        // but <stdint.h>/<stddef.h> types, so Swift modules that import Foundation never see ICU
        // (see shared docs/STYLE.md: Foundation's bundled ICU clashes with the system's).
        .systemLibrary(
            name: "CICU", pkgConfig: "icu-uc icu-i18n",
            providers: [.apt(["libicu-dev"])]),
        .systemLibrary(
            name: "CLibXSLT", pkgConfig: "libxslt libexslt",
            providers: [.apt(["libxslt1-dev"])]),
        .target(name: "UraICUShim", dependencies: ["CICU"]),
        .target(name: "UraXMLShim", dependencies: ["CLibXSLT"]),
        // Hunspell stems English and Albanian word forms for terminology matching (issue 5).
        .systemLibrary(
            name: "CHunspell", pkgConfig: "hunspell",
            providers: [.apt(["libhunspell-dev"])]),
        .target(name: "UraHunspellShim", dependencies: ["CHunspell"]),
        // glibc allocator settings for the `ura` process (fewer heap growths per build).
        .target(name: "UraMallocShim"),

        // Swift wrappers over the ICU shim: break iterators, normalisation, dates, charsets.
        .target(name: "UraICU", dependencies: ["UraICUShim"], swiftSettings: swiftSettings),

        // Core: document model, corpus bundles, text input, atomic output, the pipeline spine.
        .target(
            name: "UraCore",
            dependencies: ["UraICU", .product(name: "Yams", package: "Yams")],
            swiftSettings: swiftSettings),
        // Text: sentence and word segmentation with per-language rules on top of ICU.
        .target(
            name: "UraText",
            dependencies: ["UraCore", "UraICU"],
            swiftSettings: swiftSettings),
        // XML: safe parsing and in-process XSLT through libxslt.
        .target(
            name: "UraXML",
            dependencies: ["UraCore", "UraXMLShim"],
            swiftSettings: swiftSettings),
        // Ingest: scraped press-release pages into bilingual bundles (issue 3).
        .target(
            name: "UraIngest",
            dependencies: ["UraCore", "UraText", "UraICU"],
            swiftSettings: swiftSettings),
        // Align: English–Albanian paragraph and sentence alignment (issue 4).
        .target(
            name: "UraAlign",
            dependencies: ["UraCore", "UraText", "UraICU", "UraXML"],
            swiftSettings: swiftSettings),
        // Terminology: TBX/TSV glossaries and QA checks (issue 5).
        .target(
            name: "UraTerminology",
            dependencies: ["UraCore", "UraText", "UraICU", "UraXML", "UraHunspellShim"],
            swiftSettings: swiftSettings),
        // Publish: canonical XML, approval, XSLT outputs (issue 6).
        .target(
            name: "UraPublish",
            dependencies: ["UraCore", "UraXML", "UraICU"],
            swiftSettings: swiftSettings),
        // The standard pipeline: every built-in step registered by name.
        .target(
            name: "UraPipeline",
            dependencies: ["UraCore", "UraText", "UraIngest", "UraAlign", "UraTerminology", "UraPublish"],
            swiftSettings: swiftSettings),
        // The command-line front end: argument parsing only; all logic lives in the libraries.
        .executableTarget(
            name: "ura",
            dependencies: [
                "UraCore", "UraText", "UraXML", "UraPipeline", "UraIngest", "UraAlign", "UraTerminology", "UraPublish",
                "UraMallocShim", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings),
        // Measurements against the development data (segmentation F1, throughput, ...).
        .executableTarget(
            name: "ura-eval",
            dependencies: ["UraCore", "UraText", "UraICU", "UraIngest", "UraXML", "UraPublish", "UraTerminology", "UraAlign"],
            swiftSettings: swiftSettings),

        // Paths to the corpus, seeds and align-dev data, and a runner for the built `ura` binary.
        .target(name: "UraTestSupport", path: "Tests/UraTestSupport", swiftSettings: swiftSettings),
        .testTarget(name: "UraICUTests", dependencies: ["UraICU"], swiftSettings: swiftSettings),
        .testTarget(name: "UraCoreTests", dependencies: ["UraCore", "UraTestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "UraTextTests", dependencies: ["UraText", "UraCore", "UraTestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "UraXMLTests", dependencies: ["UraXML", "UraCore", "UraTestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "UraIngestTests", dependencies: ["UraIngest", "UraCore", "UraICU", "UraTestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "UraAlignTests", dependencies: ["UraAlign", "UraCore", "UraText", "UraTestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "UraTerminologyTests", dependencies: ["UraTerminology", "UraCore", "UraTestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "UraPublishTests", dependencies: ["UraPublish", "UraCore", "UraXML", "UraICU", "UraTestSupport"], exclude: ["Snapshots"], swiftSettings: swiftSettings),
        .testTarget(name: "UraPipelineTests", dependencies: ["UraPipeline", "UraCore", "UraICU", "UraTestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "UraCLITests", dependencies: ["UraCore", "UraTestSupport"], swiftSettings: swiftSettings),
    ]
)
