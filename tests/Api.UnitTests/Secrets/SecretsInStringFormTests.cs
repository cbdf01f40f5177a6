using System.Text.RegularExpressions;
using Conclave.Api.Configuration;
using Conclave.Application.Accounts.Commands.ChangePassword;
using Conclave.Application.Accounts.Commands.Login;
using Conclave.Application.Accounts.Commands.Register;
using Conclave.Application.Administration.Commands.ResetPassword;
using Conclave.Application.Common.Settings;

namespace Conclave.Api.UnitTests.Secrets;

// Security review (issue 30) finding 4: a plugin behaviour that logs its request logged a LoginCommand's password.
// Every record of the application layer and of the server (requests, answers, settings) with a property named for a
// secret prints *** in its place and its other properties as usual, so a new one carrying a secret cannot print it.
public sealed class SecretsInStringFormTests
{
    private static readonly Regex SecretName = new("(Password|Token|TokenHash|Secret)$");

    private static readonly Type[] Found = [.. new[] { typeof(LoginCommand).Assembly, typeof(ServerConfig).Assembly }
        .SelectMany(assembly => assembly.GetTypes())
        .Where(type => type.GetMethod("<Clone>$") is not null) // records
        .Where(type => type.GetProperties().Any(property => SecretName.IsMatch(property.Name)))
        .OrderBy(type => type.FullName, StringComparer.Ordinal)];

    public static TheoryData<Type> RecordsWithSecrets => [.. Found];

    [Fact]
    public void The_known_secret_bearing_records_are_among_them() =>
        Assert.Superset(new HashSet<Type>
        {
            typeof(LoginCommand), typeof(RegisterCommand), typeof(ChangePasswordCommand), typeof(ResetPasswordCommand), typeof(LoginResult),
            typeof(ServerSettings), typeof(ServerConfig),
        }, Found.ToHashSet());

    [Theory]
    [MemberData(nameof(RecordsWithSecrets))]
    public void Its_string_form_shows_no_secret_and_every_other_string(Type record)
    {
        var constructor = record.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
        var instance = constructor.Invoke([.. constructor.GetParameters().Select(p => p.ParameterType == typeof(string) ? Value(p.Name!) : Default(p.ParameterType))]);
        var strings = record.GetProperties().Where(p => p.PropertyType == typeof(string) && p.CanWrite).ToList();
        foreach (var property in strings.Where(p => p.GetSetMethod() is not null)) property.SetValue(instance, Value(property.Name)); // init-only too

        var text = instance.ToString()!;

        foreach (var property in strings)
        {
            if (SecretName.IsMatch(property.Name))
            {
                Assert.DoesNotContain(Value(property.Name), text);
                Assert.Contains($"{property.Name} = ***", text);
            }
            else
            {
                Assert.Contains($"{property.Name} = {Value(property.Name)}", text);
            }
        }
        Assert.StartsWith($"{record.Name} {{ ", text);
    }

    private static string Value(string name) => $"value-of-{name}-7c1e";

    private static object? Default(Type type) => type.IsValueType ? Activator.CreateInstance(type) : null;
}
