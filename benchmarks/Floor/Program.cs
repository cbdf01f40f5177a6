using System.Globalization;
using System.Text;
using Conclave.Benchmarks.Floor;
using Microsoft.AspNetCore.Server.Kestrel.Core;

// Usage: Conclave.Benchmarks.Floor --port N --database path/floor.db [--messages path/conclave.db]
//   POST /bare     reads the body, answers 8 bytes
//   POST /insert   the same, plus one row inserted through the group-commit writer (synchronous=FULL)
//   POST /insert/{group hex}   the same, the row keyed by (group, sequence) as the server's messages are
//   GET  /messages?group=<hex>&after=N   raw ADO.NET: up to 100 message rows of the server's database, protobuf-encoded
//   POST /hash     one Argon2id verification with the server's cost parameters
var options = args.Chunk(2).ToDictionary(pair => pair[0], pair => pair[1]);
// Hosted as the server is: no configuration sources, and so no file watcher over the working directory.
var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = ["--hostBuilder:reloadConfigOnChange=false"] });
builder.Configuration.Sources.Clear();
builder.Logging.ClearProviders();
builder.WebHost.ConfigureKestrel(kestrel =>
{
    kestrel.ListenLocalhost(int.Parse(options["--port"], CultureInfo.InvariantCulture), listen => listen.Protocols = HttpProtocols.Http1);
    kestrel.AddServerHeader = false;
});
var app = builder.Build();
var answer = "floor-ok"u8.ToArray();
await using var writer = GroupCommitWriter.Open(options["--database"]);
var messages = options.TryGetValue("--messages", out var serverDatabase) ? new RawMessageReader(serverDatabase) : null;
var passwordHash = PasswordFloor.NewHash();

app.MapPost("/bare", async (HttpContext context) =>
{
    await BodyReader.ReadAsync(context.Request);
    await context.Response.Body.WriteAsync(answer);
});
app.MapPost("/insert", async (HttpContext context) =>
{
    var body = await BodyReader.ReadAsync(context.Request);
    await writer.InsertAsync(body);
    await context.Response.Body.WriteAsync(answer);
});
app.MapPost("/insert/{group}", async (HttpContext context, string group) =>
{
    var body = await BodyReader.ReadAsync(context.Request);
    await writer.InsertAsync(body, Convert.FromHexString(group));
    await context.Response.Body.WriteAsync(answer);
});
app.MapGet("/messages", async (HttpContext context) =>
{
    if (messages is null) return Results.NotFound();
    var group = Convert.FromHexString(context.Request.Query["group"].ToString());
    var after = long.Parse(context.Request.Query["after"].ToString(), CultureInfo.InvariantCulture);
    var encoded = await messages.ReadAsync(group, after, 100);
    return Results.Bytes(encoded, "application/x-protobuf");
});
app.MapPost("/hash", async (HttpContext context) =>
{
    var body = await BodyReader.ReadAsync(context.Request);
    if (!PasswordFloor.Verify(passwordHash, Encoding.UTF8.GetString(body))) context.Response.StatusCode = 401;
    await context.Response.Body.WriteAsync(answer);
});
await app.RunAsync();
