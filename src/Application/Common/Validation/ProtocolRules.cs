using System.Text;
using System.Text.RegularExpressions;
using FluentValidation;

namespace Conclave.Application.Common.Validation;

// spec appendices/validation-rules.md with the reference's messages; lengths in UTF-8 bytes (CLARIFICATIONS C18).
public static partial class ProtocolRules
{
    // \z, not $: $ also matches before a final "\n".
    [GeneratedRegex(@"\A[A-Za-z0-9][A-Za-z0-9_]*\z", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();

    /// <summary>Usernames and group names: at most 64 bytes, then the character rule. <paramref name="label"/> starts the messages.</summary>
    public static IRuleBuilderOptions<T, string> ProtocolName<T>(this IRuleBuilder<T, string> rule, string label) =>
        rule.Must(name => Encoding.UTF8.GetByteCount(name) <= 64).WithMessage($"{label} exceeds maximum length of 64 characters")
            .Must(name => NamePattern().IsMatch(name))
            .WithMessage($"{label} must start with a letter or digit and contain only ASCII letters, digits, and underscores");

    /// <summary>User and group aliases: at most 64 bytes, no byte below 0x20 nor 0x7F (CLARIFICATIONS C19).</summary>
    public static IRuleBuilderOptions<T, string> ProtocolAlias<T>(this IRuleBuilder<T, string> rule) =>
        rule.Must(alias => Encoding.UTF8.GetByteCount(alias) <= 64).WithMessage("alias exceeds maximum length of 64 characters")
            .Must(alias => !alias.Any(c => c < 0x20 || c == 0x7F)).WithMessage("alias must not contain ASCII control characters");
}
