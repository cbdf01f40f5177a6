using System.Net;
using System.Net.Sockets;

namespace Conclave.Api.Abuse;

/// <summary>
/// The address the abuse limits count against: the socket peer, or, when the peer is one of trusted_proxies,
/// the client it names in X-Forwarded-For (<see cref="ForwardedClients"/> has already rewritten the peer then).
/// </summary>
public sealed class ClientAddress(IHttpContextAccessor accessor)
{
    public string Value => Of(accessor.HttpContext?.Connection.RemoteIpAddress);

    /// <summary>
    /// The key of <paramref name="address"/> in the per-address limits. A dual-stack listener reports IPv4 clients as
    /// ::ffff:a.b.c.d: they are a.b.c.d. An IPv6 client counts as its /64, the smallest prefix a site is given, inside
    /// which it can take any address it likes.
    /// </summary>
    public static string Of(IPAddress? address) => address switch
    {
        null => "unknown",
        { IsIPv4MappedToIPv6: true } => address.MapToIPv4().ToString(),
        { AddressFamily: AddressFamily.InterNetworkV6 } => $"{Prefix64(address)}/64",
        _ => address.ToString(),
    };

    private static IPAddress Prefix64(IPAddress address)
    {
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes);
    }
}
