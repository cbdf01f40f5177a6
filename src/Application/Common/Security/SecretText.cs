using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;

namespace Conclave.Application.Common.Security;

/// <summary>
/// The string form of a record that holds a secret: what the compiler's PrintMembers writes, with <c>***</c> for each
/// property whose name ends in Password, Token, TokenHash or Secret, so that a plugin behaviour or a log line that
/// prints a request, an answer or the settings shows none (security review, issue 30). A record with such a property
/// declares <c>private bool PrintMembers(StringBuilder builder) => SecretText.PrintMembers(this, builder);</c>.
/// </summary>
public static partial class SecretText
{
    public const string Hidden = "***";

    public static bool PrintMembers(object record, StringBuilder builder)
    {
        var properties = record.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(property => property.GetIndexParameters().Length == 0 && property.Name != "EqualityContract");
        builder.AppendJoin(", ", properties.Select(property =>
            $"{property.Name} = {(IsSecret(property.Name) ? Hidden : property.GetValue(record))}"));
        return true;
    }

    public static bool IsSecret(string propertyName) => SecretName().IsMatch(propertyName);

    [GeneratedRegex("(Password|Token|TokenHash|Secret)$")]
    private static partial Regex SecretName();
}
