using Conclave.Api.Configuration;
using Conclave.Api.Errors;
using Conclave.V1;
using Microsoft.Extensions.Primitives;

namespace Conclave.Api.Auth;

// CLARIFICATIONS §4.1-4.3: standard mode ("Authorization: Bearer <token>") when auth_header is "authorization" in
// any case, otherwise the raw token in the configured header.
public sealed class AuthHeaderReader(ServerConfig config)
{
    private const string BearerPrefix = "Bearer ";
    private readonly bool _standard = string.Equals(config.AuthHeader, "Authorization", StringComparison.OrdinalIgnoreCase);

    public string ReadToken(IHeaderDictionary headers)
    {
        var value = First(headers[config.AuthHeader]);
        if (value is null || !IsVisibleAscii(value))
            throw new ApiException(StatusCodes.Status401Unauthorized, ErrorCode.AuthHeaderMissing, $"missing {config.AuthHeader} header");
        if (!_standard) return value;
        if (!value.StartsWith(BearerPrefix, StringComparison.Ordinal))
            throw new ApiException(StatusCodes.Status401Unauthorized, ErrorCode.AuthHeaderInvalid, "invalid Authorization header format");
        return value[BearerPrefix.Length..];
    }

    // Only the first occurrence of a repeated header counts.
    private static string? First(StringValues values) => values.Count == 0 ? null : values[0];

    private static bool IsVisibleAscii(string value) => value.All(c => c == '\t' || c is >= ' ' and <= '~');
}
