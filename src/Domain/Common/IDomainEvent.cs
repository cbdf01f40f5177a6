namespace Conclave.Domain.Common;

/// <summary>A fact about a state change, published to notification handlers after the change commits.</summary>
public interface IDomainEvent;
