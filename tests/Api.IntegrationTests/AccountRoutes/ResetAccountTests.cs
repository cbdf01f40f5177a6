using System.Net;
using Conclave.Api.IntegrationTests.Support;
using Conclave.Domain.Common;
using Conclave.Domain.KeyPackages;
using Conclave.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Conclave.Api.IntegrationTests.AccountRoutes;

// CLARIFICATIONS R7 and checklist 39 (reset-account deletes no session), 61.
public sealed class ResetAccountTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private SpecClient Spec => fixture.Server.Spec;

    [Fact]
    public async Task Reset_answers_200_with_an_empty_message_and_keeps_sessions_and_profile()
    {
        var alice = await Spec.NewUserAsync();
        await Spec.UpdateProfileAsync(alice.Token, "Alice");
        var other = await Spec.LoginAsync(alice.Username);

        using var response = await Spec.PostAsync("/api/v1/reset-account", token: alice.Token);

        await AccountCalls.AssertEmptyProtobufAsync(response);
        var me = await Spec.GetMeAsync(alice.Token);
        Assert.Equal((alice.Username, "Alice"), (me.Username, me.Alias));
        Assert.Equal(alice.Username, (await Spec.GetMeAsync(other.Token)).Username);
    }

    [Fact]
    public async Task Reset_deletes_every_key_package_of_the_caller_and_only_theirs()
    {
        var alice = await Spec.NewUserAsync();
        var bob = await Spec.NewUserAsync();
        // Stored directly: the key-package routes belong to another part of the server.
        await StoreKeyPackagesAsync(new KeyPackage(User(alice), [0, 1, 0, 5], false, 0), new KeyPackage(User(alice), [0, 1, 0, 5], true, 0),
            new KeyPackage(User(bob), [0, 1, 0, 5], false, 0));

        using var response = await Spec.PostAsync("/api/v1/reset-account", token: alice.Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal((0, 1), (await CountKeyPackagesAsync(alice), await CountKeyPackagesAsync(bob)));
    }

    [Fact]
    public async Task Reset_is_idempotent()
    {
        var alice = await Spec.NewUserAsync();

        using var first = await Spec.PostAsync("/api/v1/reset-account", token: alice.Token);
        using var second = await Spec.PostAsync("/api/v1/reset-account", token: alice.Token);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, second.StatusCode));
    }

    private static UserId User(TestUser user) => new(user.Guid);

    private async Task StoreKeyPackagesAsync(params KeyPackage[] packages)
    {
        await using var scope = fixture.Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ConclaveDbContext>();
        db.KeyPackages.AddRange(packages);
        await db.SaveChangesAsync();
    }

    private async Task<int> CountKeyPackagesAsync(TestUser user)
    {
        await using var scope = fixture.Server.Services.CreateAsyncScope();
        var id = User(user);
        return await scope.ServiceProvider.GetRequiredService<ConclaveDbContext>().KeyPackages.CountAsync(k => k.UserId == id);
    }
}
