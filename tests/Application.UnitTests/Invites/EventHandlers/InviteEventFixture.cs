using Conclave.Application.Common.Events;
using Conclave.Domain.Common;
using NSubstitute;

namespace Conclave.Application.UnitTests.Invites.EventHandlers;

/// <summary>An invite into a group, the users around it, and a substitute sink for what the invite event handlers publish.</summary>
public abstract class InviteEventFixture
{
    protected static readonly UserId Inviter = UserId.New(), Invitee = UserId.New(), OtherAdmin = UserId.New(), Bob = UserId.New();
    protected static readonly GroupId Group = GroupId.New();
    protected static readonly InviteId Invite = InviteId.New();
    protected readonly IEventSink Sink = Substitute.For<IEventSink>();
}
