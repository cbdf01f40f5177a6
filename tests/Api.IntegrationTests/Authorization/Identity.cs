namespace Conclave.Api.IntegrationTests.Authorization;

/// <summary>The columns of the authorization matrix: who makes the call.</summary>
public enum Identity
{
    NoToken,
    MalformedHeader,
    ExpiredToken,
    NonMember,
    Member,
    Admin,
    Banned,
}
