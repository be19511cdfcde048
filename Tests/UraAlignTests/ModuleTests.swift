import Testing
import UraAlign

@Suite struct UraAlignModuleTests {
    @Test func moduleLinks() {
        #expect("\(UraAlign.self)" == "UraAlign")
    }
}
