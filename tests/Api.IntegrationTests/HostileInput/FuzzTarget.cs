using Conclave.Api.Http;
using Conclave.Api.IntegrationTests.Support;
using Google.Protobuf;

namespace Conclave.Api.IntegrationTests.HostileInput;

/// <summary>
/// One route under attack with its own caller, an admin of their own public group with a GroupInfo, so that
/// hostile bodies get past authentication and access checks to the decoding and the handlers.
/// </summary>
public sealed record FuzzTarget(RpcRoute Route, TestUser Caller, TestGroup Group, TestUser Other)
{
    public string Key => $"{Route.HttpMethod} {Route.PathTemplate}";

    public bool ReadsBody => Route.Body != BodyBinding.None;

    public IReadOnlyList<ByteString> KnownIds => [Caller.Id, Other.Id, Group.Id];

    /// <summary>The route's path with its variables filled in; <paramref name="overrides"/> replaces chosen ones (already escaped).</summary>
    public string Path(IReadOnlyDictionary<string, string>? overrides = null) =>
        string.Join('/', Route.PathTemplate.Split('/').Select(segment => segment.StartsWith('{')
            ? overrides?.GetValueOrDefault(segment[1..^1]) ?? Value(segment[1..^1])
            : segment));

    private string Value(string variable) => variable switch
    {
        "group_id" => Group.Guid.ToString(),
        "user_id" => Other.Guid.ToString(),
        "username" => Other.Username,
        _ => Guid.NewGuid().ToString(), // invite_id, welcome_id: nobody's
    };
}
