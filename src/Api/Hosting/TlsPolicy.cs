using System.Net.Security;
using System.Runtime.Versioning;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Conclave.Api.Hosting;

/// <summary>
/// TLS on listen_port: TLS 1.2 offers only ECDHE suites with AEAD ciphers (AES-GCM, ChaCha20-Poly1305), never the
/// CBC suites OpenSSL's defaults still include; TLS 1.3 has only AEAD suites anyway (docs/security.md).
/// </summary>
internal static class TlsPolicy
{
    private static readonly TlsCipherSuite[] AeadSuites =
    [
        TlsCipherSuite.TLS_AES_128_GCM_SHA256,
        TlsCipherSuite.TLS_AES_256_GCM_SHA384,
        TlsCipherSuite.TLS_CHACHA20_POLY1305_SHA256,
        TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
        TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,
        TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256,
        TlsCipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
        TlsCipherSuite.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,
        TlsCipherSuite.TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256,
    ];

    public static void UseTls(this ListenOptions listen, X509Certificate2 certificate) =>
        listen.UseHttps(https =>
        {
            https.ServerCertificate = certificate;
            // Only Linux (OpenSSL), the platform the server is built for, lets a server choose its suites.
            if (OperatingSystem.IsLinux()) https.OnAuthenticate = OfferAeadSuitesOnly;
        });

    [SupportedOSPlatform("linux")]
    private static void OfferAeadSuitesOnly(ConnectionContext connection, SslServerAuthenticationOptions ssl) =>
        ssl.CipherSuitesPolicy = new CipherSuitesPolicy(AeadSuites);
}
