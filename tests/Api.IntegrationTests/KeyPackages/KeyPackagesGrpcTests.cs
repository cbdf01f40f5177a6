using System.Globalization;
using Conclave.Api.IntegrationTests.Support;
using Conclave.Server.V1;
using Conclave.V1;
using Grpc.Core;
using static Conclave.Api.IntegrationTests.KeyPackages.KeyPackageBytes;
using KeyPackagesClient = Conclave.Server.V1.KeyPackages.KeyPackagesClient;

namespace Conclave.Api.IntegrationTests.KeyPackages;

// The key-package RPCs over gRPC: the same use cases, refusals as status + conclave-error-code trailer + ErrorResponse details.
public sealed class KeyPackagesGrpcTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private KeyPackagesClient Client => new(fixture.Server.Channel);

    [Fact]
    public async Task Uploads_and_fetches_a_package()
    {
        var (alice, bob) = (await fixture.Server.Spec.NewUserAsync("alice"), await fixture.Server.Spec.NewUserAsync("bob"));
        await Client.UploadKeyPackagesAsync(Batch(Regular(1), LastResort(9)), Auth(bob));

        var first = await Client.GetKeyPackageAsync(new GetKeyPackageRequest { UserId = bob.Guid.ToString() }, Auth(alice));
        var second = await Client.GetKeyPackageAsync(new GetKeyPackageRequest { UserId = bob.Guid.ToString() }, Auth(alice));

        Assert.Equal(Valid(1), first.KeyPackageData);
        Assert.Equal(Valid(9), second.KeyPackageData);
    }

    [Fact]
    public async Task A_bad_package_is_refused_with_its_code()
    {
        var bob = await fixture.Server.Spec.NewUserAsync("bob");

        var refusal = await Assert.ThrowsAsync<RpcException>(() =>
            Client.UploadKeyPackagesAsync(new UploadKeyPackageRequest(), Auth(bob)).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, refusal.StatusCode);
        Assert.Equal("key_package_data is required", refusal.Status.Detail);
        Assert.Equal(((int)ErrorCode.InputBadRequest).ToString(CultureInfo.InvariantCulture), refusal.Trailers.GetValue("conclave-error-code"));
    }

    [Fact]
    public async Task The_eleventh_fetch_within_a_minute_is_resource_exhausted()
    {
        var (alice, bob) = (await fixture.Server.Spec.NewUserAsync("alice"), await fixture.Server.Spec.NewUserAsync("bob"));
        await Client.UploadKeyPackagesAsync(Batch(LastResort(9)), Auth(bob));
        var request = new GetKeyPackageRequest { UserId = bob.Guid.ToString() };
        for (var i = 0; i < 10; i++) await Client.GetKeyPackageAsync(request, Auth(alice));

        var refusal = await Assert.ThrowsAsync<RpcException>(() => Client.GetKeyPackageAsync(request, Auth(alice)).ResponseAsync);

        Assert.Equal(StatusCode.ResourceExhausted, refusal.StatusCode);
        Assert.Equal("rate limit exceeded: at most 10 key packages per minute for this user", refusal.Status.Detail);
        Assert.Equal("0", refusal.Trailers.GetValue("conclave-error-code"));
    }

    [Fact]
    public async Task An_unknown_user_has_no_package()
    {
        var alice = await fixture.Server.Spec.NewUserAsync("alice");

        var refusal = await Assert.ThrowsAsync<RpcException>(() =>
            Client.GetKeyPackageAsync(new GetKeyPackageRequest { UserId = Guid.NewGuid().ToString() }, Auth(alice)).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, refusal.StatusCode);
        Assert.Equal(((int)ErrorCode.ResourceNotFound).ToString(CultureInfo.InvariantCulture), refusal.Trailers.GetValue("conclave-error-code"));
    }

    private static Metadata Auth(TestUser user) => new() { { "Authorization", $"Bearer {user.Token}" } };
}
