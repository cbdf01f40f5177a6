namespace Conclave.Plugins.Abstractions.Policies;

/// <summary>A request that creates a group.</summary>
public interface ICreatesGroup
{
    /// <summary>The user creating the group (its first admin).</summary>
    Guid ActorId { get; }

    /// <summary>The requested group name (already checked against the protocol's rules).</summary>
    string GroupName { get; }
}
