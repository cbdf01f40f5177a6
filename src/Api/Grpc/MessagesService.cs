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

    public override async Task<GetMessagesResponse> GetMessages(GetMessagesRequest request, ServerCallContext context)
    {
        var query = new GetMessagesQuery(WireIds.GroupFromPath(request.GroupId), caller.UserId,
            request.HasAfter ? request.After : null, request.HasLimit ? request.Limit : null);
        var messages = await mediator.Send(query, context.CancellationToken);
        return new GetMessagesResponse { Messages = { messages.Select(ToMessage) } };
    }

    private static V1.StoredMessage ToMessage(MessageDto message) => new()
    {
        SequenceNum = (ulong)message.SequenceNum,
        SenderId = message.SenderId.ToByteString(),
        MlsMessage = UnsafeByteOperations.UnsafeWrap(message.Data), // read for this call only: no copy needed
        CreatedAt = (ulong)message.CreatedAt,
    };
}
