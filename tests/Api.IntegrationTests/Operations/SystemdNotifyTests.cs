using System.Net.Sockets;
using System.Text;
using Conclave.Api.IntegrationTests.Support;

namespace Conclave.Api.IntegrationTests.Operations;

// contrib/conclave-server.service runs the server as Type=notify: it must send READY=1 once it listens and
// STOPPING=1 on SIGTERM to $NOTIFY_SOCKET, and log in the journal's format.
public sealed class SystemdNotifyTests : IDisposable
{
    private readonly TempFolder _folder = new("systemd-tests");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Under_systemd_the_server_reports_ready_and_stopping()
    {
        var socketPath = Path.Combine(_folder.Path, "notify.sock");
        using var notify = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        notify.Bind(new UnixDomainSocketEndPoint(socketPath));
        var config = Path.Combine(_folder.Path, "config.json");
        await File.WriteAllTextAsync(config, $$"""
            {"listen_address": "127.0.0.1", "listen_port": 0, "grpc_port": 0,
             "database_path": {{System.Text.Json.JsonSerializer.Serialize(Path.Combine(_folder.Path, "conclave.db"))}}}
            """);

        // The hosting library takes a process whose parent is named "systemd" for a systemd service: a shell renames
        // itself so and runs the server as its child (not exec, hence the exit after it).
        await using var shell = ServerProcess.StartProgram("/bin/sh",
            ["-c", "printf systemd > /proc/$$/comm; \"$0\" \"$@\"; exit $?", ServerProcess.DotnetHost, ServerProcess.DllPath, "--config", config],
            _folder.Path, new Dictionary<string, string> { ["NOTIFY_SOCKET"] = socketPath });

        Assert.Equal("READY=1", await ReceiveAsync(notify, shell));
        ServerProcess.Terminate(ChildOf(shell.Id));
        Assert.Equal("STOPPING=1", await ReceiveAsync(notify, shell));
        Assert.Equal(0, await shell.ExitCodeAsync());
        Assert.Contains(shell.Stdout.Split('\n'), line => line.StartsWith("<6>Microsoft.Hosting.Lifetime", StringComparison.Ordinal));
    }

    // Fails as soon as the shell ends without a notification, with what the server printed, rather than after the
    // whole timeout with nothing to go on.
    private static async Task<string> ReceiveAsync(Socket socket, ServerProcess shell)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var buffer = new byte[256];
        var receive = socket.ReceiveAsync(buffer, SocketFlags.None, timeout.Token).AsTask();
        var exit = shell.ExitCodeAsync(Timeout.InfiniteTimeSpan);
        try
        {
            if (await Task.WhenAny(receive, exit) == receive || receive.IsCompleted)
                return Encoding.ASCII.GetString(buffer, 0, await receive).Trim();
        }
        catch (OperationCanceledException)
        {
        }
        throw new Xunit.Sdk.XunitException($"no notification (shell {(exit.IsCompleted ? $"exited with {exit.Result}" : "still running")})\nstdout:\n{shell.Stdout}\nstderr:\n{shell.Stderr}");
    }

    private static int ChildOf(int parent) =>
        Directory.EnumerateDirectories("/proc")
            .Select(Path.GetFileName)
            .Where(name => name!.All(char.IsAsciiDigit))
            .Select(int.Parse!)
            .Single(pid => ParentOf(pid) == parent);

    // /proc/PID/stat: "pid (comm) state ppid ..."; comm may hold spaces, so read after its closing parenthesis.
    private static int? ParentOf(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return null; // the process has gone
        }
    }
}
