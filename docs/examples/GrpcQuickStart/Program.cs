using Conclave.Server.V1;
using Conclave.V1;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Grpc.Net.Client;

// The gRPC address: grpc_port in plain mode (HTTP/2 without TLS), listen_port with TLS.
var address = Environment.GetEnvironmentVariable("CONCLAVE_GRPC_URL") ?? "http://localhost:8081";
using var channel = GrpcChannel.ForAddress(address);
var accounts = new Accounts.AccountsClient(channel);
var groups = new Groups.GroupsClient(channel);
var events = new Events.EventsClient(channel);

// Register and log in (the only calls without a token); a random suffix makes the sample re-runnable.
var username = $"carol_{Random.Shared.Next(1_000_000)}";
await accounts.RegisterAsync(new RegisterRequest { Username = username, Password = "correct horse battery" });
var login = await accounts.LoginAsync(new LoginRequest { Username = username, Password = "correct horse battery" });
var auth = new Metadata { { "authorization", $"Bearer {login.Token}" } };
Console.WriteLine($"logged in as {(await accounts.GetMeAsync(new Empty(), auth)).Username}");

// Ids are 16 bytes in messages and UUID text in the request wrappers that carry a path id.
var created = await groups.CreateGroupAsync(new CreateGroupRequest { GroupName = $"book_club_{Random.Shared.Next(1_000_000)}" }, auth);
var groupId = new Guid(created.GroupId.Span, bigEndian: true);
Console.WriteLine($"created group {groupId}");

// The event stream: the response headers arrive once the subscription is live, so nothing after them is missed.
using var stream = events.Subscribe(new Empty(), auth);
await stream.ResponseHeadersAsync;

// Renaming the group notifies every member, the caller included.
await groups.UpdateGroupAsync(new UpdateGroupCall { GroupId = groupId.ToString(), Body = new UpdateGroupRequest { Alias = "Readers" } }, auth);
await foreach (var serverEvent in stream.ResponseStream.ReadAllAsync())
{
    Console.WriteLine($"event {serverEvent.EventCase}: {serverEvent}");
    if (serverEvent.EventCase == ServerEvent.EventOneofCase.GroupUpdate) break;
}

// A refusal is a gRPC status; its details carry the spec's ErrorResponse, and the conclave-error-code trailer its code.
try
{
    await accounts.GetMeAsync(new Empty(), new Metadata { { "authorization", "Bearer not-a-token" } });
}
catch (RpcException refused)
{
    Console.WriteLine($"refused: {refused.StatusCode}, error code {refused.Trailers.GetValue("conclave-error-code")}");
}
