using Conclave.Domain.Common;

namespace Conclave.Application.Welcomes;

public sealed record PendingWelcomeDto(WelcomeId WelcomeId, GroupId GroupId, string GroupAlias, byte[] WelcomeMessage);
