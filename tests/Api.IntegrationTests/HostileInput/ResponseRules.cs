using System.Net;
using System.Text.RegularExpressions;
using Conclave.Api.IntegrationTests.Support;
using Conclave.V1;
using Google.Protobuf;

namespace Conclave.Api.IntegrationTests.HostileInput;

/// <summary>
/// What every answer to hostile input must satisfy: no 5xx; an error is an ErrorResponse (application/x-protobuf)
/// with a message and a specific code (UNSPECIFIED only on 429, CLARIFICATIONS §2.6); no internals in the message.
/// </summary>
public static partial class ResponseRules
{
    // Stack frames, exception type names, SQL and file paths: none may reach a client.
    [GeneratedRegex(@"\bat [\w.<>`]+\(|Exception\b|\bSQLite\b|\bSELECT\b|\bINSERT\b|\bUPDATE \w+ SET\b|\bINTO \w+ \(|\bconstraint failed\b|(^|[\s'""])/(tmp|work|home|usr|root|etc)/|[A-Za-z]:\\", RegexOptions.IgnoreCase)]
    private static partial Regex Internals();

    /// <summary>What is wrong with <paramref name="response"/>, or null when it is acceptable.</summary>
    public static async Task<string?> ProblemAsync(HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        if (status >= 500) return $"{status} {await DescribeAsync(response)}";
        if (status < 400) return null;
        var bytes = await response.Content.ReadAsByteArrayAsync();
        if (response.Content.Headers.ContentType?.MediaType != SpecClient.Protobuf)
            return $"{status} with Content-Type {response.Content.Headers.ContentType?.MediaType ?? "(none)"}";
        ErrorResponse error;
        try { error = ErrorResponse.Parser.ParseFrom(bytes); }
        catch (InvalidProtocolBufferException) { return $"{status} whose body is no ErrorResponse"; }
        return Problem(status, error);
    }

    public static string? Problem(int status, ErrorResponse error)
    {
        if (error.Message.Length == 0) return $"{status} with an empty message";
        if (error.ErrorCode == ErrorCode.Unspecified && status != (int)HttpStatusCode.TooManyRequests) return $"{status} UNSPECIFIED \"{error.Message}\"";
        if (LeaksInternals(error.Message)) return $"{status} leaks internals: \"{error.Message}\"";
        return null;
    }

    public static bool LeaksInternals(string text) => Internals().IsMatch(text);

    private static async Task<string> DescribeAsync(HttpResponseMessage response)
    {
        var bytes = await response.Content.ReadAsByteArrayAsync();
        try { return ErrorResponse.Parser.ParseFrom(bytes).ToString(); }
        catch (InvalidProtocolBufferException) { return $"{bytes.Length} bytes"; }
    }
}
