using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;

namespace Conclave.Api.IntegrationTests.Support;

/// <summary>The built server run as a child process: <c>dotnet Conclave.Api.dll ARGS</c>, as an operator starts it.</summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();

    private ServerProcess(Process process) => _process = process;

    /// <summary>Conclave.Api.dll is copied next to the test assembly by the project reference.</summary>
    public static string DllPath => Path.Combine(AppContext.BaseDirectory, "Conclave.Api.dll");

    public string Stdout { get { lock (_stdout) return _stdout.ToString(); } }
    public string Stderr { get { lock (_stderr) return _stderr.ToString(); } }
    public int Id => _process.Id;

    /// <summary>The process's standard input (a pipe); admin commands read passwords from it.</summary>
    public StreamWriter Stdin => _process.StandardInput;

    public static string DotnetHost => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";

    public static ServerProcess Start(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] args) =>
        StartProgram(DotnetHost, [DllPath, .. args], workingDirectory, environment);

    /// <summary>Runs <paramref name="program"/> (the single-file server, or a shell around the server) instead of dotnet.</summary>
    public static ServerProcess StartProgram(string program, IEnumerable<string> args, string workingDirectory, IReadOnlyDictionary<string, string>? environment)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        foreach (var inherited in start.Environment.Keys.Where(k => k.StartsWith("CONCLAVE_", StringComparison.Ordinal)).ToList())
            start.Environment.Remove(inherited);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;

        var server = new ServerProcess(new Process { StartInfo = start });
        server._process.OutputDataReceived += (_, e) => { lock (server._stdout) server._stdout.AppendLine(e.Data); };
        server._process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (server._stderr) server._stderr.AppendLine(e.Data); };
        server._process.Start();
        server._process.BeginOutputReadLine();
        server._process.BeginErrorReadLine();
        return server;
    }

    /// <summary>Waits for the process to end by itself and returns its exit code.</summary>
    public async Task<int> ExitCodeAsync(TimeSpan? timeout = null)
    {
        using var cancellation = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
        await _process.WaitForExitAsync(cancellation.Token);
        _process.WaitForExit(); // drains the redirected streams
        return _process.ExitCode;
    }

    /// <summary>Polls until <paramref name="port"/> answers HTTP, as a harness does; fails if the process ends first.</summary>
    public async Task<HttpResponseMessage> WaitForHttpAsync(int port, string path, TimeSpan? timeout = null)
    {
        // An answer is awaited for as long as the whole wait: a busy machine's first answer (cold code) can take seconds.
        var limit = timeout ?? TimeSpan.FromSeconds(60);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = limit };
        return await WaitForHttpAsync(http, path, limit);
    }

    /// <summary>Polls <paramref name="http"/> until <paramref name="path"/> answers; fails if the process ends first.</summary>
    public async Task<HttpResponseMessage> WaitForHttpAsync(HttpClient http, string path, TimeSpan? timeout = null)
    {
        var limit = timeout ?? TimeSpan.FromSeconds(60);
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited) throw new Xunit.Sdk.XunitException($"the server exited with {_process.ExitCode}: {Stderr}");
            try
            {
                return await http.GetAsync(path);
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                if (clock.Elapsed >= limit)
                    throw new Xunit.Sdk.XunitException($"{path} did not answer within {limit.TotalSeconds} s ({clock.Elapsed.TotalSeconds:F1} s seen): {exception.Message}");
                await Task.Delay(200);
            }
        }
    }

    /// <summary>SIGKILL: the process ends at once, wherever it is, with no chance to flush or clean up.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: false);
        await _process.WaitForExitAsync();
    }

    /// <summary>Sends SIGTERM, as systemd, docker stop and kill do.</summary>
    public void Terminate() => Assert.Equal(0, kill(_process.Id, Sigterm));

    public static void Terminate(int processId) => Assert.Equal(0, kill(processId, Sigterm));

    private const int Sigterm = 15;

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int sig);

    /// <summary>A port nobody listens on right now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
