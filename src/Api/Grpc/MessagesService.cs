using Conclave.Api.Auth;
using Conclave.Application.Messages;
using Conclave.Application.Messages.Commands.SendMessage;
using Conclave.Application.Messages.Commands.UploadCommit;
using Conclave.Application.Messages.Queries.GetMessages;
using Conclave.Server.V1;
using Conclave.V1;
using Google.Protobuf;
using Grpc.Core;
using MediatR;

namespace Conclave.Api.Grpc;

public sealed class MessagesService(IMediator mediator, Caller caller) : Messages.MessagesBase
{
    public override async Task<UploadCommitResponse> UploadCommit(UploadCommitCall request, ServerCallContext context)
    {
        var body = request.Body ?? new UploadCommitRequest();
        var command = new UploadCommitCommand(WireIds.GroupFromPath(request.GroupId), caller.UserId,
            ReceivedBytes.Take(body.CommitMessage), ReceivedBytes.Take(body.GroupInfo), body.MlsGroupId);
        await mediator.Send(command, context.CancellationToken);
        return new UploadCommitResponse();
    }

    public override async Task<SendMessageResponse> SendMessage(SendMessageCall request, ServerCallContext context)
    {
        var message = ReceivedBytes.Take((request.Body ?? new SendMessageRequest()).MlsMessage);
        var sequence = await mediator.Send(new SendMessageCommand(WireIds.GroupFromPath(request.GroupId), caller.UserId, message), context.CancellationToken);
        return new SendMessageResponse { SequenceNum = (ulong)sequence };
    }

    // Ours: cut by size (FetchWindow.MaxPageContentBytes), the client fetching on with `after`. The spec surface streams
    // its uncut page instead (Http/StreamedMessages).
    public override async Task<GetMessagesResponse> GetMessages(GetMessagesRequest request, ServerCallContext context)
    {
        await using var page = await OpenPageAsync(request, cutBySize: true, context.CancellationToken);
        var response = new GetMessagesResponse();
        await page.ReadContentsAsync((message, content) =>
        {
            response.Messages.Add(ToMessage(message, ByteString.CopyFrom(content.Span)));
            return ValueTask.CompletedTask;
        }, context.CancellationToken);
        return response;
    }

    /// <summary>The caller's page of <paramref name="request"/>, through the same pipeline on every surface.</summary>
    internal Task<IMessagePage> OpenPageAsync(GetMessagesRequest request, bool cutBySize, CancellationToken cancellationToken) =>
        mediator.Send(new GetMessagesQuery(WireIds.GroupFromPath(request.GroupId), caller.UserId,
            request.HasAfter ? request.After : null, request.HasLimit ? request.Limit : null, cutBySize), cancellationToken);

    internal static V1.StoredMessage ToMessage(MessageHeader message, ByteString content) => new()
    {
        SequenceNum = (ulong)message.SequenceNum,
        SenderId = message.SenderId.ToByteString(),
        MlsMessage = content,
        CreatedAt = (ulong)message.CreatedAt,
    };
}
