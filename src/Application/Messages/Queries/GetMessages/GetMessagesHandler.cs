using Conclave.Application.Common.Settings;
using Conclave.Application.Groups;
using Conclave.Domain.Messages;
using MediatR;

namespace Conclave.Application.Messages.Queries.GetMessages;

// A plain read, except that a non-empty fetch in a delete-after-fetch group raises the caller's watermark to the
// highest number returned (R41, decision 5). That write is one atomic statement, so it needs no transaction around it.
public sealed class GetMessagesHandler(IMessageQueries messages, IGroupQueries groups, IFetchWatermarkRepository watermarks, ServerSettings settings)
    : IRequestHandler<GetMessagesQuery, IReadOnlyList<MessageDto>>
{
    public async Task<IReadOnlyList<MessageDto>> Handle(GetMessagesQuery query, CancellationToken cancellationToken)
    {
        var limit = FetchWindow.Limit(query.Limit);
        if (limit == 0) return [];
        var fetched = await messages.AfterAsync(query.GroupId, FetchWindow.After(query.After), limit, cancellationToken);
        if (fetched.Count == 0) return fetched;
        var expiry = await groups.MessageExpiryAsync(query.GroupId, cancellationToken);
        if (expiry is { } own && RetentionPolicy.TracksWatermarks(settings.MessageRetentionSeconds, own))
            await watermarks.AdvanceAsync(query.GroupId, query.Actor, fetched[^1].SequenceNum, cancellationToken);
        return fetched;
    }
}
