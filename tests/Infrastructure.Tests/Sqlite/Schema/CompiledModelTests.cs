using System.Text.RegularExpressions;
using Conclave.Infrastructure.Persistence;
using Conclave.Infrastructure.Sqlite.Schema;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Design.Internal;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Scaffolding;
using Microsoft.Extensions.DependencyInjection;

namespace Conclave.Infrastructure.Tests.Sqlite.Schema;

// The server runs on the compiled model in Sqlite/CompiledModel (EF Core finds it by its assembly attribute), not
// on one built from the entity configurations at start. This test generates it again from the configurations, as
// `dotnet ef dbcontext optimize` does, and fails when the checked-in files differ: a model change without the
// regenerated model fails here.
public sealed partial class CompiledModelTests
{
    private const string Regenerate = "dotnet ef dbcontext optimize -p src/Infrastructure -s src/Infrastructure " +
                                      "-o Sqlite/CompiledModel -n Conclave.Infrastructure.Sqlite.CompiledModel";

    [Fact]
    public void The_compiled_model_matches_the_entity_configurations()
    {
        var folder = Path.Combine(RepositoryPaths.Root, "src", "Infrastructure", "Sqlite", "CompiledModel");
        var generated = Generate().ToDictionary(file => file.Path, file => file.Code);

        var checkedIn = Directory.GetFiles(folder, "*.cs").ToDictionary(path => Path.GetFileName(path), File.ReadAllText);

        Assert.True(generated.Keys.Order().SequenceEqual(checkedIn.Keys.Order()),
            $"The compiled model's files are not the generated ones; run `{Regenerate}`.");
        foreach (var (name, code) in generated)
            Assert.True(WithoutModelId(code) == WithoutModelId(checkedIn[name]), $"{name} is stale; run `{Regenerate}`.");
    }

    [Fact]
    public void The_server_uses_the_compiled_model()
    {
        using var db = new DesignTimeDbContextFactory().CreateDbContext([]);

        Assert.IsType<Conclave.Infrastructure.Sqlite.CompiledModel.ConclaveDbContextModel>(db.Model, exactMatch: false);
    }

#pragma warning disable EF1001 // the design-time services, as the dotnet-ef tool builds them
    private static IReadOnlyCollection<ScaffoldedFile> Generate()
    {
        using var db = new DesignTimeDbContextFactory().CreateDbContext([]);
        var assembly = typeof(ConclaveDbContext).Assembly;
        var services = new DesignTimeServicesBuilder(assembly, assembly, new OperationReporter(handler: null), []).Build(db);
        return services.GetRequiredService<ICompiledModelCodeGenerator>().GenerateModel(
            db.GetService<IDesignTimeModel>().Model,
            new CompiledModelCodeGenerationOptions
            {
                ContextType = typeof(ConclaveDbContext),
                ModelNamespace = "Conclave.Infrastructure.Sqlite.CompiledModel",
                Language = "C#",
                UseNullableReferenceTypes = true,
            });
    }
#pragma warning restore EF1001

    // Each generation draws a new model id.
    private static string WithoutModelId(string code) => ModelId().Replace(code, "modelId: new Guid()");

    [GeneratedRegex(@"modelId: new Guid\(""[0-9a-f-]+""\)")]
    private static partial Regex ModelId();
}
