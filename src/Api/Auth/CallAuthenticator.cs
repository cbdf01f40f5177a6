using Conclave.Api.Errors;
using Conclave.Application.Common.Security;
using Conclave.V1;

namespace Conclave.Api.Auth;

/// <summary>Authenticates a call from its headers, the same way for HTTP/protobuf, JSON and gRPC.</summary>
public sealed class CallAuthenticator(AuthHeaderReader reader, SessionAuthenticator sessions, Caller caller)
{
    public async Task AuthenticateAsync(HttpContext context)
    {
        var token = reader.ReadToken(context.Request.Headers);
        caller.Session = await sessions.AuthenticateAsync(token, context.RequestAborted)
            ?? throw new ApiException(StatusCodes.Status401Unauthorized, ErrorCode.AuthTokenExpired, "invalid or expired token");
    }
}
