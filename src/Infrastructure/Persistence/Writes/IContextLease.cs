namespace Conclave.Infrastructure.Persistence.Writes;

/// <summary>A scope's one context, shared by its repositories and its unit of work, leased by the engine at its first use.</summary>
internal interface IContextLease
{
    /// <summary>The scope's context, leased now if it has none yet.</summary>
    ConclaveDbContext Context { get; }

    /// <summary>The context, if this scope has used one.</summary>
    ConclaveDbContext? Leased { get; }
}
