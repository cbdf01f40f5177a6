using System.Net;
using Conclave.Api.IntegrationTests.Support;
using Conclave.V1;

namespace Conclave.Api.IntegrationTests.AccountRoutes;

// CLARIFICATIONS §4.8, C17 and checklist 46-48: the gate comes before any field is looked at.
public sealed class ClosedRegistrationTests
{
    [Fact]
    public async Task Without_a_token_every_registration_is_forbidden_even_an_empty_one()
    {
        await using var server = await TestServer.StartAsync(c => c with { RegistrationEnabled = false });

        using var empty = await server.Spec.PostAsync("/api/v1/register");
        using var valid = await server.Spec.RegisterRawAsync(new RegisterRequest { Username = "alice", Password = "password123", RegistrationToken = "x" });

        await SpecClient.AssertErrorAsync(empty, HttpStatusCode.Forbidden, ErrorCode.ResourceForbidden, "registration is disabled");
        await SpecClient.AssertErrorAsync(valid, HttpStatusCode.Forbidden, ErrorCode.ResourceForbidden, "registration is disabled");
    }

    [Fact]
    public async Task With_a_token_only_the_exact_token_opens_registration()
    {
        await using var server = await TestServer.StartAsync(c => c with { RegistrationEnabled = false, RegistrationToken = "Invite-Code_42" });

        foreach (var wrong in new[] { "", "invite-code_42", "Invite-Code_4", "Invite-Code_421" })
        {
            using var refused = await server.Spec.RegisterRawAsync(new RegisterRequest { Username = "alice", Password = "password123", RegistrationToken = wrong });
            await SpecClient.AssertErrorAsync(refused, HttpStatusCode.Forbidden, ErrorCode.ResourceForbidden, "invalid registration token");
        }
        using var emptyBody = await server.Spec.PostAsync("/api/v1/register");
        await SpecClient.AssertErrorAsync(emptyBody, HttpStatusCode.Forbidden, ErrorCode.ResourceForbidden, "invalid registration token");

        using var admitted = await server.Spec.RegisterRawAsync(new RegisterRequest { Username = "alice", Password = "password123", RegistrationToken = "Invite-Code_42" });
        Assert.Equal(HttpStatusCode.Created, admitted.StatusCode);
    }

    [Fact]
    public async Task The_right_token_lets_the_field_rules_run()
    {
        await using var server = await TestServer.StartAsync(c => c with { RegistrationEnabled = false, RegistrationToken = "code" });

        using var response = await server.Spec.RegisterRawAsync(new RegisterRequest { Username = "_bad", Password = "password123", RegistrationToken = "code" });

        await SpecClient.AssertErrorAsync(response, HttpStatusCode.BadRequest, ErrorCode.InputValidation,
            "username must start with a letter or digit and contain only ASCII letters, digits, and underscores");
    }

    [Fact]
    public async Task A_configured_token_is_ignored_while_registration_is_open()
    {
        await using var server = await TestServer.StartAsync(c => c with { RegistrationEnabled = true, RegistrationToken = "code" });

        using var response = await server.Spec.RegisterRawAsync(new RegisterRequest { Username = "alice", Password = "password123", RegistrationToken = "wrong" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }
}
