namespace Conclave.Plugins.Abstractions.Policies;

/// <summary>
/// Thrown by a plugin's pipeline behaviour to refuse a request before its handler runs; nothing it would have written
/// is kept. The client gets an <c>ErrorResponse</c> with <paramref name="message"/> and the status and code of
/// <paramref name="kind"/>. Any other exception from a plugin is answered as 500 "internal server error".
/// </summary>
/// <param name="kind">Which status and <c>ErrorCode</c> answer the refusal.</param>
/// <param name="message">Shown to the client as the ErrorResponse message: say why, reveal nothing private.</param>
public sealed class PolicyRejectedException(PolicyRejection kind, string message) : Exception(message)
{
    /// <summary>Which status and <c>ErrorCode</c> answer the refusal.</summary>
    public PolicyRejection Kind { get; } = kind;
}
