using System.Net;
using Conclave.V1;

namespace Conclave.Api.IntegrationTests.Authorization;

/// <summary>
/// One route of the authorization matrix: the call each cell makes and what every identity must get. The first
/// three columns are the same for every authenticated route (CLARIFICATIONS §4.2); anonymous routes ignore them.
/// </summary>
public sealed record AccessRow(
    string Route, SceneNeeds Needs, Func<AccessScene, AccessRequest> Request,
    Outcome NonMember, Outcome Member, Outcome Admin, Outcome Banned, bool Anonymous, bool FreshActor)
{
    public static readonly Outcome MissingHeader = new(HttpStatusCode.Unauthorized, ErrorCode.AuthHeaderMissing, "missing Authorization header");
    public static readonly Outcome InvalidHeader = new(HttpStatusCode.Unauthorized, ErrorCode.AuthHeaderInvalid, "invalid Authorization header format");
    public static readonly Outcome DeadToken = new(HttpStatusCode.Unauthorized, ErrorCode.AuthTokenExpired, "invalid or expired token");

    public string Method => Route.Split(' ')[0];

    public Outcome Expected(Identity identity) => identity switch
    {
        Identity.NoToken => Anonymous ? Admin : MissingHeader,
        Identity.MalformedHeader => Anonymous ? Admin : InvalidHeader,
        Identity.ExpiredToken => Anonymous ? Admin : DeadToken,
        Identity.NonMember => NonMember,
        Identity.Member => Member,
        Identity.Admin => Admin,
        Identity.Banned => Banned,
        _ => throw new ArgumentOutOfRangeException(nameof(identity)),
    };

    public override string ToString() => Route;
}
