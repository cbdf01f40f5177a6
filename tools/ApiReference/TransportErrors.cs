using Conclave.Api.Http;
using Conclave.V1;

namespace Conclave.ApiReference;

// The refusals that follow from a route's shape rather than its handler (CLARIFICATIONS §2.2, decision 7): the
// session, path ids, query string, body size and decoding, in that order, and an internal failure at any point.
internal static class TransportErrors
{
    public static IEnumerable<DocumentedError> Before(RouteFacts route)
    {
        if (!route.Route.Anonymous)
        {
            yield return Transport(401, ErrorCode.AuthHeaderMissing, "missing <auth_header> header",
                "no auth header (auth_header, default Authorization), or one with bytes other than visible ASCII");
            yield return Transport(401, ErrorCode.AuthHeaderInvalid, "invalid Authorization header format",
                "the Authorization header does not start with \"Bearer \"");
            yield return Transport(401, ErrorCode.AuthTokenExpired, "invalid or expired token", "the token is unknown or its session expired");
        }
        foreach (var field in route.Route.PathFields.Where(f => f.Name.EndsWith("_id", StringComparison.Ordinal)))
            yield return Transport(400, ErrorCode.InputBadRequest, $"Invalid URL: Cannot parse `{field.Name}` with value `<text>` as a UUID",
                $"{field.Name} is not a UUID in one of the four accepted forms");
        if (route.QueryFields.Count > 0)
            yield return Transport(400, ErrorCode.InputBadRequest, "Failed to deserialize query string: <detail>",
                "a query parameter is repeated or not a number where one is expected");
        if (route.Route.Body != BodyBinding.None)
        {
            yield return Transport(413, ErrorCode.InputBadRequest, "request body exceeds the limit of 1048576 bytes", "the body is over 1 MiB");
            yield return Transport(400, ErrorCode.InputBadRequest, "invalid request body", "the body is not a valid encoding of the request message");
        }
    }

    public static DocumentedError Internal { get; } =
        Transport(500, ErrorCode.Unspecified, "internal server error", "an unexpected failure (the code is absent on the wire)");

    private static DocumentedError Transport(int status, ErrorCode code, string message, string when) =>
        new(status, code, message, when, FromTransport: true);
}
