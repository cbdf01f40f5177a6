using System.Text;
using Conclave.Api.Sse;
using Conclave.Application.Common.Events.Realtime;
using Conclave.Domain.Common;

namespace Conclave.Api.UnitTests.Sse;

public sealed class SseFramesTests
{
    [Fact]
    public void A_frame_is_data_then_the_lower_case_hex_of_the_server_event_then_a_blank_line()
    {
        var group = new GroupId(Guid.Parse("00112233-4455-6677-8899-AABBCCDDEEFF"));

        var frame = SseFrames.Of(new GroupDeletedEvent(group));

        // ServerEvent.group_deleted (field 9, length-delimited) { group_id (1) = 16 bytes }
        Assert.Equal("data: 4a120a1000112233445566778899aabbccddeeff\n\n", Encoding.ASCII.GetString(frame));
    }

    [Fact]
    public void An_event_is_encoded_once_for_all_the_streams_that_write_it()
    {
        var deleted = new GroupDeletedEvent(GroupId.New());

        Assert.Same(SseFrames.Of(deleted), SseFrames.Of(deleted));
        Assert.NotSame(SseFrames.Of(deleted), SseFrames.Of(new GroupDeletedEvent(deleted.GroupId)));
    }
}
