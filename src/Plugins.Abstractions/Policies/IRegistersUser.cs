namespace Conclave.Plugins.Abstractions.Policies;

/// <summary>A request that creates an account (public registration; the admin CLI's user creation).</summary>
public interface IRegistersUser
{
    /// <summary>The requested username (already checked against the protocol's rules).</summary>
    string Username { get; }
}
