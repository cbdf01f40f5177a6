using Conclave.Domain.Common;
using FluentValidation;

namespace Conclave.Application.Common.Validation;

// Ids in request bodies stay bytes in the command and are checked by its validator, after the access check
// (CLARIFICATIONS §2.4: exactly 16 bytes, else 400 INPUT_VALIDATION "invalid <field>").
public static class BodyIds
{
    public static IRuleBuilderOptions<T, byte[]> WireId<T>(this IRuleBuilder<T, byte[]> rule, string field) =>
        rule.Must(bytes => bytes.Length == UuidBytes.Length).WithMessage($"invalid {field}");

    /// <summary>The user id spelled by bytes the validator accepted.</summary>
    public static UserId ToUserId(this byte[] bytes) => new(new Guid(bytes, bigEndian: true));
}
