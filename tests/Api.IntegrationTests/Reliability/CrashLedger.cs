using System.Collections.Concurrent;
using Google.Protobuf;

namespace Conclave.Api.IntegrationTests.Reliability;

/// <summary>What the server acknowledged (answered 2xx) across all lives, and what was cut off by a kill.</summary>
public sealed class CrashLedger
{
    public ConcurrentBag<AckedMessage> Messages { get; } = [];
    public ConcurrentBag<EscrowedInvite> Escrows { get; } = [];
    public ConcurrentDictionary<EscrowedInvite, bool> AckedAccepts { get; } = new();
    public ConcurrentBag<string> Unexpected { get; } = [];
    private int _cutOff;

    /// <summary>Requests that got no answer because the server died under them.</summary>
    public int CutOff => _cutOff;

    public void CountCutOff() => Interlocked.Increment(ref _cutOff);
}

public sealed record AckedMessage(Guid Group, long Sequence, ByteString Sender, ByteString Payload);

/// <summary>An escrow the server acknowledged; its commit blob is unique, so it can be found among the messages.</summary>
public sealed record EscrowedInvite(Support.TestGroup Group, Support.TestUser Invitee, ByteString Commit);
