using Conclave.Application.KeyPackages.Commands.UploadKeyPackages;
using Conclave.Application.Members.Commands.ExternalJoin;
using Conclave.Application.Messages.Commands.UploadCommit;
using Conclave.Domain.Common;
using FluentValidation;

namespace Conclave.Application.UnitTests.Common.Validation;

// CLARIFICATIONS decision 14: signing_key_fingerprint is empty or 64 hex characters; mls_group_id is empty or hex
// of at most 512 characters; anything else is 400 INPUT_BAD_REQUEST.
public sealed class StoredStringsTests
{
    public static TheoryData<string, bool> Fingerprints => new()
    {
        { "", true },
        { new string('a', 64), true },
        { "0123456789ABCDEFabcdef" + new string('0', 42), true },
        { new string('a', 63), false },
        { new string('a', 65), false },
        { new string('g', 64), false },
        { new string('a', 63) + "\n", false },
        { new string('a', 500_000), false },
    };

    public static TheoryData<string, bool> MlsGroupIds => new()
    {
        { "", true },
        { "0a", true },
        { "ABCdef012", true },
        { new string('f', 512), true },
        { new string('f', 513), false },
        { "not hex", false },
        { "0a\n", false },
    };

    [Theory]
    [MemberData(nameof(Fingerprints))]
    public void A_key_package_upload_bounds_its_fingerprint(string fingerprint, bool valid) =>
        AssertOutcome(new UploadKeyPackagesValidator(), new UploadKeyPackagesCommand(UserId.New(), [], [], fingerprint), valid,
            "signing_key_fingerprint must be empty or 64 hex characters");

    [Theory]
    [MemberData(nameof(MlsGroupIds))]
    public void A_commit_upload_bounds_its_mls_group_id(string mlsGroupId, bool valid) =>
        AssertOutcome(new UploadCommitValidator(), new UploadCommitCommand(GroupId.New(), UserId.New(), [], [], mlsGroupId), valid,
            "mls_group_id must be empty or hex of at most 512 characters");

    [Theory]
    [MemberData(nameof(MlsGroupIds))]
    public void An_external_join_bounds_its_mls_group_id(string mlsGroupId, bool valid) =>
        AssertOutcome(new ExternalJoinValidator(), new ExternalJoinCommand(GroupId.New(), UserId.New(), [], mlsGroupId), valid,
            "mls_group_id must be empty or hex of at most 512 characters");

    private static void AssertOutcome<T>(IValidator<T> validator, T command, bool valid, string message)
    {
        var failure = validator.Validate(command).Errors.FirstOrDefault();
        if (valid)
        {
            Assert.Null(failure);
            return;
        }
        Assert.NotNull(failure);
        Assert.Equal((nameof(DomainError.BadRequest), message), (failure.ErrorCode, failure.ErrorMessage));
    }
}
