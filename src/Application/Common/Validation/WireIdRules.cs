using Conclave.Domain.Common;
using FluentValidation;

namespace Conclave.Application.Common.Validation;

public static class WireIdRules
{
    /// <summary>Ids in bodies are exactly 16 bytes: otherwise 400 INPUT_VALIDATION "invalid &lt;field&gt;" (CLARIFICATIONS §2.4).</summary>
    public static IRuleBuilderOptions<T, byte[]> WireUserId<T>(this IRuleBuilder<T, byte[]> rule, string field) =>
        rule.Must(id => id.Length == UuidBytes.Length).WithMessage($"invalid {field}");

    public static UserId ToUserId(this byte[] bytes) => new(new Guid(bytes, bigEndian: true));
}
