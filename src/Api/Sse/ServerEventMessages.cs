using Conclave.Api.Grpc;
using Conclave.Application.Common.Events.Realtime;
using Wire = Conclave.V1;

namespace Conclave.Api.Sse;

/// <summary>The wire form of each real-time event (spec api/events.md; CLARIFICATIONS §8.6).</summary>
internal static class ServerEventMessages
{
    public static Wire.ServerEvent ToMessage(this RealtimeEvent realtimeEvent) => realtimeEvent switch
    {
        NewMessageEvent e => new() { NewMessage = new() { GroupId = e.GroupId.ToByteString(), SequenceNum = (ulong)e.SequenceNum, SenderId = e.Sender.ToByteString() } },
        GroupUpdateEvent e => new() { GroupUpdate = new() { GroupId = e.GroupId.ToByteString(), UpdateType = (Wire.GroupUpdateType)e.Kind } },
        WelcomeEvent e => new() { Welcome = new() { GroupId = e.GroupId.ToByteString(), GroupAlias = e.GroupAlias } },
        MemberRemovedEvent e => new() { MemberRemoved = new() { GroupId = e.GroupId.ToByteString(), RemovedUserId = e.RemovedUser.ToByteString() } },
        IdentityResetEvent e => new() { IdentityReset = new() { GroupId = e.GroupId.ToByteString(), UserId = e.User.ToByteString() } },
        InviteReceivedEvent e => new()
        {
            InviteReceived = new()
            {
                InviteId = e.InviteId.ToByteString(), GroupId = e.GroupId.ToByteString(), GroupName = e.GroupName,
                GroupAlias = e.GroupAlias, InviterId = e.Inviter.ToByteString(),
            },
        },
        InviteDeclinedEvent e => new() { InviteDeclined = new() { GroupId = e.GroupId.ToByteString(), DeclinedUserId = e.DeclinedUser.ToByteString() } },
        InviteCancelledEvent e => new() { InviteCancelled = new() { GroupId = e.GroupId.ToByteString() } },
        GroupDeletedEvent e => new() { GroupDeleted = new() { GroupId = e.GroupId.ToByteString() } },
        _ => throw new ArgumentOutOfRangeException(nameof(realtimeEvent), realtimeEvent.GetType().Name, "no wire form"),
    };
}
