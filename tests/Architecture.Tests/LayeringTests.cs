using System.Reflection;

namespace Conclave.Architecture.Tests;

// Dependencies point inward (design card): Domain → nothing; Application → Domain; outer layers → inward only.
public sealed class LayeringTests
{
    private static readonly Assembly Domain = typeof(Conclave.Domain.Common.AggregateRoot).Assembly;
    private static readonly Assembly Application = typeof(Conclave.Application.DependencyInjection).Assembly;
    private static readonly Assembly Infrastructure = typeof(Conclave.Infrastructure.DependencyInjection).Assembly;

    [Fact]
    public void Domain_references_only_the_runtime() =>
        Assert.DoesNotContain(References(Domain), name => name != "netstandard" && !name.StartsWith("System", StringComparison.Ordinal));

    [Fact]
    public void Application_references_the_domain_and_no_outer_layer_or_storage_or_wire_library()
    {
        var references = References(Application);
        Assert.Contains("Conclave.Domain", references);
        Assert.DoesNotContain(references, name =>
            name.StartsWith("Conclave.Infrastructure", StringComparison.Ordinal) ||
            name.StartsWith("Conclave.Api", StringComparison.Ordinal) ||
            name.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal) ||
            name.StartsWith("Google.Protobuf", StringComparison.Ordinal) ||
            name.StartsWith("Grpc", StringComparison.Ordinal) ||
            name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) ||
            name.StartsWith("OpenTelemetry", StringComparison.Ordinal)); // instruments are System.Diagnostics.Metrics; the Api exports
    }

    [Fact]
    public void Infrastructure_does_not_know_the_api_or_the_wire() =>
        Assert.DoesNotContain(References(Infrastructure), name =>
            name.StartsWith("Conclave.Api", StringComparison.Ordinal) ||
            name.StartsWith("Google.Protobuf", StringComparison.Ordinal) ||
            name.StartsWith("Grpc", StringComparison.Ordinal));

    [Fact]
    public void Domain_types_do_not_depend_on_application_types() =>
        Assert.DoesNotContain(References(Domain), name => name.StartsWith("Conclave.", StringComparison.Ordinal));

    private static List<string> References(Assembly assembly) =>
        assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();
}
