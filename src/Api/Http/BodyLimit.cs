using Conclave.Api.Errors;
using Google.Protobuf;

namespace Conclave.Api.Http;

/// <summary>
/// The one limit on what a request may carry: its body message, encoded as protobuf, at most 1 MiB (C14). The spec
/// surface counts the bytes it reads (RequestBinder); JSON transcoding's message is counted once decoded
/// (JsonBodyLimitInterceptor); gRPC refuses a larger request message itself (RESOURCE_EXHAUSTED, ServerApp).
/// </summary>
internal static class BodyLimit
{
    public const int MaxBytes = 1_048_576;

    /// <summary>
    /// What Kestrel lets a JSON body be before it is decoded: JSON spells bytes in base64 (4/3 larger) and adds names.
    /// The decoded message is then held to <see cref="MaxBytes"/>.
    /// </summary>
    public const int MaxJsonBytes = 4 * MaxBytes;

    /// <summary>Whether <paramref name="request"/>'s body part, encoded as the spec surface takes it, is over the limit.</summary>
    public static bool Exceeds(RpcRoute route, IMessage request) => route.Body switch
    {
        BodyBinding.Whole => request.CalculateSize() > MaxBytes,
        BodyBinding.Field => route.BodyField!.Accessor.GetValue(request) is IMessage body && body.CalculateSize() > MaxBytes,
        _ => false,
    };

    public static ApiException TooLarge() =>
        new(StatusCodes.Status413PayloadTooLarge, V1.ErrorCode.InputBadRequest, $"request body exceeds the limit of {MaxBytes} bytes");
}
