using Conclave.Infrastructure.Events;
using Conclave.Infrastructure.Sqlite.Lookups;

namespace Conclave.Infrastructure.Tests.Sqlite.Lookups;

// Session endings travel between processes through the marker file's second half; the access epoch's half is its own.
public sealed class SessionEndMarkTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("conclave-session-end-mark").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Database => Path.Combine(_folder, "conclave.db");

    [Fact]
    public void An_announcement_in_one_process_changes_the_mark_another_sees_and_leaves_the_access_epoch_alone()
    {
        using var serverMarker = new AccessEpoch(Database);
        using var adminMarker = new AccessEpoch(Database);
        var server = new SessionEndMark(serverMarker);
        var heard = server.Mark;
        var epoch = serverMarker.Current;

        new SessionEndMark(adminMarker).Announce();

        Assert.NotEqual(heard, server.Mark);
        Assert.Equal(epoch, serverMarker.Current);
    }

    [Fact]
    public void An_access_advance_is_no_announcement()
    {
        using var serverMarker = new AccessEpoch(Database);
        using var adminMarker = new AccessEpoch(Database);
        var heard = new SessionEndMark(serverMarker).Mark;

        adminMarker.Advance();

        Assert.Equal(heard, new SessionEndMark(serverMarker).Mark);
    }

    [Fact]
    public void The_marker_is_created_for_its_owner_only_and_an_old_8_byte_marker_grows()
    {
        File.WriteAllBytes(Database + AccessEpoch.MarkerSuffix, new byte[8]);
        using (new AccessEpoch(Database)) { }
        Assert.Equal(16, new FileInfo(Database + AccessEpoch.MarkerSuffix).Length);

        var other = Path.Combine(_folder, "other.db");
        using (new AccessEpoch(other)) { }
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(other + AccessEpoch.MarkerSuffix));
    }
}
