using System.Net;
using Conclave.Api.IntegrationTests.Support;
using Conclave.Domain.Common;
using Conclave.Domain.KeyPackages;
using Conclave.V1;
using Google.Protobuf;
using Microsoft.Extensions.DependencyInjection;
using static Conclave.Api.IntegrationTests.KeyPackages.KeyPackageBytes;

namespace Conclave.Api.IntegrationTests.KeyPackages;

// GET /api/v1/key-packages/{user_id} over HTTP/protobuf: CLARIFICATIONS R12, C26, checklist items 74-76 and 79,
// decision 4 (429 with an ErrorResponse whose code, UNSPECIFIED, is absent on the wire).
public sealed class FetchKeyPackageTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private SpecClient Spec => fixture.Server.Spec;

    [Fact]
    public async Task Anyone_may_fetch_someone_elses_package_and_it_is_consumed()
    {
        var (alice, bob) = (await Spec.NewUserAsync("alice"), await Spec.NewUserAsync("bob"));
        await Spec.PostAsync("/api/v1/key-packages", Batch(Regular(1)), bob.Token);

        var response = await Spec.GetAsync($"/api/v1/key-packages/{bob.Guid}", alice.Token);

        Assert.Equal(SpecClient.Protobuf, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Valid(1), (await SpecClient.ReadAsync<GetKeyPackageResponse>(response)).KeyPackageData);
        await AssertNoPackageAsync(await Spec.GetAsync($"/api/v1/key-packages/{bob.Guid}", alice.Token));
    }

    [Fact]
    public async Task An_unknown_user_has_no_package()
    {
        var alice = await Spec.NewUserAsync("alice");

        await AssertNoPackageAsync(await Spec.GetAsync($"/api/v1/key-packages/{Guid.NewGuid()}", alice.Token));
    }

    [Fact]
    public async Task Without_a_token_the_fetch_is_unauthorized_before_the_path_is_parsed()
    {
        var response = await Spec.GetAsync("/api/v1/key-packages/not-a-uuid");

        await SpecClient.AssertErrorAsync(response, HttpStatusCode.Unauthorized, ErrorCode.AuthHeaderMissing);
    }

    [Fact]
    public async Task A_malformed_user_id_is_a_bad_request()
    {
        var alice = await Spec.NewUserAsync("alice");

        var response = await Spec.GetAsync("/api/v1/key-packages/not-a-uuid", alice.Token);

        await SpecClient.AssertErrorAsync(response, HttpStatusCode.BadRequest, ErrorCode.InputBadRequest);
    }

    [Fact]
    public async Task The_eleventh_fetch_within_a_minute_is_refused_and_consumes_nothing()
    {
        var (alice, bob) = (await Spec.NewUserAsync("alice"), await Spec.NewUserAsync("bob"));
        await Spec.PostAsync("/api/v1/key-packages", Batch([LastResort(9), .. Enumerable.Range(1, 10).Select(n => Regular((byte)n))]), bob.Token);
        for (var i = 1; i <= 10; i++)
        {
            var served = await SpecClient.ReadAsync<GetKeyPackageResponse>(await Spec.GetAsync($"/api/v1/key-packages/{bob.Guid}", alice.Token));
            Assert.Equal(i, served.KeyPackageData[4]);
        }
        await Spec.PostAsync("/api/v1/key-packages", Batch(Regular(11)), bob.Token);

        var refused = await Spec.GetAsync($"/api/v1/key-packages/{bob.Guid}", bob.Token); // the caller does not matter

        var bytes = await refused.Content.ReadAsByteArrayAsync();
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(SpecClient.Protobuf, refused.Content.Headers.ContentType?.MediaType);
        var error = ErrorResponse.Parser.ParseFrom(bytes);
        Assert.Equal("rate limit exceeded: at most 10 key packages per minute for this user", error.Message);
        Assert.Equal(new ErrorResponse { Message = error.Message }.ToByteArray(), bytes); // field 2 (error_code 0) absent
        await AssertStillStoredAsync(bob, 11);
    }

    [Fact]
    public async Task The_limit_is_per_target_user()
    {
        var (alice, bob, carol) = (await Spec.NewUserAsync("alice"), await Spec.NewUserAsync("bob"), await Spec.NewUserAsync("carol"));
        await Spec.PostAsync("/api/v1/key-packages", Batch(LastResort(9)), bob.Token);
        await Spec.PostAsync("/api/v1/key-packages", Batch(LastResort(8)), carol.Token);
        for (var i = 0; i < 10; i++) await SpecClient.ReadAsync<GetKeyPackageResponse>(await Spec.GetAsync($"/api/v1/key-packages/{bob.Guid}", alice.Token));

        await SpecClient.ErrorAsync(await Spec.GetAsync($"/api/v1/key-packages/{bob.Guid}", alice.Token), HttpStatusCode.TooManyRequests);
        var carols = await SpecClient.ReadAsync<GetKeyPackageResponse>(await Spec.GetAsync($"/api/v1/key-packages/{carol.Guid}", alice.Token));
        Assert.Equal(8, carols.KeyPackageData[4]);
    }

    [Fact]
    public async Task Fetches_that_find_nothing_do_not_count_toward_the_limit()
    {
        var (alice, bob) = (await Spec.NewUserAsync("alice"), await Spec.NewUserAsync("bob"));
        for (var i = 0; i < 12; i++) await AssertNoPackageAsync(await Spec.GetAsync($"/api/v1/key-packages/{bob.Guid}", alice.Token));

        await Spec.PostAsync("/api/v1/key-packages", Batch(LastResort(9)), bob.Token);

        var served = await SpecClient.ReadAsync<GetKeyPackageResponse>(await Spec.GetAsync($"/api/v1/key-packages/{bob.Guid}", alice.Token));
        Assert.Equal(9, served.KeyPackageData[4]);
    }

    private static Task AssertNoPackageAsync(HttpResponseMessage response) =>
        SpecClient.AssertErrorAsync(response, HttpStatusCode.NotFound, ErrorCode.ResourceNotFound, "no key package available for this user");

    // Read in the server's own store: fetching would itself be refused by the limit.
    private async Task AssertStillStoredAsync(TestUser user, params int[] regular)
    {
        await using var scope = fixture.Server.Services.CreateAsyncScope();
        var store = await scope.ServiceProvider.GetRequiredService<IKeyPackageRepository>().GetAsync(new UserId(user.Guid), default);
        Assert.Equal(regular, store.Regular.Select(p => (int)p.Data[4]));
    }
}
