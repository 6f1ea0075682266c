"""The address of the person making a request, also when the site sits behind a reverse proxy.

Behind a proxy REMOTE_ADDR is the proxy's own address, so every visitor would share one rate-limit
bucket. The proxy names the real client in X-Forwarded-For, but anyone can send that header, so it is
read only when the request came from a proxy listed in `TRUSTED_PROXIES`, and then from the right:
each trusted proxy appends the address it saw, and the first address that is not a trusted proxy is
the client. Whatever a client wrote to the left of that is ignored.
"""

import ipaddress
from functools import lru_cache

from django.conf import settings


@lru_cache(maxsize=8)
def _networks(trusted):
    return tuple(ipaddress.ip_network(entry.strip(), strict=False) for entry in trusted if entry.strip())


def trusted_networks():
    return _networks(tuple(settings.TRUSTED_PROXIES))


def _address(text):
    text = text.strip().strip('"')
    if text.startswith("["):  # [IPv6]:port
        text = text[1:].partition("]")[0]
    elif text.count(":") == 1:  # IPv4:port
        text = text.partition(":")[0]
    try:
        return ipaddress.ip_address(text)
    except ValueError:
        return None


def _is_trusted(address, networks):
    return any(address in network for network in networks)


def client_ip(request):
    """The client's address as text, or None if the server was not told one."""
    address = _address(request.META.get("REMOTE_ADDR", ""))
    if address is None:
        return None
    networks = trusted_networks()
    if not _is_trusted(address, networks):
        return str(address)
    hops = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
    for hop in reversed(hops):
        forwarded = _address(hop)
        if forwarded is None:
            # A malformed entry: nothing to its left can be trusted either.
            break
        address = forwarded
        if not _is_trusted(address, networks):
            break
    return str(address)
