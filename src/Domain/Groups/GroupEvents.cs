using Conclave.Domain.Common;

namespace Conclave.Domain.Groups;

public sealed record GroupCreated(GroupId GroupId, UserId Creator, string Name) : IDomainEvent;
