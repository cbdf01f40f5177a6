using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Conclave.Api.IntegrationTests.Support;
using Conclave.Server.V1;
using Conclave.V1;
using Grpc.Core;

namespace Conclave.Api.IntegrationTests.AccountRoutes;

// CLARIFICATIONS decision 13 (docs/compatibility.md): a new username equal to an existing one ignoring ASCII case is
// refused as a taken name (409 RESOURCE_CONFLICT) on every surface, also under concurrent registrations; lookups stay
// exact and accounts that already differ only in case keep working.
public sealed class UsernameCaseTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private TestServer Server => fixture.Server;
    private SpecClient Spec => Server.Spec;

    [Fact]
    public async Task Protobuf_refuses_a_name_taken_in_another_letter_case()
    {
        var taken = AccountCalls.UniqueName("case").ToLowerInvariant();
        await Spec.RegisterAsync(taken);

        var response = await Spec.RegisterRawAsync(new RegisterRequest { Username = taken.ToUpperInvariant(), Password = "password123" });

        await SpecClient.AssertErrorAsync(response, HttpStatusCode.Conflict, ErrorCode.ResourceConflict, $"username '{taken.ToUpperInvariant()}' already exists");
        await SpecClient.AssertErrorAsync(await Spec.LoginRawAsync(taken.ToUpperInvariant(), "password123"), HttpStatusCode.Unauthorized, ErrorCode.AuthTokenExpired);
    }

    [Fact]
    public async Task Json_refuses_a_name_taken_in_another_letter_case()
    {
        var taken = AccountCalls.UniqueName("case").ToLowerInvariant();
        await Spec.RegisterAsync(taken);
        var variant = char.ToUpperInvariant(taken[0]) + taken[1..];

        using var response = await Server.Http.PostAsJsonAsync("/api/v1/register", new { username = variant, password = "password123" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var detail = Assert.Single((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("details").EnumerateArray().ToList());
        Assert.Equal("ERROR_CODE_RESOURCE_CONFLICT", detail.GetProperty("errorCode").GetString());
    }

    [Fact]
    public async Task Grpc_refuses_a_name_taken_in_another_letter_case()
    {
        var taken = AccountCalls.UniqueName("case").ToUpperInvariant();
        await Spec.RegisterAsync(taken);

        var refusal = await Assert.ThrowsAsync<RpcException>(() => new Accounts.AccountsClient(Server.Channel)
            .RegisterAsync(new RegisterRequest { Username = taken.ToLowerInvariant(), Password = "password123" }).ResponseAsync);

        Assert.Equal(StatusCode.AlreadyExists, refusal.StatusCode);
        Assert.Equal(((int)ErrorCode.ResourceConflict).ToString(System.Globalization.CultureInfo.InvariantCulture), refusal.Trailers.GetValue("conclave-error-code"));
    }

    [Fact]
    public async Task Concurrent_registrations_of_case_variants_admit_exactly_one()
    {
        var name = AccountCalls.UniqueName("race").ToLowerInvariant();
        var variants = Enumerable.Range(0, 8).Select(i => new string([.. name.Select((c, j) => (i >> (j % 3) & 1) == 1 ? char.ToUpperInvariant(c) : c)]))
            .Distinct().ToList();

        var responses = await Task.WhenAll(variants.Select(variant => Spec.RegisterRawAsync(new RegisterRequest { Username = variant, Password = "password123" })));

        Assert.Single(responses, response => response.StatusCode == HttpStatusCode.Created);
        Assert.All(responses.Where(response => response.StatusCode != HttpStatusCode.Created), response => Assert.Equal(HttpStatusCode.Conflict, response.StatusCode));
        Assert.Equal(1, await Server.ScalarAsync("SELECT count(*) FROM users WHERE lower(username) = $n", ("$n", name)));
    }

    [Fact]
    public async Task Accounts_that_already_differ_only_in_case_keep_working_and_lookups_stay_exact()
    {
        var lower = AccountCalls.UniqueName("kept").ToLowerInvariant();
        var upper = lower.ToUpperInvariant();
        var other = AccountCalls.UniqueName("other");
        await Spec.RegisterAsync(lower);
        await Spec.RegisterAsync(other, password: "password456");
        // As imported from a reference database, where they could coexist.
        await Server.WriteAsAnotherProcessAsync("UPDATE users SET username = $u WHERE username = $o", ("$u", upper), ("$o", other));

        var lowerLogin = await Spec.LoginAsync(lower);
        var upperLogin = await Spec.LoginAsync(upper, "password456");

        Assert.NotEqual(lowerLogin.UserId, upperLogin.UserId);
        Assert.Equal(upper, (await Spec.GetMeAsync(upperLogin.Token)).Username);
        var found = await SpecClient.ReadAsync<UserInfoResponse>(await Spec.UserByNameAsync(lowerLogin.Token, upper));
        Assert.Equal(upperLogin.UserId, found.UserId);
        var mixed = char.ToUpperInvariant(lower[0]) + lower[1..];
        await SpecClient.AssertErrorAsync(await Spec.UserByNameAsync(lowerLogin.Token, mixed), HttpStatusCode.NotFound, ErrorCode.ResourceNotFound);
    }
}
