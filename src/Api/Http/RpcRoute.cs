using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;

namespace Conclave.Api.Http;

public delegate Task<IMessage> RpcInvoker(object service, IMessage request, ServerCallContext context);

public enum BodyBinding
{
    /// <summary>The route never reads its body (the spec's body-less routes ignore whatever is sent).</summary>
    None,
    /// <summary>The body is the whole request message (annotation body: "*").</summary>
    Whole,
    /// <summary>The body is one field of the request message; the rest comes from the path.</summary>
    Field,
}

/// <summary>One annotated RPC: its spec route, how its request is bound, and how to call its implementation.</summary>
public sealed record RpcRoute(
    MethodDescriptor Method,
    Type Implementation,
    string HttpMethod,
    string PathTemplate,
    BodyBinding Body,
    FieldDescriptor? BodyField,
    IReadOnlyList<FieldDescriptor> PathFields,
    int SuccessStatus,
    bool Anonymous,
    RpcInvoker? Invoke)
{
    public string FullName => $"/{Method.Service.FullName}/{Method.Name}";

    public MessageDescriptor BodyDescriptor => Body == BodyBinding.Field ? BodyField!.MessageType : Method.InputType;
}
