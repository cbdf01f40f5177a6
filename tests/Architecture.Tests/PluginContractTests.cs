using System.Reflection;

namespace Conclave.Architecture.Tests;

// A plugin compiles against Conclave.Plugins.Abstractions alone: it must not drag in the server's layers, and the
// samples show that nothing else is needed.
public sealed class PluginContractTests
{
    private static readonly Assembly Abstractions = typeof(Conclave.Plugins.Abstractions.Events.ConclaveEvent).Assembly;

    [Fact]
    public void The_abstractions_reference_only_mediatr_and_the_runtime() =>
        Assert.DoesNotContain(References(Abstractions), name =>
            name != "netstandard" && name != "MediatR" && !name.StartsWith("System", StringComparison.Ordinal));

    [Theory]
    [InlineData(typeof(AuditLogPlugin.AuditLog))]
    [InlineData(typeof(GroupSizeLimitPlugin.GroupSizeLimit<,>))]
    public void The_samples_reference_only_the_abstractions_mediatr_and_the_runtime(Type sample) =>
        Assert.DoesNotContain(References(sample.Assembly), name =>
            name != "netstandard" && name != "MediatR" && name != "Conclave.Plugins.Abstractions" && !name.StartsWith("System", StringComparison.Ordinal));

    [Fact]
    public void Every_public_abstractions_type_is_an_event_or_a_policy_hook() =>
        Assert.All(Abstractions.GetExportedTypes(), type => Assert.Matches(@"\AConclave\.Plugins\.Abstractions\.(Events|Policies)\z", type.Namespace));

    private static List<string> References(Assembly assembly) =>
        assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();
}
