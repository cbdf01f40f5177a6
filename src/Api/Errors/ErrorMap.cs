using Conclave.Domain.Common;
using Conclave.Plugins.Abstractions.Policies;
using Conclave.V1;
using Grpc.Core;

namespace Conclave.Api.Errors;

/// <summary>The only code that knows ErrorCode, HTTP status and gRPC status (spec appendices/error-codes.md).</summary>
internal static class ErrorMap
{
    public const string InternalMessage = "internal server error";

    public static (ErrorCode Code, int Http, StatusCode Grpc) For(DomainError error) => error switch
    {
        DomainError.Validation => (ErrorCode.InputValidation, 400, StatusCode.InvalidArgument),
        DomainError.BadRequest => (ErrorCode.InputBadRequest, 400, StatusCode.FailedPrecondition),
        DomainError.NotFound => (ErrorCode.ResourceNotFound, 404, StatusCode.NotFound),
        DomainError.Conflict => (ErrorCode.ResourceConflict, 409, StatusCode.AlreadyExists),
        DomainError.Forbidden => (ErrorCode.ResourceForbidden, 403, StatusCode.PermissionDenied),
        // The spec's 401, but on gRPC an authenticated caller who may not: UNAUTHENTICATED would make clients drop the token.
        DomainError.NotMember => (ErrorCode.GroupNotMember, 401, StatusCode.PermissionDenied),
        DomainError.NotAdmin => (ErrorCode.GroupNotAdmin, 401, StatusCode.PermissionDenied),
        DomainError.NotPublic => (ErrorCode.GroupNotPublic, 403, StatusCode.PermissionDenied),
        DomainError.Banned => (ErrorCode.GroupBanned, 403, StatusCode.PermissionDenied),
        DomainError.InvalidCredentials => (ErrorCode.AuthTokenExpired, 401, StatusCode.Unauthenticated), // wrong password (C5)
        DomainError.RateLimited => (ErrorCode.Unspecified, 429, StatusCode.ResourceExhausted),
        _ => (ErrorCode.Unspecified, 500, StatusCode.Internal),
    };

    /// <summary>A plugin's refusal answers as the core's refusal of the same kind.</summary>
    public static DomainError For(PolicyRejection kind) => kind switch
    {
        PolicyRejection.Forbidden => DomainError.Forbidden,
        PolicyRejection.Validation => DomainError.Validation,
        PolicyRejection.BadRequest => DomainError.BadRequest,
        PolicyRejection.Conflict => DomainError.Conflict,
        PolicyRejection.RateLimited => DomainError.RateLimited,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a PolicyRejection"),
    };

    public static StatusCode GrpcFor(int httpStatus) => httpStatus switch
    {
        400 or 413 => StatusCode.InvalidArgument,
        401 => StatusCode.Unauthenticated,
        403 => StatusCode.PermissionDenied,
        404 => StatusCode.NotFound,
        405 => StatusCode.Unimplemented,
        408 => StatusCode.DeadlineExceeded,
        409 => StatusCode.AlreadyExists,
        429 => StatusCode.ResourceExhausted,
        _ => StatusCode.Internal,
    };

    /// <summary>What the client is told about <paramref name="exception"/>; anything unexpected is a bare 500.</summary>
    public static ErrorOutcome Describe(Exception exception) => exception switch
    {
        DomainException domain => Outcome(For(domain.Error), domain.Message),
        PolicyRejectedException { Kind: >= PolicyRejection.Forbidden and <= PolicyRejection.RateLimited } rejected =>
            Outcome(For(For(rejected.Kind)), rejected.Message),
        ApiException api => new ErrorOutcome(api.Status, GrpcFor(api.Status), new ErrorResponse { Message = api.Message, ErrorCode = api.Code }),
        // Kestrel's refusals of the request itself (a body cut short of its Content-Length, a body slower than the
        // minimum data rate): the client's fault, never an internal one.
        BadHttpRequestException bad => new ErrorOutcome(bad.StatusCode, GrpcFor(bad.StatusCode),
            new ErrorResponse { Message = BadRequestMessage(bad.StatusCode), ErrorCode = ErrorCode.InputBadRequest }),
        _ => new ErrorOutcome(500, StatusCode.Internal, new ErrorResponse { Message = InternalMessage }),
    };

    private static string BadRequestMessage(int status) => status switch
    {
        StatusCodes.Status408RequestTimeout => "request body arrived too slowly",
        StatusCodes.Status413PayloadTooLarge => "request body too large",
        _ => "invalid request",
    };

    private static ErrorOutcome Outcome((ErrorCode Code, int Http, StatusCode Grpc) map, string message) =>
        new(map.Http, map.Grpc, new ErrorResponse { Message = message, ErrorCode = map.Code });
}

internal sealed record ErrorOutcome(int HttpStatus, StatusCode GrpcStatus, ErrorResponse Body)
{
    public bool IsInternal => HttpStatus >= 500;
}
