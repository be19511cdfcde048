import Testing
import UraTerminology

@Suite struct UraTerminologyModuleTests {
    @Test func moduleLinks() {
        #expect("\(UraTerminology.self)" == "UraTerminology")
    }
}
