namespace Conclave.Domain.Common;

/// <summary>A rule of the protocol refused the request; the message is safe to show to the client.</summary>
public sealed class DomainException(DomainError error, string message) : Exception(message)
{
    public DomainError Error { get; } = error;

    public static DomainException NotMember() => new(DomainError.NotMember, "not a member of this group");

    public static DomainException NotAdmin(string message) => new(DomainError.NotAdmin, message);

    public static DomainException UserNotFound() => new(DomainError.NotFound, "user not found");
}
