import Foundation
import Testing
import UraCore
import UraTestSupport
@testable import UraPipeline

@Suite struct BuildTests {
    @Test func segmentStepFillsSentencesForEveryRelease() async throws {
        let corpus = Corpus(directory: Fixtures.corpus)
        var context = PipelineContext(corpus: corpus, releases: try corpus.loadAll())
        try await StandardSteps.registry().pipeline(["segment"]).run(&context)
        for release in context.releases {
            for language in release.languages {
                #expect(release.sentences[language]?.count == release.texts[language]?.paragraphs.count)
            }
        }
        let roundtable = try #require(context.releases.first { $0.id.hasPrefix("2018-11-05") })
        #expect(roundtable.sentences[.albanian]?[0].count == 4)
        #expect(roundtable.sentences[.english]?[0].count == 4)
        let summary = BuildSummary(context)
        #expect(summary.releases == context.releases.count)
        #expect(summary.sentences[.albanian] == 4)
    }

    @Test func buildCommandPrintsProgressAndSummary() throws {
        let cache = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: cache) }
        let config = cache + "/ura.yaml"
        try "corpus: \(Fixtures.corpus)\ncache: \(cache)/c\nsteps: [segment]\n".write(toFile: config, atomically: true, encoding: .utf8)
        let result = try Run.ura(["build", "--config", config])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("[1/1] Segment sentences: 3 releases"))
        #expect(result.stdout.contains("sq: 1 paragraph, 4 sentences"))
        let again = try Run.ura(["build", "--config", config, "--json"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(again.stdout.utf8)) as? [String: Any])
        #expect(json["cached_releases"] as? Int == 3)
        #expect((json["releases"] as? [String: Int])?["total"] == 3)
        let broken = try Run.ura(["build", "--corpus", "/nonexistent-corpus", "--no-cache"])
        #expect(broken.status == 1)
        #expect(broken.stderr == "ura: /nonexistent-corpus: corpus folder not found\n")
    }

    @Test func configurationErrorsNameTheLine() throws {
        let error = try #require(throws: UraError.self) {
            try BuildConfiguration.parse("corpus: corpus\njobs: many\n", file: "ura.yaml")
        }
        #expect(error.description == "ura.yaml:2: 'jobs' must be a positive whole number")
        let unknown = try #require(throws: UraError.self) { try BuildConfiguration.parse("outptu: public\n", file: "ura.yaml") }
        #expect(unknown.line == 1)
        #expect(unknown.message.hasPrefix("unknown key 'outptu'"))
        let parsed = try BuildConfiguration.parse("""
            output: site
            cache: off
            plugins:
              - name: house-style
                command: [python3, plugins/house-style.py]
                after: segment
            options:
              check: {fail_on: warning}
            """, file: "ura.yaml")
        #expect(parsed.output == "site")
        #expect(parsed.cache == nil)
        #expect(parsed.plugins == [.init(name: "house-style", command: ["python3", "plugins/house-style.py"], after: "segment")])
        #expect(parsed.options["check"]?["fail_on"] == "warning")
        var job = BuildJob(configuration: parsed, directory: Fixtures.packageRoot)
        job.configuration.steps = ["segment", "publish"]
        #expect(job.stepNames(registry: StandardSteps.registry()) == ["segment", "house-style", "publish"])
    }

    /// The example plugin shipped in plugins/ runs as an external step and adds its findings.
    @Test func examplePluginAddsHouseStyleFindings() async throws {
        var configuration = BuildConfiguration()
        configuration.corpus = Fixtures.corpus
        configuration.cache = nil
        configuration.steps = ["segment"]
        configuration.plugins = [.init(name: "house-style", command: ["python3", "plugins/house-style.py", "--max-words", "60"])]
        let result = try await BuildJob(configuration: configuration, directory: Fixtures.packageRoot).run()
        #expect(result.context.failures.isEmpty)
        let roundtable = try #require(result.context.releases.first { $0.id.hasPrefix("2018-11-05") })
        // The 2018 paragraphs have well over 60 words in both languages.
        #expect(roundtable.findings?.filter { $0.rule == "long-paragraph" }.map(\.side).sorted() == ["en", "sq"])
        // The plugin kept everything else, including what the segment step computed.
        #expect(roundtable.sentences[.english]?.first?.count == 4)
        #expect(roundtable.texts == (try Corpus(directory: Fixtures.corpus).load(roundtable.id)).texts)
    }

    /// A plugin that fails on one release: that release is reported with the plugin's name, the
    /// others still build, nothing needing all releases runs, and `ura build` exits 1.
    @Test func failingPluginIsReportedWithItsNameAndTheRelease() throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try writeShellPluginBuild(in: directory, name: "flaky", script: """
            input=$(cat)
            case "$input" in *2019-10-29*) echo "cannot handle Kapshtica" >&2; exit 3;; esac
            printf '%s' "$input"
            """)
        let result = try Run.ura(["build", "--config", directory + "/ura.yaml"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("step 'flaky' on '2019-10-29-new-registration-and-temporary-accommodation-centre-for': plugin 'flaky' exited with 3: cannot handle Kapshtica"))
        #expect(result.stdout.contains("2 releases"))
    }
}

/// `ura build` executes itself again with glibc's huge-page tunable where the kernel gives huge
/// pages on request (see `ura_malloc.c`); the steps and plugins it runs see the caller's
/// environment, not the tunable.
@Suite struct HugePageTests {
    /// What a plugin sees: its GLIBC_TUNABLES (or "unset"), and whether the ura process that runs
    /// it has memory advised for huge pages (the `hg` flag of a mapping in its /proc smaps).
    private func environmentSeenByPlugin(_ environment: [String: String]) throws -> (tunables: String, hugePages: Bool) {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try writeShellPluginBuild(in: directory, name: "record", script: """
            printf '%s\n' "${GLIBC_TUNABLES-unset}" > "\(directory)/tunables"
            printf '%s\n' "${URA_HUGE_PAGES_ORIGINAL_TUNABLES-unset}" >> "\(directory)/tunables"
            if grep -q '^VmFlags:.* hg' /proc/$PPID/smaps; then echo huge > "\(directory)/pages"; else echo small > "\(directory)/pages"; fi
            cat
            """)
        // Through env(1): the variables are exactly the ones given, whatever the test runs with.
        let settings = environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        let result = try Run.program("/usr/bin/env", ["-u", "GLIBC_TUNABLES", "-u", "URA_NO_HUGE_PAGES"] + settings
                                                     + [Run.uraPath, "build", "--config", directory + "/ura.yaml", "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = try String(contentsOfFile: directory + "/tunables", encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.dropLast().last == "unset", "the marker must not reach plugins")
        let pages = try String(contentsOfFile: directory + "/pages", encoding: .utf8)
        return (lines.first ?? "", pages == "huge\n")
    }

    private var kernelGivesHugePagesOnRequest: Bool {
        ((try? String(contentsOfFile: "/sys/kernel/mm/transparent_hugepage/enabled", encoding: .utf8)) ?? "").contains("[madvise]")
    }

    @Test func pluginsSeeTheCallersTunables() throws {
        let none = try environmentSeenByPlugin([:])
        #expect(none.tunables == "unset")
        #expect(none.hugePages == kernelGivesHugePagesOnRequest)
        let own = try environmentSeenByPlugin(["GLIBC_TUNABLES": "glibc.malloc.tcache_count=7"])
        #expect(own.tunables == "glibc.malloc.tcache_count=7")
        #expect(own.hugePages == kernelGivesHugePagesOnRequest)
        let empty = try environmentSeenByPlugin(["GLIBC_TUNABLES": ""])
        #expect(empty.tunables == "")
        #expect(empty.hugePages == kernelGivesHugePagesOnRequest)
    }

    @Test func switchedOffOnRequest() throws {
        let off = try environmentSeenByPlugin(["URA_NO_HUGE_PAGES": "1", "GLIBC_TUNABLES": "glibc.malloc.tcache_count=7"])
        #expect(off.tunables == "glibc.malloc.tcache_count=7")
        #expect(!off.hugePages)
    }
}

@Suite struct IncrementalBuildTests {
    /// A copy of the bundled corpus, built three times: clean, unchanged (everything from the
    /// snapshot), and after editing one release (only that one processed), each time with the
    /// same releases as a build without any cache.
    @Test func snapshotServesUnchangedReleasesAndSeesEdits() async throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let corpus = Corpus(directory: directory + "/corpus")
        for release in try Corpus(directory: Fixtures.corpus).loadAll() { try corpus.write(release) }
        var configuration = BuildConfiguration()
        configuration.corpus = directory + "/corpus"
        configuration.cache = directory + "/cache"
        configuration.steps = ["segment"]
        var uncached = configuration
        uncached.cache = nil

        let first = try await BuildJob(configuration: configuration).run()
        #expect(first.report.cachedReleases == 0)
        let second = try await BuildJob(configuration: configuration).run()
        #expect(second.report.cachedReleases == 3)
        #expect(second.context.releases == first.context.releases)

        let id = "2019-10-29-new-registration-and-temporary-accommodation-centre-for"
        var edited = try corpus.load(id)
        edited.texts[.english]?.paragraphs.append("The centre opened today. It has 100 beds.")
        try corpus.write(edited)
        let third = try await BuildJob(configuration: configuration).run()
        #expect(third.report.cachedReleases == 2)
        let reference = try await BuildJob(configuration: uncached).run()
        #expect(third.context.releases == reference.context.releases)
        #expect(third.context.releases.first { $0.id == id }?.sentences[.english]?.last == ["The centre opened today.", "It has 100 beds."])
        // The digests the later steps key on are those of the releases as built, whether they
        // came from the snapshot (two) or were built again (one).
        for build in [second, third] {
            #expect(build.context.digests.count == 3)
            #expect(build.context.releases.allSatisfy { build.context.digests[$0.id] == ReleaseBinary.digest($0) })
        }

        // Another stage (different options) does not reuse the snapshot.
        configuration.options["segment"] = ["note": "x"]
        let fourth = try await BuildJob(configuration: configuration).run()
        #expect(fourth.report.cachedReleases == 0)
    }
}

/// Writes `directory/NAME.sh`, a shell plugin running `script`, and `directory/ura.yaml`, a build
/// of the bundled corpus (no cache) that segments and then runs it.
func writeShellPluginBuild(in directory: String, name: String, script: String) throws {
    let plugin = directory + "/" + name + ".sh"
    try ("#!/bin/sh\n" + script + "\n").write(toFile: plugin, atomically: true, encoding: .utf8)
    try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: plugin)
    try """
        corpus: \(Fixtures.corpus)
        cache: ""
        steps: [segment, \(name)]
        plugins:
          - name: \(name)
            command: [\(plugin)]
        """.write(toFile: directory + "/ura.yaml", atomically: true, encoding: .utf8)
}
