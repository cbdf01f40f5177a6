using System.Diagnostics;
using Conclave.Api.Configuration;
using Conclave.Api.IntegrationTests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Conclave.Api.IntegrationTests.Transport;

// TLS 1.2 offers AEAD suites only (docs/security.md): a real client (openssl s_client) that insists on a CBC suite
// fails the handshake, one that asks for AES-GCM or ChaCha20-Poly1305 completes it; for RSA and ECDSA certificates.
public sealed class TlsCipherSuiteTests
{
    [Theory]
    [InlineData(false, "ECDHE-ECDSA-AES256-SHA384", false)]
    [InlineData(false, "ECDHE-ECDSA-AES128-SHA", false)]
    [InlineData(false, "ECDHE-ECDSA-AES128-GCM-SHA256", true)]
    [InlineData(false, "ECDHE-ECDSA-CHACHA20-POLY1305", true)]
    [InlineData(true, "ECDHE-RSA-AES256-SHA384", false)]
    [InlineData(true, "ECDHE-RSA-AES256-SHA", false)]
    [InlineData(true, "ECDHE-RSA-AES256-GCM-SHA384", true)]
    public async Task Tls12_completes_a_handshake_only_with_an_aead_suite(bool rsa, string suite, bool completes)
    {
        using var folder = new TempFolder("tls-suites");
        var (certPath, keyPath) = await SelfSignedCertificate.WritePemAsync(folder.Path, rsa);
        var app = ServerApp.Build(new ServerConfig
        {
            ListenAddress = "127.0.0.1", ListenPort = 0, DatabasePath = Path.Combine(folder.Path, "conclave.db"),
            TlsCertPath = certPath, TlsKeyPath = keyPath,
        });
        await ServerApp.StartAsync(app);
        try
        {
            var port = app.Services.GetRequiredService<Listeners>().Main!.IPEndPoint!.Port;

            var (exitCode, output) = await OpenSslHandshakeAsync(port, suite);

            Assert.True(completes == (exitCode == 0), $"openssl s_client -tls1_2 -cipher {suite}: exit {exitCode}\n{output}");
            if (completes) Assert.Contains($"Cipher is {suite}", output);
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    private static async Task<(int ExitCode, string Output)> OpenSslHandshakeAsync(int port, string suite)
    {
        var start = new ProcessStartInfo("openssl")
        {
            ArgumentList = { "s_client", "-connect", $"127.0.0.1:{port}", "-servername", "localhost", "-tls1_2", "-cipher", suite },
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        process.StandardInput.Close(); // end of input: s_client closes the connection once the handshake is over
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await process.WaitForExitAsync(deadline.Token);
        return (process.ExitCode, await output + await error);
    }
}
