using Conclave.Api.IntegrationTests.Support;

namespace Conclave.Api.IntegrationTests.Reliability;

/// <summary>
/// The users and groups of the crash run, made in the first life: senders in shared groups, inviters each with a
/// few users they invite again and again (into a new group each time), and a churner that creates and deletes groups.
/// </summary>
public sealed record CrashCast(
    IReadOnlyList<(TestUser Sender, TestGroup Group)> Senders,
    IReadOnlyList<(TestUser Inviter, IReadOnlyList<TestUser> Invitees)> Inviters,
    TestUser Churner, TestUser ChurnMember)
{
    public IEnumerable<TestGroup> Groups => Senders.Select(s => s.Group).DistinctBy(g => g.Id);

    public static async Task<CrashCast> CreateAsync(SpecClient spec, int inviteesPerInviter)
    {
        var admins = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => spec.NewUserAsync("admin")));
        var groups = await Task.WhenAll(admins.Select(admin => spec.CreateGroupAsync(admin)));
        var senders = new List<(TestUser, TestGroup)>();
        foreach (var group in groups)
        {
            var members = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => spec.NewUserAsync("sender")));
            await spec.WithMembersAsync(group, members);
            senders.AddRange(members.Append(group.Owner).Select(member => (member, group)));
        }
        var inviters = new List<(TestUser, IReadOnlyList<TestUser>)>();
        foreach (var admin in admins)
            inviters.Add((admin, await Task.WhenAll(Enumerable.Range(0, inviteesPerInviter).Select(_ => spec.NewUserAsync("invitee")))));
        return new CrashCast(senders, inviters, await spec.NewUserAsync("churner"), await spec.NewUserAsync("churnmember"));
    }
}
