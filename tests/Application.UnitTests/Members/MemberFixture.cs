using Conclave.Application.Messages;
using Conclave.Domain.Common;
using Conclave.Domain.Groups;
using Conclave.Domain.Invites;
using Conclave.Domain.Messages;
using Conclave.Domain.Users;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;

namespace Conclave.Application.UnitTests.Members;

/// <summary>A group of Alice (admin) and Bob, Carol outside it, and substitutes for what the member handlers use.</summary>
public abstract class MemberFixture
{
    protected static readonly UserId Alice = UserId.New(), Bob = UserId.New(), Carol = UserId.New();
    protected const long Now = 1_234;

    protected readonly IGroupRepository Groups = Substitute.For<IGroupRepository>();
    protected readonly IUserRepository Users = Substitute.For<IUserRepository>();
    protected readonly IInviteRepository Invites = Substitute.For<IInviteRepository>();
    protected readonly IGroupInfoRepository GroupInfos = Substitute.For<IGroupInfoRepository>();
    protected readonly IMessageLogRepository Logs = Substitute.For<IMessageLogRepository>();
    protected readonly FakeTimeProvider Clock = new(DateTimeOffset.FromUnixTimeSeconds(Now));
    protected readonly Group Group = GroupBuilder.With(Alice, Bob);
    protected readonly List<StoredMessage> Stored = [];
    /// <summary>The group's counter as stored: what the next message log loads, and what a saved one leaves.</summary>
    protected long StoredCounter;

    protected MemberFixture()
    {
        Groups.GetAsync(Group.Id, Arg.Any<CancellationToken>()).Returns(Group);
        foreach (var user in new[] { Alice, Bob, Carol }) Users.ExistsAsync(user, Arg.Any<CancellationToken>()).Returns(true);
        Logs.Of(Arg.Any<Group>()).Returns(call =>
        {
            var group = call.Arg<Group>();
            return new MessageLog(group.Id, StoredCounter, group.MessageExpirySeconds, group.MemberIds());
        });
        Logs.When(logs => logs.Save(Arg.Any<MessageLog>())).Do(call =>
        {
            var log = call.Arg<MessageLog>();
            Stored.AddRange(log.Appended);
            StoredCounter = log.LastSequence;
            log.ClearAppended();
        });
    }

    protected GroupBlobs Blobs => new(GroupInfos, Logs, Clock);

    protected static byte[] Bytes(UserId id) => UuidBytes.Write(id.Value);

    protected static async Task<DomainException> Refused(Func<Task> call) => await Assert.ThrowsAsync<DomainException>(call);
}
