using System.Net;
using System.Text;
using Conclave.Api.IntegrationTests.Support;
using Conclave.V1;
using Microsoft.Data.Sqlite;

namespace Conclave.Api.IntegrationTests.Transport;

// CLARIFICATIONS §2.6 and checklist 10: a failure nobody planned for is 500 "internal server error", code 0 (absent on
// the wire), and tells nothing of what went wrong.
public sealed class InternalErrorTests
{
    [Fact]
    public async Task A_broken_database_gives_a_bare_500()
    {
        await using var server = await TestServer.StartAsync();
        var alice = await server.Spec.NewUserAsync();
        await using (var connection = new SqliteConnection($"Data Source={server.DatabasePath}"))
        {
            await connection.OpenAsync();
            await using var drop = connection.CreateCommand();
            drop.CommandText = "DROP TABLE sessions;";
            await drop.ExecuteNonQueryAsync();
        }

        using var response = await server.Spec.GetMeRawAsync(alice.Token);

        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal(SpecClient.Protobuf, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(new ErrorResponse { Message = "internal server error" }, ErrorResponse.Parser.ParseFrom(bytes));
        Assert.Equal([0x0A, .. "\u0015internal server error"u8], bytes); // field 1 only: code 0 is not encoded
        Assert.DoesNotContain("session", Encoding.UTF8.GetString(bytes), StringComparison.OrdinalIgnoreCase);
    }
}
