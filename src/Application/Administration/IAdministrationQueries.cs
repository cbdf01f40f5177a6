namespace Conclave.Application.Administration;

/// <summary>Whole-server views for the operator (admin CLI); no route exposes them.</summary>
public interface IAdministrationQueries
{
    /// <summary>Every user, by username (binary order).</summary>
    Task<IReadOnlyList<UserSummaryDto>> UsersAsync(long now, CancellationToken cancellationToken);

    /// <summary>Every group, by name (binary order).</summary>
    Task<IReadOnlyList<GroupSummaryDto>> GroupsAsync(CancellationToken cancellationToken);

    /// <summary>The expiries of the user's live sessions, soonest first; null when no user has that name.</summary>
    Task<IReadOnlyList<long>?> SessionExpiriesAsync(string username, long now, CancellationToken cancellationToken);

    Task<ServerStatsDto> StatsAsync(long now, CancellationToken cancellationToken);
}
