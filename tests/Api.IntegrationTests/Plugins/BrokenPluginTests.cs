using Conclave.Api.IntegrationTests.Support;

namespace Conclave.Api.IntegrationTests.Plugins;

// A plugin that cannot be loaded stops the server before it listens: exit 1 (the start-failure code) and one line naming it.
public sealed class BrokenPluginTests : IDisposable
{
    private readonly PluginFolder _plugins = new();
    private readonly TempFolder _folder = new("process-tests");
    private readonly PluginServerStarts _starts;

    public BrokenPluginTests() => _starts = new(_plugins, _folder);

    public void Dispose()
    {
        _plugins.Dispose();
        _folder.Dispose();
    }

    [Fact]
    public async Task A_file_that_is_no_assembly_stops_start_up_naming_the_plugin()
    {
        _plugins.Install("AuditLogPlugin");
        Directory.CreateDirectory(Path.Combine(_plugins.Path, "Broken"));
        File.WriteAllText(Path.Combine(_plugins.Path, "Broken", "Broken.dll"), "not a portable executable");

        var line = await _starts.FailedStartAsync();

        Assert.StartsWith($"cannot start: plugin 'Broken' ({Path.Combine(_plugins.Path, "Broken", "Broken.dll")}) cannot be loaded: ", line);
    }

    [Fact]
    public async Task A_missing_dependency_stops_start_up_naming_the_plugin_and_the_dependency()
    {
        _plugins.Install("FaultyPlugin", settingsJson: null, "FaultyPlugin.Dependency.dll");

        var line = await _starts.FailedStartAsync();

        Assert.StartsWith("cannot start: plugin 'FaultyPlugin' (", line);
        Assert.Contains("FaultyPlugin.Dependency", line);
    }

    [Fact]
    public async Task A_plugin_outside_a_folder_of_its_own_stops_start_up()
    {
        File.Copy(Path.Combine(AppContext.BaseDirectory, "plugin-builds", "AuditLogPlugin", "AuditLogPlugin.dll"), Path.Combine(_plugins.Path, "AuditLogPlugin.dll"));

        var line = await _starts.FailedStartAsync();

        Assert.Contains("plugin 'AuditLogPlugin'", line);
        Assert.EndsWith("a plugin goes in a folder of its own, named as its assembly", line);
    }

    [Fact]
    public async Task The_admin_commands_load_the_plugins_too_and_stop_alike()
    {
        Directory.CreateDirectory(Path.Combine(_plugins.Path, "Broken"));
        File.WriteAllText(Path.Combine(_plugins.Path, "Broken", "Broken.dll"), "");

        await using var admin = _starts.Start("admin", "stats");

        Assert.Equal(1, await admin.ExitCodeAsync());
        Assert.StartsWith("cannot start: plugin 'Broken' (", Assert.Single(PluginServerStarts.Lines(admin.Stderr)));
    }
}
