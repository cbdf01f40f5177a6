using Conclave.ApiReference;
using Conclave.Server.V1;
using Conclave.V1;

namespace Conclave.Api.IntegrationTests.Authorization;

// What the protos declare about access (http_options.proto, and so docs/api.md) against the authorization matrix
// that AccessMatrixTests checks on the real server: anonymity, the caller's role, and every refusal in the table.
public sealed class DeclaredAccessTests
{
    public static TheoryData<string> Routes() => [.. AccessMatrix.Rows.Select(row => row.Route)];

    [Theory]
    [MemberData(nameof(Routes))]
    public void The_proto_declares_what_the_matrix_expects(string route)
    {
        var row = AccessMatrix.Rows.Single(r => r.Route == route);
        var facts = ApiFacts.Of(route);

        Assert.Equal(row.Anonymous, facts.Route.Anonymous);
        Assert.Equal(RoleShownBy(row), facts.Role);
        var undeclared = Enum.GetValues<Identity>()
            .Select(identity => (Identity: identity, Outcome: row.Expected(identity)))
            .Where(cell => !cell.Outcome.IsSuccess && !facts.Errors.Any(e => e.Matches((int)cell.Outcome.Status, cell.Outcome.Code, cell.Outcome.Message!)))
            .Select(cell => $"{cell.Identity}: {cell.Outcome}")
            .ToList();
        Assert.True(undeclared.Count == 0, $"{route}: refusals the matrix expects but the proto does not declare in (errors):\n" + string.Join("\n", undeclared));
    }

    // The role the matrix implies: who of non-member, member, admin and banned user passes the access check.
    private static CallerRole RoleShownBy(AccessRow row)
    {
        bool Refused(Outcome outcome, ErrorCode code) => outcome.Code == code && !outcome.IsSuccess;
        if (Refused(row.NonMember, ErrorCode.GroupNotAdmin) && Refused(row.Member, ErrorCode.GroupNotAdmin) && Refused(row.Banned, ErrorCode.GroupNotAdmin)
            && !Refused(row.Admin, ErrorCode.GroupNotAdmin))
            return CallerRole.GroupAdmin;
        if (Refused(row.NonMember, ErrorCode.GroupNotMember) && Refused(row.Banned, ErrorCode.GroupNotMember)
            && !Refused(row.Member, ErrorCode.GroupNotMember) && !Refused(row.Admin, ErrorCode.GroupNotMember))
            return CallerRole.GroupMember;
        // Invites and welcomes: the scene addresses them to the non-member; everyone else is refused.
        if (row.NonMember.IsSuccess && new[] { row.Member, row.Admin, row.Banned }.All(o => Refused(o, ErrorCode.GroupNotMember)))
            return CallerRole.Invitee;
        if (row.NonMember.IsSuccess && new[] { row.Member, row.Admin, row.Banned }.All(o => Refused(o, ErrorCode.ResourceNotFound)))
            return CallerRole.WelcomeRecipient;
        return CallerRole.AnyUser;
    }
}
