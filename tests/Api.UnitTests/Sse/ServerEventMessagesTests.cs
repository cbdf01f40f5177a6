using Conclave.Api.Sse;
using Conclave.Application.Common.Events.Realtime;
using Conclave.Domain.Common;
using Google.Protobuf;
using Wire = Conclave.V1;

namespace Conclave.Api.UnitTests.Sse;

// spec api/events.md and CLARIFICATIONS §8.6: oneof field numbers, 16-byte big-endian ids, the GroupUpdateType enum.
public sealed class ServerEventMessagesTests
{
    private static readonly Guid GroupGuid = Guid.Parse("00112233-4455-6677-8899-aabbccddeeff");
    private static readonly GroupId Group = new(GroupGuid);
    private static readonly UserId User = new(Guid.Parse("0f0e0d0c-0b0a-0908-0706-050403020100"));
    private static readonly InviteId Invite = new(Guid.Parse("12345678-9abc-def0-1234-56789abcdef0"));

    [Fact]
    public void Ids_are_the_sixteen_bytes_the_uuid_text_spells()
    {
        var message = new GroupDeletedEvent(Group).ToMessage();

        Assert.Equal(Wire.ServerEvent.EventOneofCase.GroupDeleted, message.EventCase);
        Assert.Equal(Convert.FromHexString("00112233445566778899aabbccddeeff"), message.GroupDeleted.GroupId.ToByteArray());
    }

    [Fact]
    public void Group_updates_carry_the_enum_value_on_field_two()
    {
        Assert.Equal(Wire.GroupUpdateType.Commit, new GroupUpdateEvent(Group, GroupUpdateKind.Commit).ToMessage().GroupUpdate.UpdateType);
        Assert.Equal(Wire.GroupUpdateType.GroupSettings, new GroupUpdateEvent(Group, GroupUpdateKind.GroupSettings).ToMessage().GroupUpdate.UpdateType);
        var bytes = new GroupUpdateEvent(Group, GroupUpdateKind.RoleChange).ToMessage().ToByteArray();
        // ServerEvent.group_update (field 2, length-delimited) { group_id (1) = 16 bytes, update_type (2) = varint 3 }
        Assert.Equal(Convert.FromHexString("1214" + "0a10" + "00112233445566778899aabbccddeeff" + "1003"), bytes);
    }

    [Fact]
    public void Every_event_kind_has_its_oneof_case_and_fields()
    {
        var newMessage = new NewMessageEvent(Group, 42, User).ToMessage();
        Assert.Equal(42ul, newMessage.NewMessage.SequenceNum);
        Assert.Equal(Id(User.Value), newMessage.NewMessage.SenderId);
        Assert.Equal(Id(GroupGuid), newMessage.NewMessage.GroupId);

        var welcome = new WelcomeEvent(Group, "The Team").ToMessage();
        Assert.Equal("The Team", welcome.Welcome.GroupAlias);
        Assert.Equal(Id(GroupGuid), welcome.Welcome.GroupId);

        var removed = new MemberRemovedEvent(Group, User).ToMessage();
        Assert.Equal(Id(User.Value), removed.MemberRemoved.RemovedUserId);

        var reset = new IdentityResetEvent(Group, User).ToMessage();
        Assert.Equal(Id(User.Value), reset.IdentityReset.UserId);

        var received = new InviteReceivedEvent(Invite, Group, "team", "The Team", User).ToMessage();
        Assert.Equal(new Wire.InviteReceivedEvent
        {
            InviteId = Id(Invite.Value), GroupId = Id(GroupGuid), GroupName = "team", GroupAlias = "The Team", InviterId = Id(User.Value),
        }, received.InviteReceived);

        var declined = new InviteDeclinedEvent(Group, User).ToMessage();
        Assert.Equal(Id(User.Value), declined.InviteDeclined.DeclinedUserId);

        var cancelled = new InviteCancelledEvent(Group).ToMessage();
        Assert.Equal(Id(GroupGuid), cancelled.InviteCancelled.GroupId);

        Assert.Equal(
            [Wire.ServerEvent.EventOneofCase.NewMessage, Wire.ServerEvent.EventOneofCase.Welcome, Wire.ServerEvent.EventOneofCase.MemberRemoved,
             Wire.ServerEvent.EventOneofCase.IdentityReset, Wire.ServerEvent.EventOneofCase.InviteReceived,
             Wire.ServerEvent.EventOneofCase.InviteDeclined, Wire.ServerEvent.EventOneofCase.InviteCancelled],
            new[] { newMessage, welcome, removed, reset, received, declined, cancelled }.Select(m => m.EventCase));
    }

    private static ByteString Id(Guid value) => ByteString.CopyFrom(value.ToByteArray(bigEndian: true));
}
