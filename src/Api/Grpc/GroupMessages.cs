using Conclave.Application.Groups;
using Conclave.Application.Members;
using Conclave.V1;

namespace Conclave.Api.Grpc;

internal static class GroupMessages
{
    public static V1.GroupInfo ToMessage(this GroupDto group) => new()
    {
        GroupId = group.GroupId.ToByteString(),
        Alias = group.Alias,
        GroupName = group.Name,
        MlsGroupId = group.MlsGroupId,
        MessageExpirySeconds = group.MessageExpirySeconds,
        Visibility = (GroupVisibility)group.Visibility,
        Members = { group.Members.Select(ToMessage) },
    };

    public static GroupMember ToMessage(this GroupMemberDto member) => new()
    {
        UserId = member.UserId.ToByteString(),
        Username = member.Username,
        Alias = member.Alias,
        Role = (GroupRole)member.Role,
        SigningKeyFingerprint = member.SigningKeyFingerprint,
    };

    public static PublicGroupInfo ToMessage(this PublicGroupDto group) => new()
    {
        GroupId = group.GroupId.ToByteString(),
        GroupName = group.Name,
        Alias = group.Alias,
        MemberCount = (uint)group.MemberCount,
    };

    public static BannedUser ToMessage(this BannedUserDto ban) => new()
    {
        UserId = ban.UserId.ToByteString(),
        Username = ban.Username,
        Alias = ban.Alias,
        BannedAt = (ulong)ban.BannedAt,
        BannedBy = ban.BannedBy.ToByteString(),
    };
}
