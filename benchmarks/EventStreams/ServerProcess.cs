using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace Conclave.Benchmarks.EventStreams;

/// <summary>The real server, Release build, as a child process on loopback ports with its own database.</summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _folder;

    private ServerProcess(Process process, string folder, int port)
    {
        _process = process;
        _folder = folder;
        Port = port;
    }

    public int Port { get; }
    public Uri BaseAddress => new($"http://127.0.0.1:{Port}");

    public static async Task<ServerProcess> StartAsync(string serverDll, bool? serverGc)
    {
        var folder = Path.Combine(Path.GetTempPath(), "conclave-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var port = FreePort();
        var config = Path.Combine(folder, "conclave.json");
        await File.WriteAllTextAsync(config, JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["listen_address"] = "127.0.0.1",
            ["listen_port"] = port,
            ["grpc_port"] = FreePort(),
            ["database_path"] = Path.Combine(folder, "conclave.db"),
            // A load rig, not abuse: it registers and streams far beyond the abuse limits.
            ["register_limit_per_minute"] = 0,
            ["login_failure_limit_per_minute"] = 0,
            ["event_streams_per_user"] = 0,
        }));
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(serverDll);
        start.ArgumentList.Add("--config");
        start.ArgumentList.Add(config);
        start.Environment["Logging__LogLevel__Default"] = "Warning"; // one log line per stream would distort the measurement
        if (serverGc is { } gcServer) start.Environment["DOTNET_gcServer"] = gcServer ? "1" : "0"; // else the build's own setting
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the server");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, line) => { if (line.Data is not null) Console.Error.WriteLine($"  server: {line.Data}"); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new ServerProcess(process, folder, port);
        await server.WaitUntilListeningAsync();
        return server;
    }

    /// <summary>Resident set size of the server process, in bytes (Linux /proc).</summary>
    public long ResidentBytes()
    {
        var line = File.ReadLines($"/proc/{_process.Id}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        var kilobytes = long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        return kilobytes * 1024;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    private async Task WaitUntilListeningAsync()
    {
        for (var attempt = 0; attempt < 300; attempt++)
        {
            if (_process.HasExited) throw new InvalidOperationException($"the server exited with code {_process.ExitCode}");
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }
        throw new TimeoutException("the server did not start listening within 30 s");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
