using Conclave.Infrastructure.Persistence;
using Conclave.Infrastructure.Sqlite.Connections;

namespace Conclave.Infrastructure.Tests.Sqlite.Connections;

// What both kept-open pools (the contexts' connections, the look-ups') share: a few kept idle, the rest closed, and
// nothing kept once the pool is disposed.
public sealed class IdleConnectionsTests
{
    [Fact]
    public void Keeps_up_to_its_limit_and_closes_the_rest()
    {
        var idle = new IdleConnections<Connection>(keptIdle: 2);
        var (a, b, c) = (new Connection(), new Connection(), new Connection());

        idle.Keep(a);
        idle.Keep(b);
        idle.Keep(c);

        Assert.Equal(2, idle.Count);
        Assert.True(c.Closed);
        Assert.Same(b, idle.Take()); // the most recently kept first: its pages are the warmest
        Assert.Same(a, idle.Take());
        Assert.Null(idle.Take());
        Assert.False(a.Closed || b.Closed);
    }

    [Fact]
    public void Close_empties_it_and_it_goes_on()
    {
        var idle = new IdleConnections<Connection>(keptIdle: 4);
        var kept = new[] { new Connection(), new Connection() };
        foreach (var connection in kept) idle.Keep(connection);

        idle.Close();

        Assert.All(kept, connection => Assert.True(connection.Closed));
        Assert.Null(idle.Take());
        var next = new Connection();
        idle.Keep(next);
        Assert.Same(next, idle.Take());
    }

    [Fact]
    public void Disposed_it_closes_what_it_kept_and_what_comes_back_and_lends_nothing()
    {
        var idle = new IdleConnections<Connection>(keptIdle: 4);
        var kept = new Connection();
        idle.Keep(kept);

        idle.Dispose();
        var late = new Connection();
        idle.Keep(late);

        Assert.True(kept.Closed);
        Assert.True(late.Closed);
        Assert.Throws<ObjectDisposedException>(() => idle.Take());
    }

    private sealed class Connection : IDisposable
    {
        public bool Closed { get; private set; }
        public void Dispose() => Closed = true;
    }
}
