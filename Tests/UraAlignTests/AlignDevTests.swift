import Testing
import UraAlign
import UraCore
import UraTestSupport
