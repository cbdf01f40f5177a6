namespace Conclave.Api.Http;

/// <summary>Marks an endpoint of the HTTP/protobuf adapter (the spec surface) for endpoint selection.</summary>
public sealed record ProtobufRouteMetadata(RpcRoute Route);
