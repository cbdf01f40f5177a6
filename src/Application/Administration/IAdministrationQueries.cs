namespace Conclave.Application.Administration;

/// <summary>Whole-server views for the operator (admin CLI); no route exposes them.</summary>
public interface IAdministrationQueries
{
    /// <summary>Every user, by username (binary order).</summary>
    Task<IReadOnlyList<UserSummaryDto>> UsersAsync(long now, CancellationToken cancellationToken);

    /// <summary>Every group, by name (binary order).</summary>
    Task<IReadOnlyList<GroupSummaryDto>> GroupsAsync(CancellationToken cancellationToken);

    /// <summary>The creation times and expiries of the user's live sessions, soonest expiry first; null when no user has that name.</summary>
    Task<IReadOnlyList<(long CreatedAt, long ExpiresAt)>?> SessionTimesAsync(string username, long now, CancellationToken cancellationToken);

    Task<ServerStatsDto> StatsAsync(long now, CancellationToken cancellationToken);
}
