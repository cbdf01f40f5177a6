using System.Net;
using Conclave.Api.IntegrationTests.Support;
using Conclave.Server.V1;
using Conclave.V1;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace Conclave.Api.IntegrationTests.Grpc;

// The account and user calls over gRPC: the same outcomes, with refusals as a gRPC status, the ErrorCode in the
// conclave-error-code trailer and the spec's ErrorResponse in grpc-status-details-bin.
public sealed class AccountsGrpcTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private TestServer Server => fixture.Server;
    private Accounts.AccountsClient AccountsClient => new(Server.Channel);
    private Users.UsersClient UsersClient => new(Server.Channel);

    [Fact]
    public async Task A_whole_account_lifecycle_succeeds_over_grpc()
    {
        var username = AccountCalls.UniqueName("grpc");

        var registered = await AccountsClient.RegisterAsync(new RegisterRequest { Username = username, Password = "password123", Alias = "G" });
        var login = await AccountsClient.LoginAsync(new LoginRequest { Username = username, Password = "password123" });
        var auth = Bearer(login.Token);
        var me = await AccountsClient.GetMeAsync(new Empty(), auth);
        await AccountsClient.UpdateProfileAsync(new UpdateProfileRequest { Alias = "G2" }, auth);
        var byName = await UsersClient.GetUserByUsernameAsync(new GetUserByUsernameRequest { Username = username }, auth);
        var byId = await UsersClient.GetUserByIdAsync(new GetUserByIdRequest { UserId = "urn:uuid:" + registered.UserId.ToGuid() }, auth);
        await AccountsClient.ResetAccountAsync(new Empty(), auth);
        await AccountsClient.ChangePasswordAsync(new ChangePasswordRequest { CurrentPassword = "password123", NewPassword = "password456" }, auth);
        var second = await AccountsClient.LoginAsync(new LoginRequest { Username = username, Password = "password456" });
        await AccountsClient.LogoutAsync(new Empty(), Bearer(second.Token));
        var third = await AccountsClient.LoginAsync(new LoginRequest { Username = username, Password = "password456" });
        await AccountsClient.DeleteAccountAsync(new DeleteAccountRequest { Password = "password456" }, Bearer(third.Token));

        Assert.Equal((registered.UserId, username), (login.UserId, login.Username));
        Assert.Equal(new UserInfoResponse { UserId = registered.UserId, Username = username, Alias = "G" }, me);
        Assert.Equal(new UserInfoResponse { UserId = registered.UserId, Username = username, Alias = "G2" }, byName);
        Assert.Equal(byName, byId);
        await Server.Spec.AssertTokenDeadAsync(login.Token);  // change-password ended it
        await Server.Spec.AssertTokenDeadAsync(second.Token); // logout ended it
        await SpecClient.AssertErrorAsync(await Server.Spec.LoginRawAsync(username, "password456"), HttpStatusCode.Unauthorized,
            ErrorCode.AuthTokenExpired, "invalid username or password");
    }

    [Fact]
    public async Task A_duplicate_registration_is_already_exists_with_code_301()
    {
        var alice = await Server.Spec.NewUserAsync();

        var refusal = await Refusal(() => AccountsClient.RegisterAsync(new RegisterRequest { Username = alice.Username, Password = "password123" }).ResponseAsync);

        AssertRefusal(refusal, StatusCode.AlreadyExists, ErrorCode.ResourceConflict, $"username '{alice.Username}' already exists");
    }

    [Fact]
    public async Task An_invalid_username_is_invalid_argument_with_code_101()
    {
        var refusal = await Refusal(() => AccountsClient.RegisterAsync(new RegisterRequest { Username = "_x", Password = "password123" }).ResponseAsync);

        AssertRefusal(refusal, StatusCode.InvalidArgument, ErrorCode.InputValidation,
            "username must start with a letter or digit and contain only ASCII letters, digits, and underscores");
    }

    [Fact]
    public async Task Missing_fields_are_failed_precondition_with_code_100()
    {
        var refusal = await Refusal(() => AccountsClient.RegisterAsync(new RegisterRequest()).ResponseAsync);

        AssertRefusal(refusal, StatusCode.FailedPrecondition, ErrorCode.InputBadRequest, "username and password are required");
    }

    [Fact]
    public async Task A_wrong_password_is_unauthenticated_with_code_202()
    {
        var refusal = await Refusal(() => AccountsClient.LoginAsync(new LoginRequest { Username = "nobody_here", Password = "x" }).ResponseAsync);

        AssertRefusal(refusal, StatusCode.Unauthenticated, ErrorCode.AuthTokenExpired, "invalid username or password");
    }

    [Fact]
    public async Task A_wrong_current_password_is_unauthenticated_with_code_202()
    {
        var alice = await Server.Spec.NewUserAsync();

        var refusal = await Refusal(() => AccountsClient.ChangePasswordAsync(
            new ChangePasswordRequest { CurrentPassword = "wrong", NewPassword = "password456" }, Bearer(alice.Token)).ResponseAsync);

        AssertRefusal(refusal, StatusCode.Unauthenticated, ErrorCode.AuthTokenExpired, "invalid password");
    }

    [Theory]
    [InlineData(null, ErrorCode.AuthHeaderMissing, "missing Authorization header")]
    [InlineData("bearer x", ErrorCode.AuthHeaderInvalid, "invalid Authorization header format")]
    [InlineData("Bearer x", ErrorCode.AuthTokenExpired, "invalid or expired token")]
    public async Task Authentication_refusals_are_unauthenticated_with_their_codes(string? header, ErrorCode code, string message)
    {
        var metadata = header is null ? new Metadata() : new Metadata { { "authorization", header } };

        var refusal = await Refusal(() => AccountsClient.GetMeAsync(new Empty(), metadata).ResponseAsync);

        AssertRefusal(refusal, StatusCode.Unauthenticated, code, message);
    }

    [Fact]
    public async Task A_malformed_id_is_invalid_argument_with_code_100_after_authentication()
    {
        var alice = await Server.Spec.NewUserAsync();

        var malformed = await Refusal(() => UsersClient.GetUserByIdAsync(new GetUserByIdRequest { UserId = "(nope)" }, Bearer(alice.Token)).ResponseAsync);
        var unauthenticated = await Refusal(() => UsersClient.GetUserByIdAsync(new GetUserByIdRequest { UserId = "(nope)" }).ResponseAsync);

        Assert.Equal((StatusCode.InvalidArgument, ErrorCode.InputBadRequest), (malformed.StatusCode, Detail(malformed).ErrorCode));
        Assert.Equal(StatusCode.Unauthenticated, unauthenticated.StatusCode);
    }

    [Fact]
    public async Task An_unknown_user_is_not_found_with_code_300()
    {
        var alice = await Server.Spec.NewUserAsync();

        var refusal = await Refusal(() => UsersClient.GetUserByUsernameAsync(new GetUserByUsernameRequest { Username = "NoSuchUser" }, Bearer(alice.Token)).ResponseAsync);

        AssertRefusal(refusal, StatusCode.NotFound, ErrorCode.ResourceNotFound, "user not found");
    }

    private static Metadata Bearer(string token) => new() { { "authorization", $"Bearer {token}" } };

    private static Task<RpcException> Refusal(Func<Task> call) => Assert.ThrowsAsync<RpcException>(call);

    private static void AssertRefusal(RpcException refusal, StatusCode status, ErrorCode code, string message)
    {
        Assert.Equal((status, message), (refusal.StatusCode, refusal.Status.Detail));
        Assert.Equal(((int)code).ToString(System.Globalization.CultureInfo.InvariantCulture), refusal.Trailers.GetValue("conclave-error-code"));
        Assert.Equal(new ErrorResponse { Message = message, ErrorCode = code }, Detail(refusal));
    }

    private static ErrorResponse Detail(RpcException refusal)
    {
        var status = refusal.GetRpcStatus() ?? throw new Xunit.Sdk.XunitException("no grpc-status-details-bin");
        Assert.Equal((int)refusal.StatusCode, status.Code);
        return Assert.Single(status.Details).Unpack<ErrorResponse>();
    }
}
