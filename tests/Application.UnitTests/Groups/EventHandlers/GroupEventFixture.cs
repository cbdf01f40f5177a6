using Conclave.Application.Common.Events;
using Conclave.Domain.Common;
using NSubstitute;

namespace Conclave.Application.UnitTests.Groups.EventHandlers;

/// <summary>A group of Admin, Bob and Carol, and a substitute sink for what the group event handlers publish.</summary>
public abstract class GroupEventFixture
{
    protected static readonly UserId Admin = UserId.New(), Bob = UserId.New(), Carol = UserId.New();
    protected static readonly GroupId Group = GroupId.New();
    protected readonly IEventSink Sink = Substitute.For<IEventSink>();
}
