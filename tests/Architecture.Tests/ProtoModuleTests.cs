using System.Text.RegularExpressions;

namespace Conclave.Architecture.Tests;

// proto/ is a Buf module (docs/contract.md): it builds from a bare copy without network, keeps the lint rules of its
// buf.yaml, and breaks nothing (wire and JSON) against the committed baseline, proto/breaking-baseline.binpb. The
// deliberate breaks below show that the check can fail. The tests that edit the module edit a copy of it.
public sealed partial class ProtoModuleTests : IDisposable
{
    private const int BufFoundProblems = 100; // buf's exit code for lint or breaking-change findings
    private static readonly string Module = Path.Combine(RepositoryPaths.Root, "proto");
    private static readonly string Baseline = Path.Combine(Module, "breaking-baseline.binpb");

    private readonly string _scratch = Path.Combine(Path.GetTempPath(), $"conclave-proto-{Guid.NewGuid():N}");
    private string Copy => Path.Combine(_scratch, "proto");

    public ProtoModuleTests() => CopyFolder(Module, Copy);

    public void Dispose() => Directory.Delete(_scratch, recursive: true);

    [Fact]
    public async Task A_copy_of_the_module_builds_alone_with_no_network_and_an_empty_cache()
    {
        var home = Directory.CreateDirectory(Path.Combine(_scratch, "home")).FullName;
        const string closedPort = "http://127.0.0.1:9"; // any request buf tried to make would fail here
        var offline = new Dictionary<string, string>
        {
            ["HOME"] = home, ["XDG_CACHE_HOME"] = home, ["BUF_CACHE_DIR"] = Path.Combine(home, "buf"),
            ["HTTPS_PROXY"] = closedPort, ["HTTP_PROXY"] = closedPort, ["ALL_PROXY"] = closedPort, ["NO_PROXY"] = "",
        };

        var build = await Buf.RunAsync(Copy, offline, "build", "-o", Path.Combine(_scratch, "image.binpb"));
        var files = await Buf.RunAsync(Copy, offline, "ls-files");

        Assert.True(build.ExitCode == 0, build.Output);
        Assert.True(File.Exists(Path.Combine(_scratch, "image.binpb")));
        Assert.Contains("third_party/googleapis/google/api/annotations.proto", files.Output);
        Assert.Contains("third_party/googleapis/google/api/http.proto", files.Output);
    }

    [Fact]
    public void Every_import_is_a_file_of_the_module_or_a_well_known_type()
    {
        var roots = new[] { Module, Path.Combine(Module, "third_party", "googleapis") };
        var imports = Directory.EnumerateFiles(Module, "*.proto", SearchOption.AllDirectories)
            .SelectMany(file => ImportLine().Matches(File.ReadAllText(file)).Select(m => m.Groups["path"].Value))
            .Distinct().ToList();

        Assert.Contains("google/api/annotations.proto", imports);
        Assert.All(imports.Where(i => !i.StartsWith("google/protobuf/", StringComparison.Ordinal)),
            import => Assert.True(roots.Any(root => File.Exists(Path.Combine(root, import))), $"{import} is not in proto/"));
        Assert.True(File.Exists(Path.Combine(Module, "third_party", "googleapis", "LICENSE")));
    }

    [Fact]
    public async Task The_module_passes_its_lint_rules()
    {
        var lint = await Buf.RunAsync(Module, null, "lint");

        Assert.True(lint.ExitCode == 0, lint.Output);
    }

    [Fact]
    public async Task A_field_name_out_of_style_fails_lint()
    {
        Edit("conclave/server/v1/common.proto", "  string group_id = 1;\n", "  string group_id = 1;\n  string BadName = 99;\n");

        var lint = await Buf.RunAsync(Copy, null, "lint");

        Assert.Equal(BufFoundProblems, lint.ExitCode);
        Assert.Contains("Field name \"BadName\" should be lower_snake_case", lint.Output);
    }

    [Fact]
    public async Task The_module_breaks_nothing_against_the_committed_baseline()
    {
        var breaking = await Buf.RunAsync(Module, null, "breaking", "--against", Baseline);

        Assert.True(breaking.ExitCode == 0, $"a breaking change (docs/contract.md says how to move the baseline on purpose):\n{breaking.Output}");
    }

    [Fact]
    public async Task A_renamed_field_fails_the_breaking_check()
    {
        Edit("conclave/server/v1/common.proto", "  string group_id = 1;\n", "  string group = 1;\n");

        var breaking = await Buf.RunAsync(Copy, null, "breaking", "--against", Baseline);

        Assert.Equal(BufFoundProblems, breaking.ExitCode);
        Assert.Contains("on message \"GroupPath\" changed name from \"group_id\" to \"group\"", breaking.Output);
        Assert.Contains("changed option \"json_name\" from \"groupId\" to \"group\"", breaking.Output);
    }

    [Fact]
    public async Task A_removed_rpc_fails_the_breaking_check()
    {
        var users = Path.Combine(Copy, "conclave", "server", "v1", "users.proto");
        var text = File.ReadAllText(users);
        var without = RpcBlock("GetUserById").Replace(text, "");
        Assert.NotEqual(text, without);
        File.WriteAllText(users, without);

        var breaking = await Buf.RunAsync(Copy, null, "breaking", "--against", Baseline);

        Assert.Equal(BufFoundProblems, breaking.ExitCode);
        Assert.Contains("Previously present RPC \"GetUserById\" on service \"Users\" was deleted.", breaking.Output);
    }

    [GeneratedRegex(@"^import ""(?<path>[^""]+)"";", RegexOptions.Multiline)]
    private static partial Regex ImportLine();

    private static Regex RpcBlock(string name) => new($@"^  rpc {name}\(.*?^  \}}\n", RegexOptions.Multiline | RegexOptions.Singleline);

    private void Edit(string file, string before, string after)
    {
        var path = Path.Combine(Copy, file);
        var text = File.ReadAllText(path).ReplaceLineEndings("\n");
        Assert.Contains(before, text);
        File.WriteAllText(path, ReplaceFirst(text, before, after));
    }

    private static string ReplaceFirst(string text, string before, string after)
    {
        var at = text.IndexOf(before, StringComparison.Ordinal);
        return string.Concat(text.AsSpan(0, at), after, text.AsSpan(at + before.Length));
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
