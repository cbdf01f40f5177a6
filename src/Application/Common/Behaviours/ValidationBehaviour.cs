using Conclave.Domain.Common;
using FluentValidation;
using MediatR;

namespace Conclave.Application.Common.Behaviours;

// The first failing rule wins: an ErrorResponse carries one message. Its kind comes from the rule's ErrorCode.
public sealed class ValidationBehaviour<TRequest, TResponse>(IEnumerable<IValidator<TRequest>> validators)
    : IPipelineBehavior<TRequest, TResponse>
{
    // Most requests have no validator: they pass straight on.
    public Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next) =>
        validators.TryGetNonEnumeratedCount(out var count) && count == 0 ? next() : ValidatedAsync(request, next, cancellationToken);

    private async Task<TResponse> ValidatedAsync(TRequest request, RequestHandlerDelegate<TResponse> next, CancellationToken cancellationToken)
    {
        foreach (var validator in validators)
        {
            var result = await validator.ValidateAsync(request, cancellationToken);
            if (result.Errors.FirstOrDefault() is { } failure)
                throw new DomainException(KindOf(failure.ErrorCode), failure.ErrorMessage);
        }
        return await next();
    }

    private static DomainError KindOf(string errorCode) =>
        Enum.TryParse<DomainError>(errorCode, out var kind) ? kind : DomainError.Validation;
}
