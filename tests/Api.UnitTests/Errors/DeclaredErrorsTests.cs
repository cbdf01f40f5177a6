using Conclave.Api.Errors;
using Conclave.ApiReference;
using Conclave.Domain.Common;

namespace Conclave.Api.UnitTests.Errors;

// The refusals the protos declare per route (http_options.proto, listed in docs/api.md) pair each ErrorCode with
// the HTTP status the server's one error mapping gives it: a declaration cannot promise a status the server never sends.
public sealed class DeclaredErrorsTests
{
    [Fact]
    public void Every_declared_refusal_has_the_status_its_error_code_is_sent_with()
    {
        var sent = Enum.GetValues<DomainError>().Select(ErrorMap.For).Select(m => (m.Http, m.Code))
            .Append(Unexpected())
            .ToHashSet();

        var wrong = ApiFacts.Routes
            .SelectMany(route => route.Errors.Where(e => !e.FromTransport).Select(e => (route.Key, Error: e)))
            .Where(x => !sent.Contains((x.Error.Status, x.Error.Code)))
            .Select(x => $"{x.Key}: {x.Error.Status} {x.Error.Code} \"{x.Error.Message}\"")
            .ToList();

        Assert.True(wrong.Count == 0, "declared with a status the server never sends with that code:\n" + string.Join("\n", wrong));
    }

    private static (int, V1.ErrorCode) Unexpected()
    {
        var outcome = ErrorMap.Describe(new InvalidOperationException("any unexpected failure"));
        return (outcome.HttpStatus, outcome.Body.ErrorCode);
    }
}
