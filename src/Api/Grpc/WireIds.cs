using Conclave.Api.Errors;
using Conclave.Api.Http;
using Conclave.Domain.Common;
using Google.Protobuf;

namespace Conclave.Api.Grpc;

/// <summary>Ids between the wire (16 big-endian bytes, or UUID text in paths) and the domain's typed ids.</summary>
internal static class WireIds
{
    // The id's bytes are a fresh array that nothing else holds, so the ByteString can wrap it instead of copying it.
    public static ByteString ToByteString(this UserId id) => UnsafeByteOperations.UnsafeWrap(UuidBytes.Write(id.Value));
    public static ByteString ToByteString(this GroupId id) => UnsafeByteOperations.UnsafeWrap(UuidBytes.Write(id.Value));
    public static ByteString ToByteString(this InviteId id) => UnsafeByteOperations.UnsafeWrap(UuidBytes.Write(id.Value));
    public static ByteString ToByteString(this WelcomeId id) => UnsafeByteOperations.UnsafeWrap(UuidBytes.Write(id.Value));

    /// <summary>A path id: the spec routes checked it already; gRPC callers get the same 400 here.</summary>
    public static Guid FromPath(string text, string field) =>
        UuidText.TryParse(text, out var value)
            ? value
            : throw ApiException.BadRequest($"Invalid URL: Cannot parse `{field}` with value `{text}` as a UUID");

    public static GroupId GroupFromPath(string text) => new(FromPath(text, "group_id"));
    public static InviteId InviteFromPath(string text) => new(FromPath(text, "invite_id"));
    public static WelcomeId WelcomeFromPath(string text) => new(FromPath(text, "welcome_id"));
    public static UserId UserFromPath(string text) => new(FromPath(text, "user_id"));
}
