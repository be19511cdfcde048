import Testing
import UraIngest

@Suite struct UraIngestModuleTests {
    @Test func moduleLinks() {
        #expect("\(UraIngest.self)" == "UraIngest")
    }
}
