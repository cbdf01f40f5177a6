namespace Conclave.Plugins.Abstractions.Policies;

/// <summary>How a refusal is answered: each kind is one HTTP status with one spec <c>ErrorCode</c> (and one gRPC status).</summary>
public enum PolicyRejection
{
    /// <summary>403, <c>ERROR_CODE_RESOURCE_FORBIDDEN</c> (gRPC PERMISSION_DENIED): the server's policy does not allow it.</summary>
    Forbidden,
    /// <summary>400, <c>ERROR_CODE_INPUT_VALIDATION</c> (gRPC INVALID_ARGUMENT): a field's value is not acceptable.</summary>
    Validation,
    /// <summary>400, <c>ERROR_CODE_INPUT_BAD_REQUEST</c> (gRPC FAILED_PRECONDITION): the request cannot be carried out as asked.</summary>
    BadRequest,
    /// <summary>409, <c>ERROR_CODE_RESOURCE_CONFLICT</c> (gRPC ALREADY_EXISTS): it conflicts with existing state.</summary>
    Conflict,
    /// <summary>429, <c>ERROR_CODE_UNSPECIFIED</c> (gRPC RESOURCE_EXHAUSTED): too many requests, try later.</summary>
    RateLimited,
}
