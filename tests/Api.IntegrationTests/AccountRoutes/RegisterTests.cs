using System.Net;
using Conclave.Api.IntegrationTests.Support;
using Conclave.V1;

namespace Conclave.Api.IntegrationTests.AccountRoutes;

// CLARIFICATIONS R1 and checklist 6, 21, 45, 49-56, 59.
public sealed class RegisterTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private SpecClient Spec => fixture.Server.Spec;

    [Fact]
    public async Task Registration_answers_201_with_a_random_version_4_user_id()
    {
        using var response = await Spec.RegisterRawAsync(new RegisterRequest { Username = AccountCalls.UniqueName("reg"), Password = "password123" });

        var registered = await SpecClient.ReadAsync<RegisterResponse>(response, HttpStatusCode.Created);
        Assert.Equal(SpecClient.Protobuf, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(16, registered.UserId.Length);
        Assert.Equal(0x40, registered.UserId[6] & 0xF0);
        Assert.Equal(0x80, registered.UserId[8] & 0xC0);
    }

    [Fact]
    public async Task The_new_user_has_the_given_alias_and_no_fingerprint()
    {
        var username = AccountCalls.UniqueName("reg");
        var id = await Spec.RegisterAsync(username, alias: "Ålice ✓");
        var login = await Spec.LoginAsync(username);

        var me = await Spec.GetMeAsync(login.Token);

        Assert.Equal(new UserInfoResponse { UserId = id, Username = username, Alias = "Ålice ✓", SigningKeyFingerprint = "" }, me);
    }

    [Fact]
    public async Task An_empty_body_is_a_bad_request_on_an_open_server()
    {
        using var response = await Spec.PostAsync("/api/v1/register");

        await SpecClient.AssertErrorAsync(response, HttpStatusCode.BadRequest, ErrorCode.InputBadRequest, "username and password are required");
    }

    public static TheoryData<string, string, string, ErrorCode, string> Refusals => new()
    {
        { "", "password123", "", ErrorCode.InputBadRequest, "username and password are required" },
        { "alice", "", "", ErrorCode.InputBadRequest, "username and password are required" },
        { new string('a', 65), "", "", ErrorCode.InputBadRequest, "username and password are required" },
        { new string('a', 65), "password123", "", ErrorCode.InputValidation, "username exceeds maximum length of 64 characters" },
        { new string('-', 65), "password123", "", ErrorCode.InputValidation, "username exceeds maximum length of 64 characters" },
        { "_alice", "password123", "", ErrorCode.InputValidation, NameRule },
        { "alice-b", "password123", "", ErrorCode.InputValidation, NameRule },
        { "élise", "password123", "", ErrorCode.InputValidation, NameRule },
        { "alice\n", "password123", "", ErrorCode.InputValidation, NameRule },
        { "_alice", "short", "", ErrorCode.InputValidation, NameRule },
        { "alice", "1234567", "", ErrorCode.InputValidation, "password must be at least 8 characters" },
        { "alice", "ééé", "", ErrorCode.InputValidation, "password must be at least 8 characters" },
        { "alice", "short", new string('a', 65), ErrorCode.InputValidation, "password must be at least 8 characters" },
        { "alice", "password123", new string('a', 65), ErrorCode.InputValidation, "alias exceeds maximum length of 64 characters" },
        { "alice", "password123", new string('名', 22), ErrorCode.InputValidation, "alias exceeds maximum length of 64 characters" },
        { "alice", "password123", "a\tb", ErrorCode.InputValidation, ControlRule },
        { "alice", "password123", "a\nb", ErrorCode.InputValidation, ControlRule },
        { "alice", "password123", "\u007f", ErrorCode.InputValidation, ControlRule },
        { "alice", "password123", "\0", ErrorCode.InputValidation, ControlRule },
    };

    private const string NameRule = "username must start with a letter or digit and contain only ASCII letters, digits, and underscores";
    private const string ControlRule = "alias must not contain ASCII control characters";

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task Each_rule_refuses_with_its_code_and_message(string username, string password, string alias, ErrorCode code, string message)
    {
        using var response = await Spec.RegisterRawAsync(new RegisterRequest { Username = username, Password = password, Alias = alias });

        await SpecClient.AssertErrorAsync(response, HttpStatusCode.BadRequest, code, message);
    }

    [Theory]
    [InlineData("密码密", "")]                                      // 9 bytes: long enough
    [InlineData("password123", "\u0085 c1 control is fine")]
    public async Task Lengths_count_utf8_bytes_and_only_ascii_controls_are_refused(string password, string alias)
    {
        var username = AccountCalls.UniqueName("bytes");
        using var response = await Spec.RegisterRawAsync(new RegisterRequest { Username = username, Password = password, Alias = alias });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(username, (await Spec.LoginAsync(username, password)).Username);
    }

    [Fact]
    public async Task A_username_and_alias_of_exactly_64_bytes_are_accepted()
    {
        var username = AccountCalls.UniqueName("n") + new string('x', 40);
        var alias = new string('名', 21) + "a";

        using var response = await Spec.RegisterRawAsync(new RegisterRequest { Username = username, Password = "password123", Alias = alias });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(alias, (await Spec.GetMeAsync((await Spec.LoginAsync(username)).Token)).Alias);
    }

    [Fact]
    public async Task A_taken_username_is_a_conflict_naming_it()
    {
        var username = AccountCalls.UniqueName("dup");
        await Spec.RegisterAsync(username);

        using var response = await Spec.RegisterRawAsync(new RegisterRequest { Username = username, Password = "other-password" });

        await SpecClient.AssertErrorAsync(response, HttpStatusCode.Conflict, ErrorCode.ResourceConflict, $"username '{username}' already exists");
    }

    [Fact]
    public async Task Concurrent_registrations_of_one_name_make_one_user_and_conflicts()
    {
        var username = AccountCalls.UniqueName("race");

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            Spec.RegisterRawAsync(new RegisterRequest { Username = username, Password = $"password{i}" })));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(7, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
    }

    [Fact]
    public async Task The_registration_token_is_ignored_while_registration_is_open()
    {
        using var response = await Spec.RegisterRawAsync(new RegisterRequest
            { Username = AccountCalls.UniqueName("tok"), Password = "password123", RegistrationToken = "anything at all" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }
}
