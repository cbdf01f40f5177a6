using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Conclave.Api.IntegrationTests.Support;

/// <summary>A throw-away certificate for localhost, written as the PEM pair tls_cert_path and tls_key_path expect.</summary>
public static class SelfSignedCertificate
{
    /// <param name="rsa">An RSA key instead of the default ECDSA P-256 one.</param>
    public static async Task<(string CertPath, string KeyPath)> WritePemAsync(string folder, bool rsa = false)
    {
        using AsymmetricAlgorithm key = rsa ? RSA.Create(2048) : ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = key is RSA rsaKey
            ? new CertificateRequest("CN=localhost", rsaKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            : new CertificateRequest("CN=localhost", (ECDsa)key, HashAlgorithmName.SHA256);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        var certPath = Path.Combine(folder, "cert.pem");
        var keyPath = Path.Combine(folder, "key.pem");
        await File.WriteAllTextAsync(certPath, certificate.ExportCertificatePem());
        await File.WriteAllTextAsync(keyPath, key.ExportPkcs8PrivateKeyPem());
        return (certPath, keyPath);
    }

    /// <summary>A client handler that accepts the test's own certificate (and any other: tests only).</summary>
    public static SocketsHttpHandler TrustingHandler() => new()
    {
        SslOptions = { RemoteCertificateValidationCallback = (_, _, _, _) => true },
    };
}
