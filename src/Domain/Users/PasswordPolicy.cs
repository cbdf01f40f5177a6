using System.Text;

namespace Conclave.Domain.Users;

// spec appendices/validation-rules.md; lengths count UTF-8 bytes (CLARIFICATIONS C18).
public static class PasswordPolicy
{
    public const string TooShort = "password must be at least 8 characters";

    public static bool IsLongEnough(string password) => Encoding.UTF8.GetByteCount(password) >= 8;
}
