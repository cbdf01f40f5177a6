using Google.Protobuf;

namespace Conclave.Api.IntegrationTests.Authorization;

/// <summary>The concrete path (ids filled in) and body of one cell's call.</summary>
public sealed record AccessRequest(string Path, IMessage? Body = null);
