namespace Conclave.Api.IntegrationTests.Authorization;

/// <summary>What a row's call needs besides the group: a pending invite for the non-member, or their welcome.</summary>
public enum SceneNeeds
{
    Group,
    InviteForNonMember,
    WelcomeForNonMember,
}
