using Conclave.V1;

namespace Conclave.Api.Errors;

/// <summary>A refusal that belongs to the transport (auth header, path, query, body): its status and code are fixed here.</summary>
public sealed class ApiException(int status, ErrorCode code, string message) : Exception(message)
{
    public int Status { get; } = status;
    public ErrorCode Code { get; } = code;

    public static ApiException BadRequest(string message) => new(StatusCodes.Status400BadRequest, ErrorCode.InputBadRequest, message);
}
