using System.Diagnostics;
using Conclave.Api.IntegrationTests.Support;

namespace Conclave.Api.IntegrationTests.Plugins;

// Security review (issue 30) finding 4: a plugin runs as the server, so a plugins folder, plugin folder or plugin file
// that is a symbolic link, writable by group or others, or owned by neither root nor the process's user stops the
// server and the admin commands (exit 1, one line). These tests run as root, as the review's admin commands did:
// files owned by uid 65534 (nobody) stand for another user's.
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class PluginTrustTests : IDisposable
{
    private const int Nobody = 65534;

    private readonly PluginFolder _plugins = new();
    private readonly TempFolder _folder = new("plugin-trust");
    private readonly PluginServerStarts _starts;

    public PluginTrustTests() => _starts = new(_plugins, _folder);

    public void Dispose()
    {
        _plugins.Dispose();
        _folder.Dispose();
    }

    [Fact]
    public async Task A_plugin_folder_that_is_a_symbolic_link_is_refused()
    {
        var elsewhere = Path.Combine(_folder.Path, "elsewhere");
        Directory.Move(_plugins.Install("AuditLogPlugin"), elsewhere);
        Directory.CreateSymbolicLink(Path.Combine(_plugins.Path, "AuditLogPlugin"), elsewhere);

        var line = await _starts.FailedStartAsync();

        Assert.Equal($"cannot start: plugin 'AuditLogPlugin' ({Path.Combine(_plugins.Path, "AuditLogPlugin")}) cannot be loaded: it is a symbolic link", line);
    }

    [Fact]
    public async Task A_plugin_file_that_is_a_symbolic_link_is_refused()
    {
        var folder = _plugins.Install("AuditLogPlugin");
        var dll = Path.Combine(folder, "AuditLogPlugin.dll");
        File.Move(dll, Path.Combine(_folder.Path, "AuditLogPlugin.dll"));
        File.CreateSymbolicLink(dll, Path.Combine(_folder.Path, "AuditLogPlugin.dll"));

        var line = await _starts.FailedStartAsync();

        Assert.EndsWith($"({dll}) cannot be loaded: it is a symbolic link", line);
    }

    [Fact]
    public async Task A_group_writable_plugin_file_is_refused()
    {
        var dll = Path.Combine(_plugins.Install("AuditLogPlugin"), "AuditLogPlugin.dll");
        File.SetUnixFileMode(dll, (UnixFileMode)0b110_110_100);

        var line = await _starts.FailedStartAsync();

        Assert.Equal($"cannot start: plugin 'AuditLogPlugin' ({dll}) cannot be loaded: it is writable by its group or by others (mode 664; chmod go-w)", line);
    }

    [Fact]
    public async Task A_world_writable_plugins_folder_is_refused()
    {
        _plugins.Install("AuditLogPlugin");
        File.SetUnixFileMode(_plugins.Path, (UnixFileMode)0b111_111_111);

        var line = await _starts.FailedStartAsync();

        Assert.Equal($"cannot start: plugins folder {_plugins.Path} cannot be used: it is writable by its group or by others (mode 777; chmod go-w)", line);
    }

    [Fact]
    public async Task A_plugin_file_owned_by_another_user_is_refused_by_the_server_and_by_an_admin_command_run_as_root()
    {
        var settings = Path.Combine(_plugins.Install("AuditLogPlugin", settingsJson: "{}"), "AuditLogPlugin.json");
        Chown(settings, Nobody);

        var line = await _starts.FailedStartAsync();
        await using var admin = _starts.Start("admin", "stats");

        var expected = $"cannot start: plugin 'AuditLogPlugin' ({settings}) cannot be loaded: it is owned by uid {Nobody}, and a process running as root loads only what root owns";
        Assert.Equal(expected, line);
        Assert.Equal(1, await admin.ExitCodeAsync());
        Assert.Equal(expected, Assert.Single(PluginServerStarts.Lines(admin.Stderr)));
    }

    [Fact]
    public async Task Plugins_owned_by_root_and_not_writable_by_others_load()
    {
        _plugins.Install("AuditLogPlugin", settingsJson: "{}");

        await using var admin = _starts.Start("admin", "stats");

        Assert.Equal(0, await admin.ExitCodeAsync());
    }

    private static void Chown(string path, int uid)
    {
        using var chown = Process.Start("chown", [$"{uid}:{uid}", path]);
        chown.WaitForExit();
        Assert.Equal(0, chown.ExitCode);
    }
}
