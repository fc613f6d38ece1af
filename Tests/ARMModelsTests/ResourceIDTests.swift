import ARMModels
import Testing

@Suite struct ResourceIDTests {
    let peering = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/peerTest/providers/Microsoft.Network/virtualNetworks/vnet1/virtualNetworkPeerings/peer2"

    @Test func parsesAPeeringID() throws {
        let id = try ResourceID(parsing: peering)
        #expect(id.subscriptionId == "00000000-0000-0000-0000-000000000000")
        #expect(id.resourceGroup == "peerTest")
        #expect(id.providerNamespace == "Microsoft.Network")
        #expect(id.virtualNetworkName == "vnet1")
        #expect(id.peeringName == "peer2")
        #expect(id.description == peering)
        #expect(id.virtualNetworkID?.description == "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/peerTest/providers/Microsoft.Network/virtualNetworks/vnet1")
    }

    @Test func segmentNamesIgnoreCase() throws {
        let id = try ResourceID(parsing: "/SUBSCRIPTIONS/00000000-0000-0000-0000-000000000000/resourcegroups/peerTest/PROVIDERS/microsoft.network/VIRTUALNETWORKS/vnet1/")
        #expect(id.virtualNetworkName == "vnet1")
        #expect(id.resourceGroup == "peerTest")
        #expect(id.comparisonKey == ResourceID.virtualNetwork(subscriptionId: "00000000-0000-0000-0000-000000000000", resourceGroup: "PEERTEST", name: "VNET1").comparisonKey)
    }

    @Test func buildsIDs() {
        let id = ResourceID.peering(subscriptionId: "00000000-0000-0000-0000-000000000000", resourceGroup: "peerTest", virtualNetwork: "vnet1", name: "peer2")
        #expect(id.description == peering)
        #expect(ResourceID(subscriptionId: "00000000-0000-0000-0000-000000000000").description == "/subscriptions/00000000-0000-0000-0000-000000000000")
    }

    @Test(arguments: [
        ("", "empty"),
        ("subscriptions/x", "must start with '/subscriptions/'"),
        ("/tenants/x", "must start with '/subscriptions/'"),
        ("/subscriptions/not-a-uuid", "is not a UUID"),
        ("/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups", "ends before the resource group name"),
        ("/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/bad name", "resource group"),
        ("/subscriptions/00000000-0000-0000-0000-000000000000//x", "empty segment"),
        ("/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Network", "resource type and name must follow"),
        ("/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks", "has no name after it"),
        ("/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/things/x", "expected 'providers'"),
    ])
    func rejectsMalformedIDsNamingThePart(text: String, expected: String) {
        do {
            _ = try ResourceID(parsing: text)
            Issue.record("'\(text)' parsed")
        } catch {
            #expect(error.message.contains(expected), "\(error.message)")
        }
    }

    /// Found by Scripts/fuzz resourceid: a name ending in a space printed an id that parsed back differently.
    @Test func segmentsWithSpacesAtTheirEndsAreRejected() {
        let text = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/vne   t4 /"
        #expect { _ = try ResourceID(parsing: text) } throws: { ($0 as? ResourceIDError)?.message.contains("starts or ends with a space") == true }
        #expect(throws: ResourceIDError.self) { try ResourceID(parsing: "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/ rg") }
    }

    @Test func nameRules() {
        #expect(ARMNameRules.isUUID("00000000-0000-0000-0000-000000000000"))
        #expect(!ARMNameRules.isUUID("00000000-0000-0000-0000-00000000000g"))
        #expect(ARMNameRules.resourceGroupProblem("rg-(prod)_1.a") == nil)
        #expect(ARMNameRules.resourceGroupProblem(String(repeating: "a", count: 91))?.contains("1–90") == true)
        #expect(ARMNameRules.resourceGroupProblem("rg.")?.contains("period") == true)
        #expect(ARMNameRules.resourceGroupProblem("a/b")?.contains("'/'") == true)
        #expect(ARMNameRules.networkResourceProblem("-x") != nil)
        #expect(ARMNameRules.networkResourceProblem("vnet-hub_1") == nil)
    }
}
