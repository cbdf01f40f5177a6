using Conclave.Application.Common.Settings;
using Conclave.Application.Groups;
using Conclave.Domain.Messages;
using MediatR;

namespace Conclave.Application.Messages.Queries.GetMessages;

// A plain read, except that a non-empty fetch in a delete-after-fetch group raises the caller's watermark to the
// highest number returned (R41, decision 5). That write is one atomic statement, so it needs no transaction around it.
// The page's snapshot is taken before it, so a cleanup that the new watermark lets delete the page's messages does
// not change what the caller reads.
public sealed class GetMessagesHandler(IMessageQueries messages, IGroupQueries groups, IFetchWatermarkRepository watermarks, ServerSettings settings)
    : IRequestHandler<GetMessagesQuery, IMessagePage>
{
    public async Task<IMessagePage> Handle(GetMessagesQuery query, CancellationToken cancellationToken)
    {
        var limit = FetchWindow.Limit(query.Limit);
        if (limit == 0) return EmptyMessagePage.Instance;
        var page = await messages.OpenPageAsync(query.GroupId, FetchWindow.After(query.After), limit,
            query.CutBySize ? FetchWindow.MaxPageContentBytes : null, cancellationToken);
        if (page.Messages.Count == 0) return page;
        try
        {
            var expiry = await groups.MessageExpiryAsync(query.GroupId, cancellationToken);
            if (expiry is { } own && RetentionPolicy.TracksWatermarks(settings.MessageRetentionSeconds, own))
                await watermarks.AdvanceAsync(query.GroupId, query.Actor, page.Messages[^1].SequenceNum, cancellationToken);
            return page;
        }
        catch
        {
            await page.DisposeAsync();
            throw;
        }
    }
}
