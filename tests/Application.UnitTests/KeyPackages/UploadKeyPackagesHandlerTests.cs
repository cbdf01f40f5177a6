using Conclave.Application.KeyPackages.Commands.UploadKeyPackages;
using Conclave.Domain.Common;
using Conclave.Domain.KeyPackages;
using Conclave.Domain.Users;
using MediatR;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using static Conclave.Application.UnitTests.KeyPackages.TestPackages;
using static Conclave.TestSupport.KeyPackageData;

namespace Conclave.Application.UnitTests.KeyPackages;

// CLARIFICATIONS R11, §5.4 (fingerprint) and decision 12 (a batch with one bad package stores none).
public sealed class UploadKeyPackagesHandlerTests
{
    private readonly IKeyPackageRepository _packages = Substitute.For<IKeyPackageRepository>();
    private readonly IUserRepository _users = Substitute.For<IUserRepository>();
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.FromUnixTimeSeconds(1_800_000_000));
    private readonly User _alice = User.Register("alice", "hash", "", 1);
    private readonly KeyPackageStore _store;

    public UploadKeyPackagesHandlerTests()
    {
        _alice.ReplaceFingerprint("old-fingerprint");
        _store = Store(_alice.Id);
        _packages.GetAsync(_alice.Id, Arg.Any<CancellationToken>()).Returns(_store);
        _users.GetAsync(_alice.Id, Arg.Any<CancellationToken>()).Returns(_alice);
    }

    [Fact]
    public async Task Stores_the_batch_at_the_current_time_and_replaces_the_fingerprint_verbatim()
    {
        await Handle([new(Valid(1), false), new(Valid(9), true)], fingerprint: "Not-Even-Hex");

        _packages.Received(1).Update(_store);
        Assert.Equal(1, Assert.Single(_store.Regular).Data[4]);
        Assert.Equal(9, _store.LastResort!.Data[4]);
        Assert.All(_store.Added, p => Assert.Equal(1_800_000_000, p.CreatedAt));
        Assert.Equal("Not-Even-Hex", _alice.SigningKeyFingerprint);
    }

    [Fact]
    public async Task An_empty_fingerprint_keeps_the_stored_one()
    {
        await Handle([new(Valid(1), false)], fingerprint: "");

        Assert.Equal("old-fingerprint", _alice.SigningKeyFingerprint);
    }

    [Fact]
    public async Task One_bad_package_stores_nothing_and_keeps_the_fingerprint()
    {
        var refusal = await Assert.ThrowsAsync<DomainException>(() =>
            Handle([new(Valid(1), false), new(Valid(2), false), new([0x00, 0x01, 0x00], false)], fingerprint: "new"));

        Assert.Equal(DomainError.BadRequest, refusal.Error);
        Assert.Equal("key package too short to be a valid MLS message", refusal.Message);
        _packages.DidNotReceiveWithAnyArgs().Update(default!);
        Assert.Empty(_store.Added);
        Assert.Equal("old-fingerprint", _alice.SigningKeyFingerprint);
    }

    [Fact]
    public async Task The_legacy_field_is_one_regular_package()
    {
        await Handle([], fingerprint: "", legacy: Valid(5));

        Assert.Equal(5, Assert.Single(_store.Added).Data[4]);
        Assert.Null(_store.LastResort);
    }

    private Task<Unit> Handle(KeyPackageEntry[] entries, string fingerprint, byte[]? legacy = null) =>
        ((IRequestHandler<UploadKeyPackagesCommand, Unit>)new UploadKeyPackagesHandler(_packages, _users, _clock))
            .Handle(new UploadKeyPackagesCommand(_alice.Id, entries, legacy ?? [], fingerprint), default);
}
