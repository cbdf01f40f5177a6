using System.Net;
using Conclave.Api.IntegrationTests.Support;
using Conclave.V1;
using Google.Protobuf;

namespace Conclave.Api.IntegrationTests.Reliability;

// Concurrent requests that compete for one thing: exactly one wins, the others get the spec's refusal, never a 5xx,
// and what is stored afterwards is consistent (CLARIFICATIONS §2.7, §5.3, decision 12). Each race runs
// RaceSettings.Rounds times on a fresh set-up.
public sealed class RaceTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private TestServer Server => fixture.Server;
    private SpecClient Spec => fixture.Server.Spec;

    [Fact]
    public async Task Parallel_accepts_of_one_invite_admit_the_invitee_exactly_once()
    {
        for (var round = 0; round < RaceSettings.Rounds; round++)
        {
            var (admin, invitee) = (await Spec.NewUserAsync("admin"), await Spec.NewUserAsync("invitee"));
            var group = await Spec.CreateGroupAsync(admin);
            await Spec.EscrowAsync(group, admin, invitee);
            var path = InviteSteps.InvitePath(await Spec.InviteForAsync(group, invitee), "accept");

            var responses = await RaceSettings.AllAtOnceAsync(12, _ => Spec.PostAsync(path, token: invitee.Token));

            Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
            await AssertAllRefusedAsync(responses, HttpStatusCode.NotFound, ErrorCode.ResourceNotFound, "invite not found", "pending invite not found");
            Assert.Equal(2, (await Spec.ListedAsync(group, admin)).Members.Count);
            Assert.Single(await Spec.WelcomesAsync(invitee));
            Assert.Single(await Spec.FetchAsync(group, admin)); // the escrowed commit, stored once
            Assert.Equal(0, await Server.CountAsync("pending_invites", group));
        }
    }

    [Fact]
    public async Task Parallel_escrows_for_one_invitee_leave_exactly_one_pending_invite()
    {
        for (var round = 0; round < RaceSettings.Rounds; round++)
        {
            var admins = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Spec.NewUserAsync("admin")));
            var invitee = await Spec.NewUserAsync("invitee");
            var group = await Spec.CreateGroupAsync(admins[0]);
            await Spec.WithMembersAsync(group, admins[1..]);
            foreach (var admin in admins[1..])
                await Spec.PostAsync(group.Path("/promote"), new PromoteMemberRequest { UserId = admin.Id }, admins[0].Token).OkAsync();

            var responses = await RaceSettings.AllAtOnceAsync(12, i =>
                Spec.PostAsync(group.Path("/escrow-invite"), InviteSteps.Escrow(invitee), admins[i % admins.Length].Token));

            Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
            await AssertAllRefusedAsync(responses, HttpStatusCode.Conflict, ErrorCode.ResourceConflict, "a pending invite already exists for this user and group");
            Assert.Single(await Spec.PendingInvitesAsync(invitee));
            Assert.Equal(1, await Server.CountAsync("pending_invites", group));
        }
    }

    [Fact]
    public async Task Admins_demoting_each_other_at_once_never_leave_the_group_without_an_admin()
    {
        for (var round = 0; round < RaceSettings.Rounds; round++)
        {
            var admins = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => Spec.NewUserAsync("admin")));
            var group = await Spec.CreateGroupAsync(admins[0]);
            await Spec.WithMembersAsync(group, admins[1..]);
            foreach (var admin in admins[1..])
                await Spec.PostAsync(group.Path("/promote"), new PromoteMemberRequest { UserId = admin.Id }, admins[0].Token).OkAsync();

            // Every admin demotes itself and its neighbour: ten demotes for five admins.
            var responses = await RaceSettings.AllAtOnceAsync(10, i => Spec.PostAsync(group.Path("/demote"),
                new DemoteMemberRequest { UserId = admins[(i / 2 + i % 2) % admins.Length].Id }, admins[i / 2].Token));

            Assert.Equal(4, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
            foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.OK))
            {
                var error = await SpecClient.ErrorAsync(refused, refused.StatusCode);
                Assert.True(error.Message is "cannot demote the last admin" or "user is not an admin" or "only group admins can demote members", error.Message);
            }
            var members = (await Spec.ListedAsync(group, admins[0])).Members;
            Assert.Single(members, m => m.Role == GroupRole.Admin);
            Assert.Equal(5, members.Count);
        }
    }

    [Fact]
    public async Task Parallel_fetches_and_invites_beyond_the_supply_hand_out_each_key_package_once()
    {
        for (var round = 0; round < RaceSettings.Rounds; round++)
        {
            var target = await Spec.NewUserAsync("target");
            var supply = Enumerable.Range(0, 5).Select(i => new KeyPackageEntry { Data = ByteString.CopyFrom(0, 1, 0, 5, (byte)round, (byte)i) }).ToList();
            await Spec.PostAsync("/api/v1/key-packages", new UploadKeyPackageRequest { Entries = { supply } }, target.Token).OkAsync();
            var fetchers = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Spec.NewUserAsync("fetcher")));
            var groups = await Task.WhenAll(fetchers.Select(f => Spec.CreateGroupAsync(f)));

            // Ten consumptions (the per-target rate limit) for five packages: six fetches and four invites.
            var responses = await RaceSettings.AllAtOnceAsync(10, i => i < 6
                ? Spec.GetAsync($"/api/v1/key-packages/{target.Guid}", fetchers[i % 3].Token)
                : Spec.PostAsync(groups[i % 3].Path("/invite"), new InviteToGroupRequest { UserIds = { target.Id } }, fetchers[i % 3].Token));

            var handedOut = new List<ByteString>();
            foreach (var response in responses.Where(r => r.StatusCode == HttpStatusCode.OK))
            {
                var bytes = await response.Content.ReadAsByteArrayAsync();
                handedOut.Add(response.RequestMessage!.Method == HttpMethod.Get
                    ? GetKeyPackageResponse.Parser.ParseFrom(bytes).KeyPackageData
                    : InviteToGroupResponse.Parser.ParseFrom(bytes).MemberKeyPackages.Single().KeyPackageData);
            }
            Assert.Equal(supply.Select(e => e.Data).OrderBy(d => d.ToBase64()), handedOut.OrderBy(d => d.ToBase64()));
            await AssertAllRefusedAsync(responses, HttpStatusCode.NotFound, ErrorCode.ResourceNotFound, "no key package available for this user");
        }
    }

    [Fact]
    public async Task Concurrent_registrations_of_one_name_over_every_surface_make_one_user()
    {
        for (var round = 0; round < RaceSettings.Rounds; round++)
        {
            var username = AccountCalls.UniqueName("race");

            var responses = await RaceSettings.AllAtOnceAsync(24, i => i % 3 == 0
                ? Server.Http.PostAsync("/api/v1/register", System.Net.Http.Json.JsonContent.Create(new { username, password = $"password{i}" }))
                : Spec.RegisterRawAsync(new RegisterRequest { Username = username, Password = $"password{i}" }));

            Assert.Equal(1, responses.Count(r => r.IsSuccessStatusCode));
            Assert.All(responses.Where(r => !r.IsSuccessStatusCode), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
            Assert.Equal(1, await Server.ScalarAsync("SELECT count(*) FROM users WHERE username = $n", ("$n", username)));
        }
    }

    private static async Task AssertAllRefusedAsync(IEnumerable<HttpResponseMessage> responses, HttpStatusCode status, ErrorCode code, params string[] messages)
    {
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.OK))
        {
            var error = await SpecClient.ErrorAsync(refused, status);
            Assert.Equal(code, error.ErrorCode);
            Assert.Contains(error.Message, messages);
        }
    }
}
