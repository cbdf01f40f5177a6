using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Conclave.Plugins.Abstractions.Events;
using MediatR;

namespace AuditLogPlugin;

/// <summary>Appends one JSON line per committed event to the audit file.</summary>
public sealed class AuditLog : INotificationHandler<ConclaveEvent>
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public async Task Handle(ConclaveEvent notification, CancellationToken cancellationToken)
    {
        var line = JsonSerializer.SerializeToNode(notification, notification.GetType(), Json)!.AsObject();
        line.Insert(0, "event", notification.GetType().Name);
        // The dispatcher calls one handler at a time, so lines never interleave within a server; O_APPEND keeps a
        // concurrent admin command's lines whole too.
        await using var file = new FileStream(AuditSettings.Current.Path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
        await file.WriteAsync(Encoding.UTF8.GetBytes(line.ToJsonString(Json) + "\n"), cancellationToken);
    }
}
