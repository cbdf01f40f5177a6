using System.Text.RegularExpressions;
using Conclave.Domain.Common;
using FluentValidation;

namespace Conclave.Application.Common.Validation;

// CLARIFICATIONS decision 14: the two strings a client has stored and served to others are bounded (the reference
// stores them unchecked, §5.4 and §6.7). Values stored before (or imported) are not checked again.
public static partial class StoredStrings
{
    public const int MaxMlsGroupIdLength = 512;

    [GeneratedRegex(@"\A[0-9A-Fa-f]{64}\z", RegexOptions.CultureInvariant)]
    private static partial Regex FingerprintPattern();

    [GeneratedRegex(@"\A[0-9A-Fa-f]*\z", RegexOptions.CultureInvariant)]
    private static partial Regex HexPattern();

    /// <summary>signing_key_fingerprint: empty (keep the stored one) or exactly 64 hex characters, either case.</summary>
    public static IRuleBuilderOptions<T, string> SigningKeyFingerprint<T>(this IRuleBuilder<T, string> rule) =>
        rule.Must(fingerprint => fingerprint.Length == 0 || FingerprintPattern().IsMatch(fingerprint))
            .WithErrorCode(nameof(DomainError.BadRequest))
            .WithMessage("signing_key_fingerprint must be empty or 64 hex characters");

    /// <summary>mls_group_id: empty (nothing to record) or hex of at most 512 characters.</summary>
    public static IRuleBuilderOptions<T, string> MlsGroupId<T>(this IRuleBuilder<T, string> rule) =>
        rule.Must(id => id.Length <= MaxMlsGroupIdLength && HexPattern().IsMatch(id))
            .WithErrorCode(nameof(DomainError.BadRequest))
            .WithMessage($"mls_group_id must be empty or hex of at most {MaxMlsGroupIdLength} characters");
}
