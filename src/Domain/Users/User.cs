using Conclave.Domain.Common;
using Conclave.Domain.Groups;

namespace Conclave.Domain.Users;

public sealed class User : AggregateRoot
{
    private User() { } // EF Core

    public UserId Id { get; private set; }
    public string Username { get; private set; } = "";
    public string PasswordHash { get; private set; } = "";
    public string Alias { get; private set; } = "";
    public string SigningKeyFingerprint { get; private set; } = "";
    public long CreatedAt { get; private set; }

    public static User Register(string username, string passwordHash, string alias, long now)
    {
        var user = new User
        {
            Id = UserId.New(),
            Username = username,
            PasswordHash = passwordHash,
            Alias = alias,
            CreatedAt = now,
        };
        user.Raise(new UserRegistered(user.Id, username));
        return user;
    }

    // spec api/accounts.md: an empty alias clears it; the event goes out even when nothing changed (C20, R5).
    public void ChangeAlias(string alias)
    {
        Alias = alias;
        Raise(new ProfileUpdated(Id));
    }

    public void ChangePassword(string passwordHash)
    {
        PasswordHash = passwordHash;
        Raise(new PasswordChanged(Id));
    }

    // Replaced only by a fully successful upload carrying a non-empty fingerprint, verbatim (CLARIFICATIONS §5.4).
    public void ReplaceFingerprint(string fingerprint)
    {
        if (fingerprint.Length > 0) SigningKeyFingerprint = fingerprint;
    }

    public void Reset() => Raise(new AccountReset(Id));

    public void SignOutEverywhere() => Raise(new SignedOutEverywhere(Id));

    /// <summary>
    /// Marks the account deleted, given who is in each group it is in now. Its groups stay as they are without it, even
    /// with no admin or no member left (C34, C38); each group with members left is told who remains (C9).
    /// </summary>
    public void Delete(IReadOnlyList<GroupMembers> groups) =>
        Raise(new AccountDeleted(Id, groups.Select(g => g.Without(Id)).Where(g => g.Members.Count > 0).ToList()));
}
