using Conclave.Api.Http;
using Conclave.Api.IntegrationTests.Support;
using Google.Api;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.Extensions.DependencyInjection;
using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;

namespace Conclave.Api.IntegrationTests.Discovery;

// grpc_reflection_enabled: gRPC server reflection, so that grpcurl and similar tools list and call the services
// without the proto files. Off by default.
public sealed class GrpcReflectionTests
{
    [Fact]
    public async Task Reflection_lists_every_service_and_serves_its_proto_files_with_their_routes()
    {
        await using var server = await TestServer.StartAsync(c => c with { GrpcReflectionEnabled = true });
        var services = ServicesOf(server);
        using var reflection = new ReflectionClient(server.Channel!.CreateCallInvoker());

        var listed = await reflection.ListServicesAsync();

        Assert.Equal(9, services.Count);
        Assert.Equal(
            [.. services.Select(s => s.FullName), "grpc.reflection.v1.ServerReflection", "grpc.reflection.v1alpha.ServerReflection"],
            listed.Order(StringComparer.Ordinal));
        foreach (var service in services)
        {
            var files = await reflection.FilesContainingSymbolAsync(service.FullName);
            Assert.All(files.Values.SelectMany(f => f.Dependency), dependency => Assert.Contains(dependency, files.Keys));
            var served = files[service.File.Name].Service.Single(s => s.Name == service.Name);
            Assert.Equal(
                service.Methods.Select(m => (m.Name, $".{m.InputType.FullName}", $".{m.OutputType.FullName}", m.IsServerStreaming, m.GetOptions().GetExtension(AnnotationsExtensions.Http))),
                served.Method.Select(m => (m.Name, m.InputType, m.OutputType, m.ServerStreaming, m.Options.GetExtension(AnnotationsExtensions.Http))));
        }
    }

    [Fact]
    public async Task A_generic_client_calls_a_service_from_the_reflected_descriptors_alone()
    {
        await using var server = await TestServer.StartAsync(c => c with { GrpcReflectionEnabled = true });
        using var reflection = new ReflectionClient(server.Channel!.CreateCallInvoker());
        var files = await reflection.FilesContainingSymbolAsync("conclave.server.v1.Accounts");
        var descriptors = FileDescriptor.BuildFromByteStrings(DependenciesFirst(files).Select(f => f.ToByteString()));
        var register = descriptors.SelectMany(f => f.Services).Single(s => s.FullName == "conclave.server.v1.Accounts").FindMethodByName("Register");
        var request = register.InputType;

        // No generated code from here: the request is encoded from the reflected field numbers, as grpcurl does.
        var body = new MemoryStream();
        var output = new CodedOutputStream(body);
        foreach (var (field, value) in new[] { ("username", "reflected_user"), ("password", "password123") })
        {
            output.WriteTag(request.FindFieldByName(field).FieldNumber, WireFormat.WireType.LengthDelimited);
            output.WriteString(value);
        }
        output.Flush();
        var bytes = Marshallers.Create(b => b, b => b);
        var method = new Method<byte[], byte[]>(MethodType.Unary, register.Service.FullName, register.Name, bytes, bytes);
        var response = await server.Channel.CreateCallInvoker().AsyncUnaryCall(method, null, new CallOptions(), body.ToArray());

        var userId = register.OutputType.FindFieldByName("user_id").FieldNumber;
        var input = new CodedInputStream(response);
        Assert.Equal(WireFormat.MakeTag(userId, WireFormat.WireType.LengthDelimited), input.ReadTag());
        Assert.Equal(16, input.ReadBytes().Length);
        Assert.False(string.IsNullOrEmpty((await server.Spec.LoginAsync("reflected_user")).Token));
    }

    [Fact]
    public async Task Reflection_v1alpha_answers_too_for_older_tools()
    {
        await using var server = await TestServer.StartAsync(c => c with { GrpcReflectionEnabled = true });
        using var call = new global::Grpc.Reflection.V1Alpha.ServerReflection.ServerReflectionClient(server.Channel!).ServerReflectionInfo();

        await call.RequestStream.WriteAsync(new global::Grpc.Reflection.V1Alpha.ServerReflectionRequest { ListServices = "" });

        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Contains("conclave.server.v1.Events", call.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name));
    }

    [Fact]
    public async Task With_tls_reflection_is_on_the_main_port_by_alpn()
    {
        var folder = Directory.CreateTempSubdirectory("conclave-reflection-tls").FullName;
        var (certPath, keyPath) = await SelfSignedCertificate.WritePemAsync(folder);
        await using var server = await TestServer.StartAsync(c => c with { GrpcReflectionEnabled = true, TlsCertPath = certPath, TlsKeyPath = keyPath });
        var port = server.Services.GetRequiredService<Listeners>().Main!.IPEndPoint!.Port;
        using var channel = GrpcChannel.ForAddress($"https://127.0.0.1:{port}", new GrpcChannelOptions { HttpHandler = SelfSignedCertificate.TrustingHandler() });
        using var reflection = new ReflectionClient(channel.CreateCallInvoker());

        Assert.Contains("conclave.server.v1.Accounts", await reflection.ListServicesAsync());
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task Reflection_is_absent_by_default()
    {
        await using var server = await TestServer.StartAsync();
        using var reflection = new ReflectionClient(server.Channel!.CreateCallInvoker());

        var refused = await Assert.ThrowsAsync<RpcException>(reflection.ListServicesAsync);

        Assert.Equal(StatusCode.Unimplemented, refused.StatusCode);
    }

    private static List<ServiceDescriptor> ServicesOf(TestServer server) =>
        [.. server.Services.GetRequiredService<RpcCatalog>().Routes.Select(r => r.Method.Service).DistinctBy(s => s.FullName).OrderBy(s => s.FullName, StringComparer.Ordinal)];

    private static IEnumerable<FileDescriptorProto> DependenciesFirst(IReadOnlyDictionary<string, FileDescriptorProto> files)
    {
        var done = new HashSet<string>();
        IEnumerable<FileDescriptorProto> Visit(FileDescriptorProto file)
        {
            if (!done.Add(file.Name)) yield break;
            foreach (var dependency in file.Dependency.SelectMany(name => Visit(files[name]))) yield return dependency;
            yield return file;
        }
        return files.Values.SelectMany(Visit).ToList();
    }
}
