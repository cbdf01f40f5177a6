using Conclave.Application.Common.Security;
using Conclave.Domain.Common;

namespace Conclave.Api.Auth;

/// <summary>Who is making the current call; set once per request by <see cref="CallAuthenticator"/>.</summary>
public sealed class Caller
{
    private AuthenticatedSession? _session;

    public AuthenticatedSession Session
    {
        get => _session ?? throw new InvalidOperationException("The call was not authenticated.");
        set => _session = value;
    }

    public UserId UserId => Session.UserId;

    /// <summary>The user, once the call is authenticated (the request log names it); null before or without.</summary>
    public UserId? KnownUserId => _session?.UserId;
}
