using Conclave.Domain.Common;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Conclave.Infrastructure.Persistence;

// Ids are stored as their 16 big-endian bytes: the BLOB order is then the order of their lower-case text,
// which is the member order the reference produces (CLARIFICATIONS §2.8).
internal static class IdBytes
{
    public static byte[] From(Guid value) => UuidBytes.Write(value);
    public static Guid To(byte[] bytes) => new(bytes, bigEndian: true);
}

internal sealed class UserIdConverter() : ValueConverter<UserId, byte[]>(id => IdBytes.From(id.Value), bytes => new UserId(IdBytes.To(bytes)));

internal sealed class GroupIdConverter() : ValueConverter<GroupId, byte[]>(id => IdBytes.From(id.Value), bytes => new GroupId(IdBytes.To(bytes)));

internal sealed class InviteIdConverter() : ValueConverter<InviteId, byte[]>(id => IdBytes.From(id.Value), bytes => new InviteId(IdBytes.To(bytes)));

internal sealed class WelcomeIdConverter() : ValueConverter<WelcomeId, byte[]>(id => IdBytes.From(id.Value), bytes => new WelcomeId(IdBytes.To(bytes)));

internal sealed class InvitationIdConverter() : ValueConverter<InvitationId, byte[]>(id => IdBytes.From(id.Value), bytes => new InvitationId(IdBytes.To(bytes)));
