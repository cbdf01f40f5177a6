using Conclave.Api.Errors;
using Conclave.Api.Http;
using Conclave.Domain.Common;
using Google.Protobuf;

namespace Conclave.Api.Grpc;

/// <summary>Ids between the wire (16 big-endian bytes, or UUID text in paths) and the domain's typed ids.</summary>
internal static class WireIds
{
    public static ByteString ToByteString(this UserId id) => ByteString.CopyFrom(UuidBytes.Write(id.Value));
    public static ByteString ToByteString(this GroupId id) => ByteString.CopyFrom(UuidBytes.Write(id.Value));
    public static ByteString ToByteString(this InviteId id) => ByteString.CopyFrom(UuidBytes.Write(id.Value));
    public static ByteString ToByteString(this WelcomeId id) => ByteString.CopyFrom(UuidBytes.Write(id.Value));

    /// <summary>A path id: the spec routes checked it already; gRPC callers get the same 400 here.</summary>
    public static Guid FromPath(string text, string field) =>
        UuidText.TryParse(text, out var value)
            ? value
            : throw ApiException.BadRequest($"Invalid URL: Cannot parse `{field}` with value `{text}` as a UUID");

    /// <summary>The group_id path parameter of the group routes.</summary>
    public static GroupId GroupIdFromPath(string text) => new(FromPath(text, "group_id"));
}
