namespace Conclave.Application.Common.Security;

/// <summary>
/// How the processes that share one database (servers, admin commands; later the nodes of a cluster) tell one another
/// that sessions ended, so that each ends its open event streams of those sessions promptly: a process that ends
/// sessions ends its own streams at once and announces it here; every server watches for announcements and then
/// re-checks the session of each stream it has open (CLARIFICATIONS decision 9).
/// </summary>
public interface ISessionEndings
{
    /// <summary>Called once a commit that ended sessions (logout, password change or reset, deletion, sign-out) is done.</summary>
    void Announce();

    /// <summary>A value that changes whenever any process has announced; compare it with the one read last.</summary>
    long Mark { get; }
}
