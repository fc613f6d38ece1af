"""Lists a VNet's peerings with the official Azure SDK for Python, against the emulator.

Usage: python bench_sdk.py ENDPOINT SUBSCRIPTION GROUP VNET
Prints the number of peerings. Used by Scripts/bench; nothing here leaves loopback.
"""
import sys
import time

from azure.core.credentials import AccessToken
from azure.mgmt.network import NetworkManagementClient


class StaticToken:
    """A credential that hands out a fixed token, as PEERSCOPE_ACCESS_TOKEN does."""

    def get_token(self, *scopes, **kwargs):
        return AccessToken("bench-token", int(time.time()) + 3600)


def main():
    endpoint, subscription, group, vnet = sys.argv[1:5]
    credential = StaticToken()
    client = NetworkManagementClient(credential, subscription, base_url=endpoint, api_version="2025-05-01")
    # The emulator is plain http on loopback; the SDK refuses bearer tokens over http unless told per request.
    count = sum(1 for _ in client.virtual_network_peerings.list(group, vnet, enforce_https=False))
    print(count)


if __name__ == "__main__":
    main()
