using System.Net;
using Conclave.Api.IntegrationTests.Support;
using Conclave.V1;
using Google.Protobuf;
using static Conclave.Api.IntegrationTests.KeyPackages.KeyPackageBytes;

namespace Conclave.Api.IntegrationTests.KeyPackages;

// POST /api/v1/key-packages over HTTP/protobuf: CLARIFICATIONS R11, checklist items 64-73 and 77, decisions 3 and 12.
public sealed class UploadKeyPackagesTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private const string Path = "/api/v1/key-packages";
    private const string Fingerprint = "0123456789ABCDEF0123456789abcdef0123456789ABCDEF0123456789abcdef"; // either case, kept as sent
    private SpecClient Spec => fixture.Server.Spec;

    [Fact]
    public async Task A_batch_is_stored_and_handed_out_oldest_first_then_the_last_resort_package_is_kept()
    {
        var bob = await Spec.NewUserAsync("bob");
        await SpecClient.ReadAsync<UploadKeyPackageResponse>(await Spec.PostAsync(Path, Batch(Regular(1), LastResort(9), Regular(2)), bob.Token));

        var served = new List<int>();
        for (var i = 0; i < 4; i++) served.Add(await FetchAsync(bob));

        Assert.Equal([1, 2, 9, 9], served);
    }

    [Fact]
    public async Task Batch_mode_wins_and_ignores_the_legacy_field()
    {
        var bob = await Spec.NewUserAsync("bob");
        var request = Batch(Regular(1));
        request.KeyPackageData = Valid(7);

        await SpecClient.ReadAsync<UploadKeyPackageResponse>(await Spec.PostAsync(Path, request, bob.Token));

        Assert.Equal(1, await FetchAsync(bob));
        await AssertNoPackageAsync(bob);
    }

    [Fact]
    public async Task The_legacy_field_stores_one_regular_package()
    {
        var bob = await Spec.NewUserAsync("bob");

        await SpecClient.ReadAsync<UploadKeyPackageResponse>(await Spec.PostAsync(Path, new UploadKeyPackageRequest { KeyPackageData = Valid(7) }, bob.Token));

        Assert.Equal(7, await FetchAsync(bob));
        await AssertNoPackageAsync(bob);
    }

    [Fact]
    public async Task An_empty_body_is_refused()
    {
        var bob = await Spec.NewUserAsync("bob");

        var response = await Spec.SendAsync(HttpMethod.Post, Path, token: bob.Token, rawBody: []);

        await SpecClient.AssertErrorAsync(response, HttpStatusCode.BadRequest, ErrorCode.InputBadRequest, "key_package_data is required");
    }

    [Fact]
    public async Task Without_a_token_the_upload_is_unauthorized()
    {
        var response = await Spec.PostAsync(Path, Batch(Regular(1)));

        await SpecClient.AssertErrorAsync(response, HttpStatusCode.Unauthorized, ErrorCode.AuthHeaderMissing);
    }

    [Fact]
    public async Task Exactly_16_KiB_is_accepted()
    {
        var bob = await Spec.NewUserAsync("bob");
        var package = Valid(3, length: 16_384);

        await SpecClient.ReadAsync<UploadKeyPackageResponse>(await Spec.PostAsync(Path, Batch(new KeyPackageEntry { Data = package }), bob.Token));

        var fetched = await SpecClient.ReadAsync<GetKeyPackageResponse>(await Spec.GetAsync($"{Path}/{bob.Guid}", bob.Token));
        Assert.Equal(package, fetched.KeyPackageData);
    }

    public static TheoryData<ByteString, string> InvalidPackages => new()
    {
        { ByteString.Empty, "key package data is required" },
        { Valid(length: 16_385), "key_package_data must be 16 KiB or smaller" },
        { ByteString.CopyFrom(0x00, 0x01, 0x00), "key package too short to be a valid MLS message" },
        { ByteString.CopyFrom(0x00, 0x02, 0x00, 0x05), "unsupported MLS version 2, expected 1" },
        { ByteString.CopyFrom(0x00, 0x01, 0x00, 0x01), "expected MLS wire format mls_key_package (5), got 1" },
    };

    [Theory]
    [MemberData(nameof(InvalidPackages))]
    public async Task A_batch_with_one_bad_package_is_refused_and_stores_nothing(ByteString bad, string message)
    {
        var bob = await Spec.NewUserAsync("bob");
        var request = Batch(Regular(1), new KeyPackageEntry { Data = bad }, LastResort(9));
        request.SigningKeyFingerprint = new string('a', 64);

        var response = await Spec.PostAsync(Path, request, bob.Token);

        await SpecClient.AssertErrorAsync(response, HttpStatusCode.BadRequest, ErrorCode.InputBadRequest, message);
        await AssertNoPackageAsync(bob);
        Assert.Equal("", (await MeAsync(bob)).SigningKeyFingerprint);
    }

    [Fact]
    public async Task Beyond_ten_regular_packages_the_oldest_are_evicted()
    {
        var bob = await Spec.NewUserAsync("bob");
        await Spec.PostAsync(Path, Batch([.. Enumerable.Range(1, 8).Select(n => Regular((byte)n))]), bob.Token);
        await SpecClient.ReadAsync<UploadKeyPackageResponse>(
            await Spec.PostAsync(Path, Batch([.. Enumerable.Range(9, 4).Select(n => Regular((byte)n))]), bob.Token));

        var served = new List<int>();
        for (var i = 0; i < 10; i++) served.Add(await FetchAsync(bob));

        Assert.Equal(Enumerable.Range(3, 10), served); // an eleventh fetch would meet the rate limit
    }

    [Fact]
    public async Task The_fingerprint_is_replaced_verbatim_and_an_empty_one_keeps_it()
    {
        var bob = await Spec.NewUserAsync("bob");
        var first = Batch(Regular(1));
        first.SigningKeyFingerprint = Fingerprint;
        await SpecClient.ReadAsync<UploadKeyPackageResponse>(await Spec.PostAsync(Path, first, bob.Token));
        await SpecClient.ReadAsync<UploadKeyPackageResponse>(await Spec.PostAsync(Path, Batch(Regular(2)), bob.Token));

        Assert.Equal(Fingerprint, (await MeAsync(bob)).SigningKeyFingerprint);
    }

    private async Task<int> FetchAsync(TestUser user)
    {
        var response = await SpecClient.ReadAsync<GetKeyPackageResponse>(await Spec.GetAsync($"{Path}/{user.Guid}", user.Token));
        return response.KeyPackageData[4];
    }

    private async Task AssertNoPackageAsync(TestUser user) =>
        await SpecClient.AssertErrorAsync(await Spec.GetAsync($"{Path}/{user.Guid}", user.Token),
            HttpStatusCode.NotFound, ErrorCode.ResourceNotFound, "no key package available for this user");

    private async Task<UserInfoResponse> MeAsync(TestUser user) =>
        await SpecClient.ReadAsync<UserInfoResponse>(await Spec.GetAsync("/api/v1/me", user.Token));
}
