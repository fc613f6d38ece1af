"""Writes an emulator world with one hub VNet holding N peerings (for Scripts/bench)."""
import json
import sys

n = int(sys.argv[1])
sub = "00000000-0000-0000-0000-0000000000b0"
hub = f"/subscriptions/{sub}/resourceGroups/rg-bench/providers/Microsoft.Network/virtualNetworks/hub"
peerings = []
for i in range(n):
    peerings.append({
        "name": f"hub-to-spoke-{i}",
        "id": f"{hub}/virtualNetworkPeerings/hub-to-spoke-{i}",
        "type": "Microsoft.Network/virtualNetworks/virtualNetworkPeerings",
        "etag": f'W/"{i}"',
        "properties": {
            "allowForwardedTraffic": True, "allowGatewayTransit": True, "allowVirtualNetworkAccess": True,
            "useRemoteGateways": False, "peeringState": "Connected", "peeringSyncLevel": "FullyInSync",
            "provisioningState": "Succeeded", "resourceGuid": f"guid-{i}",
            "remoteAddressSpace": {"addressPrefixes": [f"10.{i // 256 + 1}.{i % 256}.0/24"]},
            "remoteVirtualNetworkAddressSpace": {"addressPrefixes": [f"10.{i // 256 + 1}.{i % 256}.0/24"]},
            "remoteBgpCommunities": {"regionalCommunity": "12076:50004", "virtualNetworkCommunity": f"12076:2{i}"},
            "remoteVirtualNetwork": {"id": f"/subscriptions/{sub}/resourceGroups/rg-spokes/providers/Microsoft.Network/virtualNetworks/spoke-{i}"},
        },
    })
groups = [{"name": "rg-bench", "location": "westeurope", "virtualNetworks": [
    {"name": "hub", "location": "westeurope", "properties": {
        "addressSpace": {"addressPrefixes": ["10.0.0.0/16"]}, "virtualNetworkPeerings": peerings}}]}]
if n > 500:
    # spoke-500 peers back, so that deleting its side turns hub-to-spoke-500 Disconnected (Scripts/bench does).
    groups.append({"name": "rg-spokes", "location": "westeurope", "virtualNetworks": [
        {"name": "spoke-500", "location": "westeurope", "properties": {
            "addressSpace": {"addressPrefixes": ["10.2.244.0/24"]}, "virtualNetworkPeerings": [{
                "name": "spoke-500-to-hub",
                "id": f"/subscriptions/{sub}/resourceGroups/rg-spokes/providers/Microsoft.Network/virtualNetworks/spoke-500/virtualNetworkPeerings/spoke-500-to-hub",
                "properties": {"peeringState": "Connected", "peeringSyncLevel": "FullyInSync", "provisioningState": "Succeeded",
                               "allowVirtualNetworkAccess": True, "remoteVirtualNetwork": {"id": hub},
                               "remoteAddressSpace": {"addressPrefixes": ["10.0.0.0/16"]}}}]}}]})
world = {"subscriptions": [{"subscriptionId": sub, "displayName": "Bench", "resourceGroups": groups}]}
json.dump(world, sys.stdout)
