using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Conclave.Api.IntegrationTests.Support;
using Conclave.Server.V1;
using Conclave.V1;
using Google.Protobuf;
using Grpc.Core;
using static Conclave.Api.IntegrationTests.KeyPackages.KeyPackageBytes;

namespace Conclave.Api.IntegrationTests.InputBounds;

// CLARIFICATIONS decision 14 (docs/compatibility.md): signing_key_fingerprint is empty or 64 hex characters and
// mls_group_id empty or hex of at most 512 characters, on every surface; anything else is 400 INPUT_BAD_REQUEST and
// stores nothing of the request. Values stored before stay and are served as they are.
public sealed class StoredStringBoundsTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private const string FingerprintRule = "signing_key_fingerprint must be empty or 64 hex characters";
    private const string MlsGroupIdRule = "mls_group_id must be empty or hex of at most 512 characters";
    private static readonly string HugeFingerprint = new('a', 500_000);
    private static readonly string HugeGroupId = new('z', 400_000);

    private TestServer Server => fixture.Server;
    private SpecClient Spec => Server.Spec;

    [Fact]
    public async Task Protobuf_refuses_an_unbounded_fingerprint_and_stores_no_package()
    {
        var bob = await Spec.NewUserAsync("bob");
        var request = Batch(Regular(1));
        request.SigningKeyFingerprint = HugeFingerprint;

        var response = await Spec.PostAsync("/api/v1/key-packages", request, bob.Token);

        await SpecClient.AssertErrorAsync(response, HttpStatusCode.BadRequest, ErrorCode.InputBadRequest, FingerprintRule);
        await AssertUntouchedAsync(bob);
    }

    [Fact]
    public async Task Json_refuses_an_unbounded_fingerprint()
    {
        var bob = await Spec.NewUserAsync("bob");

        using var response = await JsonPostAsync("/api/v1/key-packages", bob,
            new { entries = new[] { new { data = Convert.ToBase64String(Valid(1).ToByteArray()) } }, signingKeyFingerprint = new string('g', 64) });

        await AssertJsonRefusalAsync(response, FingerprintRule);
        await AssertUntouchedAsync(bob);
    }

    [Fact]
    public async Task Grpc_refuses_an_unbounded_fingerprint()
    {
        var bob = await Spec.NewUserAsync("bob");
        var request = Batch(Regular(1));
        request.SigningKeyFingerprint = new string('a', 63);

        var refusal = await Assert.ThrowsAsync<RpcException>(() =>
            new Conclave.Server.V1.KeyPackages.KeyPackagesClient(Server.Channel).UploadKeyPackagesAsync(request, Bearer(bob)).ResponseAsync);

        AssertGrpcRefusal(refusal, FingerprintRule);
        await AssertUntouchedAsync(bob);
    }

    [Fact]
    public async Task A_fingerprint_of_64_hex_characters_is_stored_as_sent()
    {
        var bob = await Spec.NewUserAsync("bob");
        var request = Batch(Regular(1));
        request.SigningKeyFingerprint = "ABCDEF" + new string('0', 52) + "abcdef";

        await Spec.PostAsync("/api/v1/key-packages", request, bob.Token).OkAsync();

        Assert.Equal(request.SigningKeyFingerprint, (await Spec.GetMeAsync(bob.Token)).SigningKeyFingerprint);
    }

    [Fact]
    public async Task Protobuf_refuses_an_unbounded_mls_group_id_in_a_commit_and_stores_nothing()
    {
        var (alice, group) = await GroupAsync();

        var response = await Spec.PostAsync(group.Path("/commit"),
            new UploadCommitRequest { CommitMessage = GroupSteps.Bytes(1), GroupInfo = GroupSteps.Bytes(2), MlsGroupId = HugeGroupId }, alice.Token);

        await SpecClient.AssertErrorAsync(response, HttpStatusCode.BadRequest, ErrorCode.InputBadRequest, MlsGroupIdRule);
        await AssertGroupUntouchedAsync(group, alice);
    }

    [Fact]
    public async Task Json_refuses_an_unbounded_mls_group_id_in_a_commit()
    {
        var (alice, group) = await GroupAsync();

        using var response = await JsonPostAsync(group.Path("/commit"), alice, new { groupInfo = "AQI=", mlsGroupId = new string('a', 513) });

        await AssertJsonRefusalAsync(response, MlsGroupIdRule);
        await AssertGroupUntouchedAsync(group, alice);
    }

    [Fact]
    public async Task Grpc_refuses_an_unbounded_mls_group_id_in_a_commit()
    {
        var (alice, group) = await GroupAsync();
        var call = new UploadCommitCall { GroupId = group.Guid.ToString(), Body = new UploadCommitRequest { GroupInfo = GroupSteps.Bytes(2), MlsGroupId = "not hex" } };

        var refusal = await Assert.ThrowsAsync<RpcException>(() => new Conclave.Server.V1.Messages.MessagesClient(Server.Channel).UploadCommitAsync(call, Bearer(alice)).ResponseAsync);

        AssertGrpcRefusal(refusal, MlsGroupIdRule);
        await AssertGroupUntouchedAsync(group, alice);
    }

    [Fact]
    public async Task An_external_join_with_an_unbounded_mls_group_id_is_refused_and_stores_nothing()
    {
        var (alice, group) = await GroupAsync();
        await Spec.UploadGroupInfoAsync(group, alice);

        var response = await Spec.PostAsync(group.Path("/external-join"),
            new ExternalJoinRequest { CommitMessage = GroupSteps.Bytes(1), MlsGroupId = HugeGroupId }, alice.Token);

        await SpecClient.AssertErrorAsync(response, HttpStatusCode.BadRequest, ErrorCode.InputBadRequest, MlsGroupIdRule);
        Assert.Equal("", (await Spec.ListedAsync(group, alice)).MlsGroupId);
        Assert.Empty(await Spec.FetchAsync(group, alice));
    }

    [Fact]
    public async Task A_non_member_is_refused_as_a_non_member_first()
    {
        var (_, group) = await GroupAsync();
        var mallory = await Spec.NewUserAsync("mallory");

        var response = await Spec.PostAsync(group.Path("/commit"), new UploadCommitRequest { MlsGroupId = HugeGroupId }, mallory.Token);

        await SpecClient.AssertErrorAsync(response, HttpStatusCode.Unauthorized, ErrorCode.GroupNotMember);
    }

    [Fact]
    public async Task Values_stored_before_the_bound_are_kept_and_served()
    {
        var (alice, group) = await GroupAsync();
        var legacyFingerprint = "stored by an older server";
        var legacyGroupId = "not hex, from a reference database";
        await Server.WriteAsAnotherProcessAsync("UPDATE users SET signing_key_fingerprint = $f WHERE username = $n", ("$f", legacyFingerprint), ("$n", alice.Username));
        await Server.WriteAsAnotherProcessAsync("UPDATE groups SET mls_group_id = $m WHERE group_name = $n", ("$m", legacyGroupId), ("$n", group.Name));

        await Spec.PostAsync(group.Path("/commit"), new UploadCommitRequest { MlsGroupId = "abcd" }, alice.Token).OkAsync();

        Assert.Equal(legacyFingerprint, (await Spec.GetMeAsync(alice.Token)).SigningKeyFingerprint);
        var listed = await Spec.ListedAsync(group, alice);
        Assert.Equal(legacyGroupId, listed.MlsGroupId);
        Assert.Equal(legacyFingerprint, listed.Members.Single().SigningKeyFingerprint);
    }

    private async Task<(TestUser Alice, TestGroup Group)> GroupAsync()
    {
        var alice = await Spec.NewUserAsync("alice");
        return (alice, await Spec.CreateGroupAsync(alice));
    }

    private async Task AssertUntouchedAsync(TestUser user)
    {
        Assert.Equal("", (await Spec.GetMeAsync(user.Token)).SigningKeyFingerprint);
        await SpecClient.AssertErrorAsync(await Spec.GetAsync($"/api/v1/key-packages/{user.Guid}", user.Token), HttpStatusCode.NotFound, ErrorCode.ResourceNotFound);
    }

    private async Task AssertGroupUntouchedAsync(TestGroup group, TestUser member)
    {
        Assert.Equal("", (await Spec.ListedAsync(group, member)).MlsGroupId);
        Assert.Empty(await Spec.FetchAsync(group, member));
        Assert.Equal(0, await Server.CountAsync("group_infos", group));
    }

    private async Task<HttpResponseMessage> JsonPostAsync(string path, TestUser user, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("Authorization", $"Bearer {user.Token}");
        return await Server.Http.SendAsync(request);
    }

    private static async Task AssertJsonRefusalAsync(HttpResponseMessage response, string message)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var status = await response.Content.ReadFromJsonAsync<JsonElement>();
        var detail = Assert.Single(status.GetProperty("details").EnumerateArray().ToList());
        Assert.Equal(("ERROR_CODE_INPUT_BAD_REQUEST", message), (detail.GetProperty("errorCode").GetString(), detail.GetProperty("message").GetString()));
    }

    private static void AssertGrpcRefusal(RpcException refusal, string message)
    {
        Assert.Equal((StatusCode.FailedPrecondition, message), (refusal.StatusCode, refusal.Status.Detail));
        Assert.Equal(((int)ErrorCode.InputBadRequest).ToString(CultureInfo.InvariantCulture), refusal.Trailers.GetValue("conclave-error-code"));
    }

    private static Metadata Bearer(TestUser user) => new() { { "Authorization", $"Bearer {user.Token}" } };
}
