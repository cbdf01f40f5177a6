using System.Buffers;
using System.Reflection;
using Conclave.Api.Errors;
using Conclave.Api.Http;
using Google.Protobuf;
using Grpc.AspNetCore.Server.Model;
using Grpc.Core;

namespace Conclave.Api.Grpc;

/// <summary>
/// Binds every gRPC service in place of Grpc.AspNetCore's own binder, so that a request message is decoded as strictly
/// as on the spec surface (<see cref="WireFormatCheck"/>: valid UTF-8, the declared wire types) and one that is not
/// is the client's fault: after authentication, as the spec surface's DECODE step (CLARIFICATIONS §2.2), the call is
/// refused with 400 INPUT_BAD_REQUEST "invalid request body" (INVALID_ARGUMENT) and logged at debug. A deserializer
/// that threw would instead have the framework answer UNKNOWN and log the exception as an error.
/// </summary>
internal sealed class StrictDecodingMethodProvider<TService>(IHttpContextAccessor accessor, ILogger<StrictDecodingMethodProvider<TService>> logger)
    : IServiceMethodProvider<TService> where TService : class
{
    private static readonly object UndecodableKey = new();

    public void OnServiceMethodDiscovery(ServiceMethodProviderContext<TService> context)
    {
        var (serviceBase, bind) = GeneratedBase();
        var bindService = bind.BindType.GetMethod(bind.BindMethodName, BindingFlags.Public | BindingFlags.Static, [typeof(ServiceBinderBase), serviceBase])
            ?? throw new InvalidOperationException($"{bind.BindType} has no {bind.BindMethodName}(ServiceBinderBase, {serviceBase.Name})");
        bindService.Invoke(null, [new Binder(this, context), null]);
    }

    private static (Type ServiceBase, BindServiceMethodAttribute Bind) GeneratedBase()
    {
        for (var type = typeof(TService); type is not null; type = type.BaseType)
            if (type.GetCustomAttribute<BindServiceMethodAttribute>(inherit: false) is { } bind) return (type, bind);
        throw new InvalidOperationException($"{typeof(TService)} does not derive from a generated service base");
    }

    private Method<TRequest, TResponse> Strict<TRequest, TResponse>(Method<TRequest, TResponse> method)
        where TRequest : class where TResponse : class
    {
        if (method.RequestMarshaller is not { } marshaller || Activator.CreateInstance<TRequest>() is not IMessage { Descriptor: var descriptor })
            return method;
        var decode = marshaller.ContextualDeserializer;
        var strict = new Marshaller<TRequest>(marshaller.ContextualSerializer, payload =>
        {
            if (IsValid(descriptor, payload.PayloadAsReadOnlySequence()))
            {
                try { return decode(payload); }
                catch (InvalidProtocolBufferException) { }
            }
            accessor.HttpContext?.Items.TryAdd(UndecodableKey, true);
            return Activator.CreateInstance<TRequest>();
        });
        return new Method<TRequest, TResponse>(method.Type, method.ServiceName, method.Name, strict, method.ResponseMarshaller);
    }

    private static bool IsValid(Google.Protobuf.Reflection.MessageDescriptor descriptor, ReadOnlySequence<byte> payload)
    {
        if (payload.IsSingleSegment && System.Runtime.InteropServices.MemoryMarshal.TryGetArray(payload.First, out var segment) && segment.Offset == 0)
            return WireFormatCheck.IsValid(descriptor, segment.Array!, segment.Count);
        var length = (int)payload.Length;
        var copy = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            payload.CopyTo(copy);
            return WireFormatCheck.IsValid(descriptor, copy, length);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(copy);
        }
    }

    // Runs inside the interceptors, after authentication: ErrorInterceptor turns the refusal into the gRPC status.
    private void RefuseUndecodable(ServerCallContext call)
    {
        if (!call.GetHttpContext().Items.ContainsKey(UndecodableKey)) return;
        logger.LogDebug("{Method}: request message could not be decoded", call.Method);
        throw ApiException.BadRequest("invalid request body");
    }

    private static MethodInfo Handler(string name, Type[] parameters) =>
        typeof(TService).GetMethod(name, BindingFlags.Public | BindingFlags.Instance, parameters)
        ?? throw new InvalidOperationException($"{typeof(TService)} does not implement {name}");

    private static List<object> Metadata(MethodInfo handler) =>
    [
        .. typeof(TService).GetCustomAttributes(inherit: true),
        .. handler.GetCustomAttributes(inherit: true),
        new HttpMethodMetadata(["POST"], acceptCorsPreflight: true),
    ];

    private sealed class Binder(StrictDecodingMethodProvider<TService> provider, ServiceMethodProviderContext<TService> context) : ServiceBinderBase
    {
        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, UnaryServerMethod<TRequest, TResponse>? handler)
        {
            var target = Handler(method.Name, [typeof(TRequest), typeof(ServerCallContext)]);
            var invoke = target.CreateDelegate<UnaryServerMethod<TService, TRequest, TResponse>>();
            context.AddUnaryMethod(provider.Strict(method), Metadata(target), (service, request, call) =>
            {
                provider.RefuseUndecodable(call);
                return invoke(service, request, call);
            });
        }

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ServerStreamingServerMethod<TRequest, TResponse>? handler)
        {
            var target = Handler(method.Name, [typeof(TRequest), typeof(IServerStreamWriter<TResponse>), typeof(ServerCallContext)]);
            var invoke = target.CreateDelegate<ServerStreamingServerMethod<TService, TRequest, TResponse>>();
            context.AddServerStreamingMethod(provider.Strict(method), Metadata(target), (service, request, stream, call) =>
            {
                provider.RefuseUndecodable(call);
                return invoke(service, request, stream, call);
            });
        }

        // Client-streaming and duplex methods (only server reflection's) keep the framework's decoding.
        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ClientStreamingServerMethod<TRequest, TResponse>? handler)
        {
            var target = Handler(method.Name, [typeof(IAsyncStreamReader<TRequest>), typeof(ServerCallContext)]);
            context.AddClientStreamingMethod(method, Metadata(target), target.CreateDelegate<ClientStreamingServerMethod<TService, TRequest, TResponse>>());
        }

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, DuplexStreamingServerMethod<TRequest, TResponse>? handler)
        {
            var target = Handler(method.Name, [typeof(IAsyncStreamReader<TRequest>), typeof(IServerStreamWriter<TResponse>), typeof(ServerCallContext)]);
            context.AddDuplexStreamingMethod(method, Metadata(target), target.CreateDelegate<DuplexStreamingServerMethod<TService, TRequest, TResponse>>());
        }
    }
}
