using System.Diagnostics;
using Conclave.Benchmarks.Shared;

namespace Conclave.Benchmarks.Load;

/// <summary>The floor app (benchmarks/Floor) as a child process, with its own database.</summary>
internal sealed class FloorProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _folder;

    private FloorProcess(Process process, string folder, int port)
    {
        _process = process;
        _folder = folder;
        Port = port;
    }

    public int Port { get; }
    public int ProcessId => _process.Id;

    public static async Task<FloorProcess> StartAsync(string floorDll, string? cpus, string serverDatabase)
    {
        var folder = Path.Combine(Path.GetTempPath(), "conclave-floor", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var port = ServerProcess.FreePort();
        var start = ServerProcess.Pinned(cpus, "dotnet", floorDll, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--database", Path.Combine(folder, "floor.db"), "--messages", serverDatabase);
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the floor app");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, line) => { if (line.Data is not null) Console.Error.WriteLine($"  floor: {line.Data}"); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await ServerProcess.WaitUntilListeningAsync(process, port);
        return new FloorProcess(process, folder, port);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
