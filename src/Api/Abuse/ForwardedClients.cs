using Conclave.Api.Configuration;
using Microsoft.AspNetCore.HttpOverrides;

namespace Conclave.Api.Abuse;

// trusted_proxies: only a peer listed there may name the client in X-Forwarded-For; the header is read right to
// left through trusted hops and the first untrusted address is the client. Nothing is trusted by default, not even
// loopback (ASP.NET Core's own default), so a forged header from anywhere else changes nothing (CLARIFICATIONS §4.7).
internal static class ForwardedClients
{
    public static IApplicationBuilder UseForwardedClients(this IApplicationBuilder app, ServerConfig config)
    {
        if (config.TrustedProxies.Count == 0) return app;
        var options = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor, ForwardLimit = null };
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var network in config.TrustedProxyNetworks) options.KnownIPNetworks.Add(network);
        return app.UseForwardedHeaders(options);
    }
}
