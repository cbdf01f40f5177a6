using Conclave.Plugins.Abstractions.Events;
using FaultyPlugin.Dependency;
using MediatR;

namespace FaultyPlugin;

/// <summary>
/// On each group created, writes "stalled-GROUPID" and then blocks its thread, deaf to cancellation, until the file
/// "release" appears (or a minute passes); then writes "finished-GROUPID".
/// </summary>
public sealed class StallingHandler : MarkerFiles, INotificationHandler<GroupCreated>
{
    public Task Handle(GroupCreated notification, CancellationToken cancellationToken)
    {
        File.WriteAllText(Path.Combine(Folder, $"stalled-{notification.GroupId}"), "");
        var giveUp = DateTime.UtcNow.AddMinutes(1);
        while (!File.Exists(Path.Combine(Folder, "release")) && DateTime.UtcNow < giveUp) Thread.Sleep(20);
        File.WriteAllText(Path.Combine(Folder, $"finished-{notification.GroupId}"), "");
        return Task.CompletedTask;
    }
}
