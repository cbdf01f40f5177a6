using System.Net.Http.Headers;
using Conclave.Api.Http;
using Conclave.Api.IntegrationTests.Support;
using Conclave.V1;
using Google.Protobuf;
using Microsoft.Extensions.DependencyInjection;

namespace Conclave.Api.IntegrationTests.Authorization;

// The authorization matrix: for every route of the server and every identity, the status and ErrorCode of
// CLARIFICATIONS §3 and §4, on the real server over the spec surface.
public sealed class AccessMatrixTests(AccessMatrixFixture fixture) : IClassFixture<AccessMatrixFixture>
{
    public static TheoryData<string> Routes() => [.. AccessMatrix.Rows.Select(row => row.Route)];

    [Fact]
    public void Every_route_of_the_server_is_in_the_table()
    {
        var served = fixture.Server.Services.GetRequiredService<RpcCatalog>().Routes.Select(r => $"{r.HttpMethod} {r.PathTemplate}").ToHashSet();
        var table = AccessMatrix.Rows.Select(row => row.Route).ToList();

        Assert.True(!served.Except(table).Any(), $"served but missing from AccessMatrix.Rows (add a row): {string.Join(", ", served.Except(table))}");
        Assert.True(!table.Except(served).Any(), $"in AccessMatrix.Rows but not served: {string.Join(", ", table.Except(served))}");
        Assert.Equal(table.Count, table.Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Each_identity_gets_what_the_spec_prescribes(string route)
    {
        var row = AccessMatrix.Rows.Single(r => r.Route == route);
        var mismatches = new List<string>();
        foreach (var identity in Enum.GetValues<Identity>())
        {
            var freshActor = row.FreshActor && IsRole(identity) ? identity : (Identity?)null;
            var scene = await fixture.NewSceneAsync(row.Needs, freshActor);
            var expected = row.Expected(identity);
            var actual = await CallAsync(row, scene, identity);
            if (actual != expected) mismatches.Add($"{identity}: expected {expected}, got {actual}");
        }
        Assert.True(mismatches.Count == 0, $"{route}\n" + string.Join("\n", mismatches));
    }

    private async Task<Outcome> CallAsync(AccessRow row, AccessScene scene, Identity identity)
    {
        var call = row.Request(scene);
        using var request = new HttpRequestMessage(new HttpMethod(row.Method), call.Path);
        if (call.Body is not null)
        {
            request.Content = new ByteArrayContent(call.Body.ToByteArray());
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(SpecClient.Protobuf);
        }
        if (AuthorizationFor(identity, scene) is { } value) request.Headers.TryAddWithoutValidation("Authorization", value);
        using var response = await fixture.Server.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        if (response.IsSuccessStatusCode) return new Outcome(response.StatusCode);
        var error = ErrorResponse.Parser.ParseFrom(await response.Content.ReadAsByteArrayAsync());
        return new Outcome(response.StatusCode, error.ErrorCode, error.Message);
    }

    private string? AuthorizationFor(Identity identity, AccessScene scene) => identity switch
    {
        Identity.NoToken => null,
        Identity.MalformedHeader => $"Token {scene.Admin.Token}",
        Identity.ExpiredToken => $"Bearer {fixture.ExpiredToken}",
        _ => $"Bearer {scene.Users[identity].Token}",
    };

    private static bool IsRole(Identity identity) => identity >= Identity.NonMember;
}
