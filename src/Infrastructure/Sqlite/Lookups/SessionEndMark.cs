using Conclave.Application.Common.Security;

namespace Conclave.Infrastructure.Sqlite.Lookups;

/// <summary>
/// Session endings announced through the marker file beside the SQLite database (<see cref="AccessEpoch"/>'s second
/// 8 bytes): every process that opens the database maps it, so an announcement is one store and watching it is one
/// load, with no channel to set up. Each announcement writes a fresh random value, so two processes announcing at
/// once still leave a value that differs from what a watcher read before either.
/// </summary>
internal sealed class SessionEndMark(AccessEpoch marker) : ISessionEndings
{
    public void Announce() => marker.MarkSessionsEnded();

    public long Mark => marker.SessionsEndedMark;
}
