using System.Net;
using System.Net.Sockets;
using Grpc.Net.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Conclave.Api.IntegrationTests.Support;

/// <summary>
/// Clients of a test server that connect from another loopback address (all of 127.0.0.0/8 is the loopback on Linux),
/// so the server sees a client address of their own without trusting any proxy.
/// </summary>
public static class LoopbackSource
{
    public static HttpClient Http(TestServer server, string sourceAddress) =>
        new(Handler(sourceAddress)) { BaseAddress = server.BaseAddress };

    public static GrpcChannel Grpc(TestServer server, string sourceAddress) =>
        GrpcChannel.ForAddress($"http://127.0.0.1:{server.Services.GetRequiredService<Listeners>().Grpc!.IPEndPoint!.Port}",
            new GrpcChannelOptions { HttpHandler = Handler(sourceAddress) });

    private static SocketsHttpHandler Handler(string sourceAddress) => new()
    {
        ConnectCallback = async (context, cancellationToken) =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                socket.Bind(new IPEndPoint(IPAddress.Parse(sourceAddress), 0));
                await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };
}
