using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Conclave.Api.IntegrationTests.Support;
using Conclave.Server.V1;
using Conclave.V1;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace Conclave.Api.IntegrationTests.Secrets;

// Security review (issue 30) finding 4: a pipeline behaviour registered for every request type (as a plugin's can be)
// printed each request and its answer, and a LoginCommand printed its password. On the real server, over the
// three surfaces, no request or answer prints a password, a token or the registration token.
public sealed class RequestStringFormTests
{
    private const string RegistrationToken = "regtoken-PRINTED-5d2b";
    private const string Password = "password-PRINTED-1";
    private const string NewPassword = "password-PRINTED-2";

    [Fact]
    public async Task Requests_and_answers_print_no_secret_on_any_surface()
    {
        var printed = new ConcurrentQueue<string>();
        await using var server = await TestServer.StartAsync(c => c with { RegistrationEnabled = false, RegistrationToken = RegistrationToken },
            builder => builder.Services.AddSingleton(printed).AddScoped(typeof(IPipelineBehavior<,>), typeof(PrintingBehaviour<,>)));
        var username = AccountCalls.UniqueName("printed");
        var secrets = new List<string> { RegistrationToken, Password, NewPassword };

        using var registered = await server.Spec.RegisterRawAsync(new RegisterRequest { Username = username, Password = Password, RegistrationToken = RegistrationToken });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var overHttp = await server.Spec.LoginAsync(username, Password);
        using var json = await server.Http.PostAsJsonAsync("/api/v1/login", new { username, password = Password });
        var overGrpc = await new Accounts.AccountsClient(server.Channel).LoginAsync(new LoginRequest { Username = username, Password = Password });
        secrets.AddRange([overHttp.Token, overGrpc.Token, (await json.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("token").GetString()!]);
        await server.Spec.ChangePasswordAsync(overHttp.Token, Password, NewPassword);
        var again = await server.Spec.LoginAsync(username, NewPassword);
        secrets.Add(again.Token);
        using var logout = await server.Spec.LogoutAsync(again.Token);
        var last = await server.Spec.LoginAsync(username, NewPassword);
        using var deleted = await server.Spec.DeleteAccountAsync(last.Token, NewPassword);
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);

        Assert.Contains(printed, line => line.StartsWith("LoginCommand { Username = " + username + ", Password = *** }", StringComparison.Ordinal));
        Assert.Contains(printed, line => line.StartsWith("LoginResult { Token = ***, ", StringComparison.Ordinal));
        Assert.Contains(printed, line => line.StartsWith("DeleteAccountCommand {", StringComparison.Ordinal));
        var leaks = printed.Where(line => secrets.Any(secret => line.Contains(secret, StringComparison.OrdinalIgnoreCase))).ToList();
        Assert.True(leaks.Count == 0, string.Join("\n", leaks));
    }

    // What the review's plugin did: print every request and every answer.
    private sealed class PrintingBehaviour<TRequest, TResponse>(ConcurrentQueue<string> printed) : IPipelineBehavior<TRequest, TResponse>
    {
        public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
        {
            printed.Enqueue($"{request}");
            var response = await next();
            printed.Enqueue($"{response}");
            return response;
        }
    }
}
