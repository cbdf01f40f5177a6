using Conclave.Api;
using Conclave.Api.Configuration;
using Conclave.Application.Accounts.Commands.Register;
using Conclave.Application.Groups.Commands.CreateGroup;
using Conclave.Domain.Common;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Conclave.Benchmarks.MessageWriter;

/// <summary>
/// The server as an operator starts it, on a temp database, with one sender in 100 groups; the benchmark calls its use
/// cases directly rather than over its (idle) listeners. Unkeyed, the messages table loses its (group_id,
/// sequence_num) primary key and keeps everything else: the one change whose cost this benchmark isolates.
/// </summary>
internal sealed class MessageStore : IAsyncDisposable
{
    public const int GroupCount = 100;

    private readonly DirectoryInfo _folder;
    private readonly WebApplication _server;

    private MessageStore(DirectoryInfo folder, WebApplication server, UserId sender, IReadOnlyList<GroupId> groups) =>
        (_folder, _server, Sender, Groups) = (folder, server, sender, groups);

    public UserId Sender { get; }
    public IReadOnlyList<GroupId> Groups { get; }

    public static async Task<MessageStore> CreateAsync(bool unkeyed)
    {
        var folder = Directory.CreateTempSubdirectory("conclave-message-writer");
        var path = Path.Combine(folder.FullName, "conclave.db");
        var server = ServerApp.Build(new ServerConfig { ListenAddress = "127.0.0.1", ListenPort = 0, GrpcPort = 0, DatabasePath = path, LogLevel = "error" });
        await ServerApp.StartAsync(server); // creates the database
        if (unkeyed) await DropMessageKeyAsync(path);
        var sender = await SendAsync(server.Services, new RegisterCommand("sender", "benchmark-password", "sender", ""));
        var groups = new List<GroupId>();
        for (var i = 0; i < GroupCount; i++) groups.Add(await SendAsync(server.Services, new CreateGroupCommand(sender, $"group_{i}", $"group {i}")));
        return new MessageStore(folder, server, sender, groups);
    }

    public Task<T> SendAsync<T>(IRequest<T> request) => SendAsync(_server.Services, request);

    public async ValueTask DisposeAsync()
    {
        await _server.StopAsync();
        await _server.DisposeAsync();
        SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
    }

    private static async Task<T> SendAsync<T>(IServiceProvider services, IRequest<T> request)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request);
    }

    // Before any send: the table is empty, and the message writer has not prepared its statements on it yet.
    private static async Task DropMessageKeyAsync(string path)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            CREATE TABLE messages_unkeyed (
                group_id BLOB NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
                sequence_num INTEGER NOT NULL,
                sender_id BLOB NOT NULL,
                mls_message BLOB NOT NULL,
                created_at INTEGER NOT NULL);
            DROP TABLE messages;
            ALTER TABLE messages_unkeyed RENAME TO messages;
            CREATE INDEX IX_messages_created_at ON messages (created_at);
            CREATE INDEX IX_messages_sender_id ON messages (sender_id);
            """;
        await command.ExecuteNonQueryAsync();
    }
}
