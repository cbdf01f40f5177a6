using Conclave.Application;
using Conclave.Application.Accounts.Commands.Register;
using Conclave.Application.Common.Settings;
using Conclave.Application.Groups.Commands.CreateGroup;
using Conclave.Domain.Common;
using Conclave.Infrastructure;
using Conclave.Infrastructure.Persistence;
using MediatR;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Conclave.Benchmarks.MessageWriter;

/// <summary>
/// A temp database behind the server's Application and Infrastructure, composed as the server composes them (without
/// its transports), with one sender in 100 groups. Unkeyed, the messages table loses its (group_id, sequence_num)
/// primary key and keeps everything else: the one change whose cost this benchmark isolates.
/// </summary>
internal sealed class MessageStore : IAsyncDisposable
{
    public const int GroupCount = 100;

    private readonly DirectoryInfo _folder;
    private readonly ServiceProvider _services;

    private MessageStore(DirectoryInfo folder, ServiceProvider services, UserId sender, IReadOnlyList<GroupId> groups) =>
        (_folder, _services, Sender, Groups) = (folder, services, sender, groups);

    public UserId Sender { get; }
    public IReadOnlyList<GroupId> Groups { get; }

    public static async Task<MessageStore> CreateAsync(bool unkeyed)
    {
        var folder = Directory.CreateTempSubdirectory("conclave-message-writer");
        var path = Path.Combine(folder.FullName, "conclave.db");
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton(TimeProvider.System)
            .AddSingleton(new ServerSettings())
            .AddApplication(plugins: [])
            .AddInfrastructure(path)
            .BuildServiceProvider();
        await using (var scope = services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(path, default);
        if (unkeyed) await DropMessageKeyAsync(path);
        var sender = await SendAsync(services, new RegisterCommand("sender", "benchmark-password", "sender", ""));
        var groups = new List<GroupId>();
        for (var i = 0; i < GroupCount; i++) groups.Add(await SendAsync(services, new CreateGroupCommand(sender, $"group_{i}", $"group {i}")));
        return new MessageStore(folder, services, sender, groups);
    }

    public Task<T> SendAsync<T>(IRequest<T> request) => SendAsync(_services, request);

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
    }

    private static async Task<T> SendAsync<T>(IServiceProvider services, IRequest<T> request)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request);
    }

    // Before any send: the table is empty, and no connection has prepared a statement on it yet.
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
