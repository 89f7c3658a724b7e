import EvidentCore
import Testing

@Suite struct CatalogTests {
    @Test func catalogHasExactlyTheSixtyOneCriteria() {
        let all = TrustServicesCriteria.all
        #expect(all.count == 61)
        #expect(Set(all.map(\.id)).count == 61)
        let counts = Dictionary(grouping: all, by: \.category).mapValues(\.count)
        #expect(counts == [.security: 33, .availability: 3, .confidentiality: 2, .processingIntegrity: 5, .privacy: 18])
        let series = Dictionary(grouping: all.filter { $0.category == .security }) { $0.id.split(separator: ".")[0] }.mapValues(\.count)
        #expect(series == ["CC1": 5, "CC2": 3, "CC3": 4, "CC4": 2, "CC5": 3, "CC6": 8, "CC7": 5, "CC8": 1, "CC9": 2])
    }

    @Test(arguments: ["CC9.9", "PP1.1", "P1.2", "CC6.9", "A1.4", "cc6.1", ""])
    func idsOutsideTheCatalogAreRejected(id: String) {
        #expect(TrustServicesCriteria.criterion(id) == nil)
    }

    @Test func scopeAlwaysIncludesSecurity() {
        #expect(TrustServicesCriteria.inScope([]).count == 33)
        #expect(TrustServicesCriteria.inScope([.availability, .privacy]).count == 33 + 3 + 18)
    }
}
