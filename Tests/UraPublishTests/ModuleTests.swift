import Testing
import UraPublish

@Suite struct UraPublishModuleTests {
    @Test func moduleLinks() {
        #expect("\(UraPublish.self)" == "UraPublish")
    }
}
