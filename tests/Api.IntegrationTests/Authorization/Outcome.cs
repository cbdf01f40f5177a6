using System.Net;
using Conclave.V1;

namespace Conclave.Api.IntegrationTests.Authorization;

/// <summary>What the spec prescribes for one cell: a status and, for a refusal, its ErrorCode and message.</summary>
public sealed record Outcome(HttpStatusCode Status, ErrorCode Code = ErrorCode.Unspecified, string? Message = null)
{
    public static readonly Outcome Ok = new(HttpStatusCode.OK);
    public static readonly Outcome Created = new(HttpStatusCode.Created);
    public static readonly Outcome NoContent = new(HttpStatusCode.NoContent);
    public static readonly Outcome NotMember = new(HttpStatusCode.Unauthorized, ErrorCode.GroupNotMember, "not a member of this group");

    public bool IsSuccess => (int)Status is >= 200 and < 300;

    public static Outcome NotAdmin(string message) => new(HttpStatusCode.Unauthorized, ErrorCode.GroupNotAdmin, message);

    public override string ToString() => IsSuccess ? $"{(int)Status}" : $"{(int)Status} {Code} \"{Message}\"";
}
