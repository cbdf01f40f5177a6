using Google.Api;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Grpc.Reflection.V1;

namespace Conclave.Api.IntegrationTests.Discovery;

/// <summary>What grpcurl does first: asks the server's reflection service (v1) for its services and their proto files.</summary>
public sealed class ReflectionClient(CallInvoker invoker) : IDisposable
{
    private static readonly MessageParser<FileDescriptorProto> FileParser =
        FileDescriptorProto.Parser.WithExtensionRegistry([AnnotationsExtensions.Http]);

    private readonly AsyncDuplexStreamingCall<ServerReflectionRequest, ServerReflectionResponse> _call =
        new ServerReflection.ServerReflectionClient(invoker).ServerReflectionInfo();

    public async Task<IReadOnlyList<string>> ListServicesAsync() =>
        [.. (await AskAsync(new ServerReflectionRequest { ListServices = "" })).ListServicesResponse.Service.Select(s => s.Name)];

    /// <summary>The file declaring the symbol and every file it imports, directly or not, by name.</summary>
    public async Task<IReadOnlyDictionary<string, FileDescriptorProto>> FilesContainingSymbolAsync(string symbol)
    {
        var response = await AskAsync(new ServerReflectionRequest { FileContainingSymbol = symbol });
        Assert.True(response.FileDescriptorResponse is not null, $"no file for {symbol}: {response.ErrorResponse}");
        return response.FileDescriptorResponse.FileDescriptorProto.Select(FileParser.ParseFrom).ToDictionary(f => f.Name);
    }

    private async Task<ServerReflectionResponse> AskAsync(ServerReflectionRequest request)
    {
        await _call.RequestStream.WriteAsync(request);
        Assert.True(await _call.ResponseStream.MoveNext(CancellationToken.None), "the reflection stream ended");
        return _call.ResponseStream.Current;
    }

    public void Dispose() => _call.Dispose();
}
