using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace Conclave.Benchmarks.Shared;

/// <summary>The real server, Release build, as a child process on loopback ports with its own database.</summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _folder;

    private ServerProcess(Process process, string folder, int port, string databasePath)
    {
        _process = process;
        _folder = folder;
        Port = port;
        DatabasePath = databasePath;
    }

    public int Port { get; }
    public string DatabasePath { get; }
    public int ProcessId => _process.Id;
    public Uri BaseAddress => new($"http://127.0.0.1:{Port}");

    /// <param name="cpus">A <c>taskset</c> CPU list to pin the server to (ignored where taskset is missing).</param>
    /// <param name="config">Configuration entries added to (or replacing) the defaults below.</param>
    public static async Task<ServerProcess> StartAsync(string serverDll, bool? serverGc, string? cpus = null,
        IReadOnlyDictionary<string, object>? config = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), "conclave-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var port = FreePort();
        var configPath = Path.Combine(folder, "conclave.json");
        var database = Path.Combine(folder, "conclave.db");
        var settings = new Dictionary<string, object>
        {
            ["listen_address"] = "127.0.0.1",
            ["listen_port"] = port,
            ["grpc_port"] = FreePort(),
            ["database_path"] = database,
            ["log_level"] = "warning", // a line per request or stream would distort the measurement
            // A load rig, not abuse: it registers and streams far beyond the abuse limits.
            ["register_limit_per_minute"] = 0,
            ["login_failure_limit_per_minute"] = 0,
            ["event_streams_per_user"] = 0,
        };
        foreach (var (key, value) in config ?? new Dictionary<string, object>()) settings[key] = value;
        await File.WriteAllTextAsync(configPath, JsonSerializer.Serialize(settings));
        var start = Pinned(cpus, "dotnet", serverDll, "--config", configPath);
        start.WorkingDirectory = folder; // as an operator runs it: from the folder that holds its database
        if (serverGc is { } gcServer) start.Environment["DOTNET_gcServer"] = gcServer ? "1" : "0"; // else the build's own setting
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the server");
        // At warning (the default) what the server prints is what went wrong: passed on, so that a failed run says why.
        // Below it, a line per request or stream: read, as a log collector would, but not shown.
        var shown = settings["log_level"] is "warning" or "warn" or "error" or "critical" or "none";
        DataReceivedEventHandler passOn = (_, line) => { if (shown && line.Data is not null) Console.Error.WriteLine($"  server: {line.Data}"); };
        process.OutputDataReceived += passOn;
        process.ErrorDataReceived += passOn;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new ServerProcess(process, folder, port, database);
        await server.WaitUntilListeningAsync();
        return server;
    }

    /// <summary>A child process started through <c>taskset -c cpus</c> when asked and available (taskset execs it: same pid).</summary>
    public static ProcessStartInfo Pinned(string? cpus, string program, params string[] arguments)
    {
        var pin = cpus is not null && File.Exists("/usr/bin/taskset");
        var start = new ProcessStartInfo(pin ? "/usr/bin/taskset" : program) { RedirectStandardOutput = true, RedirectStandardError = true };
        if (pin)
        {
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add(cpus!);
            start.ArgumentList.Add(program);
        }
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        return start;
    }

    /// <summary>Resident set size of the server process, in bytes (Linux /proc).</summary>
    public long ResidentBytes() => ResidentBytes(_process.Id);

    public static long ResidentBytes(int processId)
    {
        var line = File.ReadLines($"/proc/{processId}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
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

    private Task WaitUntilListeningAsync() => WaitUntilListeningAsync(_process, Port);

    public static async Task WaitUntilListeningAsync(Process process, int port)
    {
        for (var attempt = 0; attempt < 300; attempt++)
        {
            if (process.HasExited) throw new InvalidOperationException($"the child process exited with code {process.ExitCode}");
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }
        throw new TimeoutException("the child process did not start listening within 30 s");
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
