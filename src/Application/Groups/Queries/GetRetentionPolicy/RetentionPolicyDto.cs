namespace Conclave.Application.Groups.Queries.GetRetentionPolicy;

/// <summary>The two raw values; clients work out the effective one (CLARIFICATIONS §7.6).</summary>
public sealed record RetentionPolicyDto(long ServerRetentionSeconds, long GroupExpirySeconds);
