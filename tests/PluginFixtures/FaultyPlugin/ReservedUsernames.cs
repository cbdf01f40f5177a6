using Conclave.Plugins.Abstractions.Policies;
using MediatR;

namespace FaultyPlugin;

/// <summary>Refuses usernames starting with "reserved"; fails outright (a plugin bug) on those starting with "crash".</summary>
public sealed class ReservedUsernames<TRequest, TResponse> : IPipelineBehavior<TRequest, TResponse>
{
    public Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next) => request switch
    {
        IRegistersUser { Username: var name } when name.StartsWith("reserved", StringComparison.Ordinal) =>
            throw new PolicyRejectedException(PolicyRejection.Validation, "usernames starting with 'reserved' are not allowed here"),
        IRegistersUser { Username: var name } when name.StartsWith("crash", StringComparison.Ordinal) =>
            throw new InvalidOperationException("ReservedUsernames has a bug"),
        _ => next(),
    };
}
