using System.Reflection;
using Conclave.Server.V1;
using Google.Api;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;
using Grpc.Core;

namespace Conclave.Api.Http;

/// <summary>
/// Every RPC of the implemented services with its google.api.http rule and our method options: the single
/// source of the spec routes for the HTTP/protobuf adapter and of per-method facts for the gRPC interceptors.
/// </summary>
public sealed class RpcCatalog
{
    private readonly Dictionary<string, RpcRoute> _byFullName;

    public RpcCatalog(IEnumerable<Type> implementations)
    {
        Routes = implementations.SelectMany(RoutesOf).ToList();
        _byFullName = Routes.ToDictionary(r => r.FullName);
    }

    public IReadOnlyList<RpcRoute> Routes { get; }

    /// <summary>The catalog of every implemented service, as the server maps them (also read by tools/ApiReference).</summary>
    public static RpcCatalog OfImplementedServices() => new(Grpc.GrpcServices.All);

    public RpcRoute? Find(string fullMethodName) => _byFullName.GetValueOrDefault(fullMethodName);

    private static IEnumerable<RpcRoute> RoutesOf(Type implementation)
    {
        var service = ServiceDescriptorOf(implementation);
        foreach (var method in service.Methods)
        {
            var options = method.GetOptions();
            var rule = options?.GetExtension(AnnotationsExtensions.Http)
                ?? throw new InvalidOperationException($"{method.FullName} has no google.api.http annotation");
            var (verb, path) = VerbAndPath(rule);
            var bodyField = rule.Body is "" or "*" ? null : method.InputType.FindFieldByName(rule.Body);
            var body = rule.Body switch { "" => BodyBinding.None, "*" => BodyBinding.Whole, _ => BodyBinding.Field };
            var pathFields = PathVariables(path).Select(name => method.InputType.FindFieldByName(name)
                ?? throw new InvalidOperationException($"{method.FullName}: no field for path variable {name}")).ToList();
            yield return new RpcRoute(
                method, implementation, verb, path, body, bodyField, pathFields,
                options.GetExtension(HttpOptionsExtensions.SuccessStatus) is var status and not 0 ? status : StatusCodes.Status200OK,
                options.GetExtension(HttpOptionsExtensions.Anonymous),
                method.IsServerStreaming ? null : InvokerFor(implementation, method));
        }
    }

    private static ServiceDescriptor ServiceDescriptorOf(Type implementation)
    {
        var container = implementation.BaseType?.DeclaringType
            ?? throw new InvalidOperationException($"{implementation} does not derive from a generated service base");
        return (ServiceDescriptor)container.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
    }

    private static (string Verb, string Path) VerbAndPath(HttpRule rule) => rule.PatternCase switch
    {
        HttpRule.PatternOneofCase.Get => (HttpMethods.Get, rule.Get),
        HttpRule.PatternOneofCase.Post => (HttpMethods.Post, rule.Post),
        HttpRule.PatternOneofCase.Patch => (HttpMethods.Patch, rule.Patch),
        HttpRule.PatternOneofCase.Put => (HttpMethods.Put, rule.Put),
        HttpRule.PatternOneofCase.Delete => (HttpMethods.Delete, rule.Delete),
        _ => throw new InvalidOperationException($"unsupported http rule {rule.PatternCase}"),
    };

    private static IEnumerable<string> PathVariables(string path) =>
        path.Split('/').Where(s => s.StartsWith('{') && s.EndsWith('}')).Select(s => s[1..^1]);

    private static RpcInvoker InvokerFor(Type implementation, MethodDescriptor method)
    {
        var request = method.InputType.ClrType;
        var target = implementation.GetMethod(method.Name, [request, typeof(ServerCallContext)])
            ?? throw new InvalidOperationException($"{implementation} lacks {method.Name}");
        var bind = typeof(RpcCatalog).GetMethod(nameof(Bind), BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(implementation, request, method.OutputType.ClrType);
        return (RpcInvoker)bind.Invoke(null, [target])!;
    }

    private static RpcInvoker Bind<TService, TRequest, TResponse>(MethodInfo target) where TRequest : IMessage where TResponse : IMessage
    {
        var call = target.CreateDelegate<Func<TService, TRequest, ServerCallContext, Task<TResponse>>>();
        return async (service, request, context) => await call((TService)service, (TRequest)request, context);
    }
}
