using FluentValidation;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace Conclave.Application.UnitTests.Common.Behaviours;

// Every scoped service a request resolves is another entry in its scope's table, which grows by reallocation; what
// holds no state of a request's own is therefore transient or a singleton (docs/performance.md, *Per-request fixed cost*).
public sealed class PipelineLifetimesTests
{
    public static TheoryData<Type> Stateless =>
    [
        typeof(IRequestHandler<,>), typeof(INotificationHandler<>), typeof(IValidator<>), typeof(IPipelineBehavior<,>), typeof(ServiceFactory),
    ];

    [Theory]
    [MemberData(nameof(Stateless))]
    public void Is_never_scoped(Type service)
    {
        var registered = new ServiceCollection().AddApplication([])
            .Where(d => d.ServiceType == service || d.ServiceType.IsGenericType && d.ServiceType.GetGenericTypeDefinition() == service)
            .ToList();

        Assert.NotEmpty(registered);
        Assert.All(registered, d => Assert.NotEqual(ServiceLifetime.Scoped, d.Lifetime));
    }
}
