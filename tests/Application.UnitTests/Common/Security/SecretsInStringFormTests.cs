using System.Reflection;
using System.Text.RegularExpressions;
using Conclave.Application.Accounts.Commands.ChangePassword;
using Conclave.Application.Accounts.Commands.Login;
using Conclave.Application.Accounts.Commands.Register;
using Conclave.Application.Administration.Commands.ResetPassword;

namespace Conclave.Application.UnitTests.Common.Security;

// Security review (issue 30) finding 4: a plugin behaviour that logs its request logged a LoginCommand's password.
// Every record of Application with a property named for a secret prints *** in its place, and its other properties as
// usual, so a new command or result carrying a secret cannot print it unnoticed.
public sealed class SecretsInStringFormTests
{
    private static readonly Regex SecretName = new("Password|Token|Secret", RegexOptions.IgnoreCase);

    private static readonly Type[] Found = [.. typeof(LoginCommand).Assembly.GetTypes()
        .Where(type => type.GetMethod("<Clone>$") is not null) // records
        .Where(type => type.GetProperties().Any(property => SecretName.IsMatch(property.Name)))
        .OrderBy(type => type.FullName, StringComparer.Ordinal)];

    public static TheoryData<Type> RecordsWithSecrets => [.. Found];

    [Fact]
    public void The_known_secret_bearing_requests_are_among_them() =>
        Assert.Superset(new HashSet<Type> { typeof(LoginCommand), typeof(RegisterCommand), typeof(ChangePasswordCommand), typeof(ResetPasswordCommand), typeof(LoginResult) },
            Found.ToHashSet());

    [Theory]
    [MemberData(nameof(RecordsWithSecrets))]
    public void Its_string_form_shows_no_secret_and_every_other_property(Type record)
    {
        var constructor = record.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
        var arguments = constructor.GetParameters().Select(p => p.ParameterType == typeof(string) ? $"value-of-{p.Name}-7c1e" : Default(p.ParameterType)).ToArray();

        var text = constructor.Invoke(arguments).ToString()!;

        foreach (var property in record.GetProperties().Where(p => p.PropertyType == typeof(string) && p.Name != "EqualityContract"))
        {
            var value = $"value-of-{property.Name}-7c1e";
            if (SecretName.IsMatch(property.Name))
            {
                Assert.DoesNotContain(value, text);
                Assert.Contains($"{property.Name} = ***", text);
            }
            else
            {
                Assert.Contains($"{property.Name} = {value}", text);
            }
        }
        Assert.StartsWith($"{record.Name} {{ ", text);
    }

    private static object? Default(Type type) => type.IsValueType ? Activator.CreateInstance(type) : null;
}
