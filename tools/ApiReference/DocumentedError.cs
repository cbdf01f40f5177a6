using System.Text.RegularExpressions;
using Conclave.V1;

namespace Conclave.ApiReference;

/// <summary>A refusal a route can answer with. <paramref name="Message"/> is verbatim; a &lt;name&gt; part varies.</summary>
public sealed record DocumentedError(int Status, ErrorCode Code, string Message, string When, bool FromTransport)
{
    public bool Matches(int status, ErrorCode code, string message) =>
        status == Status && code == Code && MessagePattern().IsMatch(message);

    private Regex MessagePattern() =>
        new("^" + string.Join(".+", Regex.Split(Message, "<[^>]+>").Select(Regex.Escape)) + "$", RegexOptions.CultureInvariant);
}
