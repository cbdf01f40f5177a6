using System.Net;

namespace Conclave.Api.Abuse;

/// <summary>
/// The address the abuse limits count against: the socket peer, or, when the peer is one of trusted_proxies,
/// the client it names in X-Forwarded-For (<see cref="ForwardedClients"/> has already rewritten the peer then).
/// </summary>
public sealed class ClientAddress(IHttpContextAccessor accessor)
{
    public string Value => Normalise(accessor.HttpContext?.Connection.RemoteIpAddress);

    // A dual-stack listener reports IPv4 clients as ::ffff:a.b.c.d; they are the same client as a.b.c.d.
    private static string Normalise(IPAddress? address) => address switch
    {
        null => "unknown",
        { IsIPv4MappedToIPv6: true } => address.MapToIPv4().ToString(),
        _ => address.ToString(),
    };
}
