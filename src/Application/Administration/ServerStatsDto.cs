namespace Conclave.Application.Administration;

/// <summary>Row counts of the server's data; sessions are those not yet expired.</summary>
public sealed record ServerStatsDto(
    long Users, long ActiveSessions, long Groups, long PublicGroups, long Memberships, long Messages,
    long PendingInvites, long PendingWelcomes, long KeyPackages);
