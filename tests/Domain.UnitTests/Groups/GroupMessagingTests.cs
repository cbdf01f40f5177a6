using Conclave.Domain.Common;
using Conclave.Domain.Groups;
using Conclave.Domain.Messages;

namespace Conclave.Domain.UnitTests.Groups;

// CLARIFICATIONS §7.1-7.2 and decision 1 (one forward-only counter, the message log's), R30, R39, R40, §6.7
// (mls_group_id set once).
public sealed class GroupMessagingTests
{
    private static readonly UserId Alice = UserId.New(), Bob = UserId.New(), Carol = UserId.New();
    private readonly Group _group = GroupBuilder.With(Alice, Bob);
    private readonly MessageLog _log;

    public GroupMessagingTests() => _log = new MessageLog(_group.Id, 0, _group.MessageExpirySeconds, _group.MemberIds());

    [Fact]
    public void Commits_external_joins_and_stored_commits_share_the_logs_one_sequence_from_one()
    {
        Assert.Equal(1, _group.UploadCommit(Bob, _log, [1], now: 10).SequenceNum);
        Assert.Equal(2, _log.Append(Alice, [2], now: 11).SequenceNum);
        Assert.Equal(3, _group.CompleteExternalJoin(Bob, wasPendingJoin: false, _log, [3], now: 12).SequenceNum);

        Assert.Equal(3, _log.LastSequence);
        Assert.Equal([(1L, Bob, (byte)1, 10L), (2L, Alice, (byte)2, 11L), (3L, Bob, (byte)3, 12L)],
            _log.Appended.Select(m => (m.SequenceNum, m.SenderId, m.Data[0], m.CreatedAt)));
    }

    [Fact]
    public void Each_kind_announces_its_number_and_the_members()
    {
        _group.UploadCommit(Bob, _log, [1], now: 10);
        _group.CompleteExternalJoin(Bob, wasPendingJoin: true, _log, [2], now: 11);

        var commit = Assert.IsType<CommitUploaded>(_group.DomainEvents[0]);
        Assert.Equal((1L, Bob), (commit.SequenceNum, commit.Committer));
        Assert.Equal([Alice, Bob], commit.Members);
        var joined = Assert.IsType<ExternalJoinCompleted>(_group.DomainEvents[1]);
        Assert.Equal((2L, Bob, true), (joined.SequenceNum, joined.Member, joined.WasPendingJoin));
    }

    [Fact]
    public void Only_members_commit_or_complete_an_external_join()
    {
        Assert.Equal(DomainError.NotMember, GroupBuilder.Refusal(() => _group.UploadCommit(Carol, _log, [1], 0)).Error);
        Assert.Equal(DomainError.NotMember, GroupBuilder.Refusal(() => _group.CompleteExternalJoin(Carol, false, _log, [1], 0)).Error);
        Assert.Equal(0, _log.LastSequence);
        Assert.Empty(_log.Appended);
    }

    [Fact]
    public void The_mls_group_id_is_set_by_the_first_non_empty_value_only()
    {
        _group.RecordMlsGroupId("");
        Assert.Equal("", _group.MlsGroupId);
        _group.RecordMlsGroupId("first");
        _group.RecordMlsGroupId("second");
        Assert.Equal("first", _group.MlsGroupId);
    }
}
