using System.Net;
using Conclave.V1;
using Google.Protobuf;

namespace Conclave.Api.IntegrationTests.Support;

/// <summary>Group set-up over the spec routes, as a client would do it.</summary>
public static class GroupSteps
{
    public static readonly byte[] SomeGroupInfo = [0x00, 0x01, 0x00, 0x04, 0xAA, 0xBB];

    public static string UniqueName(string prefix = "g") => $"{prefix}_{Guid.NewGuid():N}"[..24];

    public static string Path(this TestGroup group, string suffix = "") => $"/api/v1/groups/{group.Guid}{suffix}";

    public static async Task<TestGroup> CreateGroupAsync(this SpecClient spec, TestUser owner, string? name = null, string alias = "")
    {
        name ??= UniqueName();
        var response = await spec.PostAsync("/api/v1/groups", new CreateGroupRequest { GroupName = name, Alias = alias }, owner.Token);
        var created = await SpecClient.ReadAsync<CreateGroupResponse>(response, HttpStatusCode.Created);
        return new TestGroup(created.GroupId, name, owner);
    }

    public static Task<HttpResponseMessage> PatchAsync(this SpecClient spec, string path, IMessage body, string token) =>
        spec.SendAsync(HttpMethod.Patch, path, body, token);

    public static async Task OkAsync(this Task<HttpResponseMessage> call)
    {
        using var response = await call;
        if (response.StatusCode == HttpStatusCode.OK) return;
        var error = ErrorResponse.Parser.ParseFrom(await response.Content.ReadAsByteArrayAsync());
        Assert.Fail($"expected 200, got {(int)response.StatusCode}: {error}");
    }

    public static Task UploadGroupInfoAsync(this SpecClient spec, TestGroup group, TestUser member, byte[]? groupInfo = null) =>
        spec.PostAsync(group.Path("/commit"), new UploadCommitRequest { GroupInfo = ByteString.CopyFrom(groupInfo ?? SomeGroupInfo) }, member.Token).OkAsync();

    /// <summary>Makes the group public with a stored GroupInfo, so that anyone may /join it.</summary>
    public static async Task OpenAsync(this SpecClient spec, TestGroup group)
    {
        await spec.PatchAsync(group.Path(), new UpdateGroupRequest { Visibility = GroupVisibility.Public }, group.Owner.Token).OkAsync();
        await spec.UploadGroupInfoAsync(group, group.Owner);
    }

    /// <summary>Adds plain members through the public join (the route of this area that adds members).</summary>
    public static async Task<TestGroup> WithMembersAsync(this SpecClient spec, TestGroup group, params TestUser[] members)
    {
        await spec.OpenAsync(group);
        foreach (var member in members) await spec.PostAsync(group.Path("/join"), token: member.Token).OkAsync();
        return group;
    }

    public static async Task<long> SendAsync(this SpecClient spec, TestGroup group, TestUser sender, byte[] message)
    {
        var response = await spec.PostAsync(group.Path("/messages"), new SendMessageRequest { MlsMessage = ByteString.CopyFrom(message) }, sender.Token);
        return (long)(await SpecClient.ReadAsync<SendMessageResponse>(response)).SequenceNum;
    }

    public static async Task<List<StoredMessage>> FetchAsync(this SpecClient spec, TestGroup group, TestUser member, string query = "")
    {
        var response = await spec.GetAsync(group.Path("/messages") + query, member.Token);
        return [.. (await SpecClient.ReadAsync<GetMessagesResponse>(response)).Messages];
    }

    public static async Task<GroupInfo> ListedAsync(this SpecClient spec, TestGroup group, TestUser member)
    {
        var response = await spec.GetAsync("/api/v1/groups", member.Token);
        return (await SpecClient.ReadAsync<ListGroupsResponse>(response)).Groups.Single(g => g.GroupId == group.Id);
    }

    public static ByteString Bytes(params byte[] bytes) => ByteString.CopyFrom(bytes);
}

public sealed record TestGroup(ByteString Id, string Name, TestUser Owner)
{
    public Guid Guid => new(Id.Span, bigEndian: true);
}
