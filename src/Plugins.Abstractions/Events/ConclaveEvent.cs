using MediatR;

namespace Conclave.Plugins.Abstractions.Events;

/// <summary>
/// A change the server has committed, told to plugins after the commit. Events carry ids and metadata only, never
/// message contents, key packages, MLS blobs, passwords or tokens. Subscribe to one kind with
/// <c>INotificationHandler&lt;GroupCreated&gt;</c>, or to every kind with <c>INotificationHandler&lt;ConclaveEvent&gt;</c>.
/// </summary>
public abstract record ConclaveEvent : INotification
{
    /// <summary>The server's clock just after the change committed.</summary>
    public DateTimeOffset OccurredAt { get; init; }
}
