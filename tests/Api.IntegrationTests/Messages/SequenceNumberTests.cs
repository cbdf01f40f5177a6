using Conclave.Api.IntegrationTests.Support;
using Conclave.V1;

namespace Conclave.Api.IntegrationTests.Messages;

// CLARIFICATIONS §7.2 and decision 1: a per-group counter, bumped in the sender's transaction, never reused.
public sealed class SequenceNumberTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private SpecClient Spec => fixture.Server.Spec;

    [Fact]
    public async Task Parallel_senders_get_exactly_one_to_n_without_gaps_or_duplicates()
    {
        const int senders = 40;
        var alice = await Spec.NewUserAsync("alice");
        var members = await Task.WhenAll(Enumerable.Range(0, senders - 1).Select(_ => Spec.NewUserAsync("m")));
        var group = await Spec.WithMembersAsync(await Spec.CreateGroupAsync(alice), members);

        var numbers = await Task.WhenAll(members.Append(alice).Select((sender, i) => Spec.SendAsync(group, sender, [(byte)i])));

        Assert.Equal(Enumerable.Range(1, senders).Select(n => (long)n), numbers.Order());
        var stored = await Spec.FetchAsync(group, alice);
        Assert.Equal(Enumerable.Range(1, senders).Select(n => (ulong)n), stored.Select(m => m.SequenceNum));
    }

    [Fact]
    public async Task Numbers_are_per_group()
    {
        var alice = await Spec.NewUserAsync("alice");
        var first = await Spec.CreateGroupAsync(alice);
        var second = await Spec.CreateGroupAsync(alice);
        await Spec.SendAsync(first, alice, [1]);
        await Spec.SendAsync(first, alice, [2]);
        Assert.Equal(1, await Spec.SendAsync(second, alice, [3]));
    }

    [Fact]
    public async Task Commits_and_messages_share_the_sequence()
    {
        var alice = await Spec.NewUserAsync("alice");
        var group = await Spec.CreateGroupAsync(alice);
        await Spec.SendAsync(group, alice, [1]);
        await Spec.PostAsync(group.Path("/commit"), new UploadCommitRequest { CommitMessage = GroupSteps.Bytes(2) }, alice.Token).OkAsync();
        Assert.Equal(3, await Spec.SendAsync(group, alice, [3]));
    }

    [Fact]
    public async Task The_number_of_a_deleted_newest_message_is_not_handed_out_again() // decision 1; the reference reuses it (C41)
    {
        var alice = await Spec.NewUserAsync("alice");
        var bob = await Spec.NewUserAsync("bob");
        var group = await Spec.WithMembersAsync(await Spec.CreateGroupAsync(alice), bob);
        await Spec.SendAsync(group, alice, [1]);
        await Spec.SendAsync(group, bob, [2]);
        await Spec.PostAsync("/api/v1/delete-account", new DeleteAccountRequest { Password = "password123" }, bob.Token).OkAsync(); // deletes message 2

        Assert.Equal([1UL], (await Spec.FetchAsync(group, alice)).Select(m => m.SequenceNum));
        Assert.Equal(3, await Spec.SendAsync(group, alice, [3]));
    }
}
