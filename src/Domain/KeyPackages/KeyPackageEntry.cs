namespace Conclave.Domain.KeyPackages;

/// <summary>One package of an upload as the client sent it, not yet validated.</summary>
public sealed record KeyPackageEntry(byte[] Data, bool IsLastResort);
