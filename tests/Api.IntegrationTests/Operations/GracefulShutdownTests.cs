using System.Net;
using System.Net.Sockets;
using System.Text;
using Conclave.Api.IntegrationTests.Support;
using Conclave.V1;
using Google.Protobuf;
using Microsoft.Data.Sqlite;

namespace Conclave.Api.IntegrationTests.Operations;

// SIGTERM (systemd, docker stop): stop accepting, finish the requests in flight, fold the write-ahead log into the
// database file, exit 0.
public sealed class GracefulShutdownTests : IDisposable
{
    private readonly TempFolder _folder = new("shutdown-tests");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Sigterm_finishes_the_request_in_flight_refuses_new_connections_and_leaves_one_database_file()
    {
        var (port, database) = (ServerProcess.FreePort(), Path.Combine(_folder.Path, "data", "conclave.db"));
        var config = Path.Combine(_folder.Path, "config.json");
        await File.WriteAllTextAsync(config, $$"""
            {"listen_address": "127.0.0.1", "listen_port": {{port}}, "grpc_port": {{ServerProcess.FreePort()}},
             "database_path": {{System.Text.Json.JsonSerializer.Serialize(database)}}}
            """);
        await using var server = ServerProcess.Start(_folder.Path, null, "--config", config);
        (await server.WaitForHttpAsync(port, "/healthz")).Dispose();

        // A registration whose body is still on its way when SIGTERM arrives.
        var body = new RegisterRequest { Username = "alice", Password = "password123" }.ToByteArray();
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(
            $"POST /api/v1/register HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-protobuf\r\nContent-Length: {body.Length}\r\n\r\n"));
        await stream.WriteAsync(body.AsMemory(0, 4));
        await Task.Delay(500); // the server is reading the body

        server.Terminate();
        await Eventually.HoldsAsync(async () => !await AcceptsAsync(port), TimeSpan.FromSeconds(10), "the listener closes");
        await stream.WriteAsync(body.AsMemory(4));
        var answer = await ReadHeadAsync(stream);

        Assert.StartsWith("HTTP/1.1 201 Created\r\n", answer);
        Assert.Equal(0, await server.ExitCodeAsync(TimeSpan.FromSeconds(30)));
        Assert.True(!File.Exists(database + "-wal") || new FileInfo(database + "-wal").Length == 0, "the write-ahead log was checkpointed");
        var copy = Path.Combine(_folder.Path, "copy.db");
        File.Copy(database, copy); // the database file alone, as a backup would take it
        Assert.Equal("alice", await UsernameInAsync(copy));
    }

    private static async Task<bool> AcceptsAsync(int port)
    {
        try
        {
            using var probe = new TcpClient();
            await probe.ConnectAsync(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static async Task<string> ReadHeadAsync(NetworkStream stream)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var received = new StringBuilder();
        var buffer = new byte[1024];
        while (!received.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
        {
            var read = await stream.ReadAsync(buffer, timeout.Token);
            if (read == 0) break;
            received.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }
        return received.ToString();
    }

    private static async Task<string?> UsernameInAsync(string databaseFile)
    {
        await using var connection = new SqliteConnection($"Data Source={databaseFile};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT username FROM users";
        return (string?)await command.ExecuteScalarAsync();
    }
}
