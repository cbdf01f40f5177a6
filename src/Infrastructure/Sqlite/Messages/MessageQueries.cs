using Conclave.Application.Messages;
using Conclave.Domain.Common;
using Conclave.Infrastructure.Sqlite.Connections;

namespace Conclave.Infrastructure.Sqlite.Messages;

/// <summary>Opens message pages for its scope and ends those still open when the scope ends.</summary>
internal sealed class MessageQueries(ContextConnections connections) : IMessageQueries, IDisposable
{
    private readonly List<SnapshotPage> _opened = [];

    public async Task<IMessagePage> OpenPageAsync(GroupId groupId, long after, int limit, long? maxContentBytes, CancellationToken cancellationToken)
    {
        var page = await SnapshotPage.OpenAsync(connections, groupId, after, limit, maxContentBytes, cancellationToken);
        _opened.Add(page);
        return page;
    }

    public void Dispose()
    {
        foreach (var page in _opened) page.Dispose();
        _opened.Clear();
    }
}
