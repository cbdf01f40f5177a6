using System.Buffers;
using Conclave.Api.Errors;
using Conclave.Api.Grpc;
using Conclave.Application.Messages;
using Conclave.Server.V1;
using Conclave.V1;
using Google.Protobuf;

namespace Conclave.Api.Http;

/// <summary>
/// The spec surface's message fetch, written one message at a time: the same bytes as the whole
/// GetMessagesResponse encoded at once (a repeated field is its elements' fields one after another), with its
/// Content-Length, while the server holds about one message of the page at a time. Everything that can refuse the
/// fetch (session, path, access, the page's read, the watermark) runs before the first byte, through the same
/// pipeline as the other surfaces (MessagesService.OpenPageAsync).
/// </summary>
internal static class StreamedMessages
{
    private static readonly string FullName = $"/{Messages.Descriptor.FullName}/{nameof(MessagesService.GetMessages)}";
    private static readonly int FieldTagSize = CodedOutputStream.ComputeTagSize(GetMessagesResponse.MessagesFieldNumber);
    private static readonly int ContentTagSize = CodedOutputStream.ComputeTagSize(V1.StoredMessage.MlsMessageFieldNumber);

    public static bool Serves(RpcRoute route) => route.FullName == FullName;

    public static async Task AnswerAsync(HttpContext http, RpcRoute route, Google.Protobuf.IMessage request)
    {
        var service = http.RequestServices.GetRequiredService<MessagesService>();
        await using var page = await service.OpenPageAsync((GetMessagesRequest)request, cutBySize: false, http.RequestAborted);
        http.Response.StatusCode = route.SuccessStatus;
        http.Response.ContentType = ProtobufErrorWriter.ProtobufContentType;
        http.Response.ContentLength = page.Messages.Sum(message => (long)FieldSize(message));
        if (HttpMethods.IsHead(http.Request.Method) || page.Messages.Count == 0) return;
        // One element of the repeated field at a time, encoded by Google.Protobuf into a buffer reused for the page.
        var buffer = ArrayPool<byte>.Shared.Rent(page.Messages.Max(FieldSize));
        try
        {
            await page.ReadContentsAsync(async (message, content) =>
            {
                var element = new GetMessagesResponse { Messages = { MessagesService.ToMessage(message, UnsafeByteOperations.UnsafeWrap(content)) } };
                var size = element.CalculateSize();
                element.WriteTo(buffer.AsSpan(0, size));
                await http.Response.Body.WriteAsync(buffer.AsMemory(0, size), http.RequestAborted);
            }, http.RequestAborted);
        }
        catch when (!http.Response.HasStarted)
        {
            http.Response.ContentLength = null; // nothing sent yet: the ErrorResponse goes out instead (ProtobufRoutes)
            throw;
        }
        catch (Exception exception)
        {
            // Too late for an ErrorResponse: the connection is cut short of its Content-Length, which the client sees.
            if (!http.RequestAborted.IsCancellationRequested)
                http.RequestServices.GetRequiredService<ILogger<MessagesService>>().LogError(exception, "Message fetch failed while writing");
            http.Abort();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    // The element's field as Google.Protobuf encodes it: tag, length, the StoredMessage (its content field omitted
    // when empty, as proto3 does).
    private static int FieldSize(MessageHeader message)
    {
        var stored = MessagesService.ToMessage(message, ByteString.Empty).CalculateSize()
            + (message.Length == 0 ? 0 : ContentTagSize + CodedOutputStream.ComputeLengthSize(message.Length) + message.Length);
        return FieldTagSize + CodedOutputStream.ComputeLengthSize(stored) + stored;
    }
}
