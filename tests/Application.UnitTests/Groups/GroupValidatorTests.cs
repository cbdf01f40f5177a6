using Conclave.Application.Groups.Commands.CreateGroup;
using Conclave.Application.Groups.Commands.UpdateGroup;
using Conclave.Domain.Common;

namespace Conclave.Application.UnitTests.Groups;

// CLARIFICATIONS R14 and R16: the shape rules, first failure wins, with the kind the reference answers.
public sealed class GroupValidatorTests
{
    private static readonly UserId Alice = UserId.New();

    [Theory]
    [InlineData("", "bad\u0001", "group_name is required")]
    [InlineData("a123456789a123456789a123456789a123456789a123456789a123456789abcde", "", "group name exceeds maximum length of 64 characters")]
    [InlineData("9_lives", "", null)]
    [InlineData("ok", "bad\u0001", "alias must not contain ASCII control characters")]
    [InlineData("ok", "ünïcödé ok", null)]
    public void Create_checks_the_name_then_the_alias(string name, string alias, string? message)
    {
        var result = new CreateGroupValidator().Validate(new CreateGroupCommand(Alice, name, alias));
        Assert.Equal(message, result.Errors.FirstOrDefault()?.ErrorMessage);
    }

    [Fact]
    public void A_missing_name_is_a_bad_request_and_a_bad_one_a_validation_error()
    {
        var validator = new CreateGroupValidator();
        Assert.Equal(nameof(DomainError.BadRequest), validator.Validate(new CreateGroupCommand(Alice, "", "")).Errors[0].ErrorCode);
        Assert.False(Enum.TryParse<DomainError>(validator.Validate(new CreateGroupCommand(Alice, "_x", "")).Errors[0].ErrorCode, out _));
    }

    [Theory]
    [InlineData("bad\u007F", "bad name", "alias must not contain ASCII control characters")]
    [InlineData("", "bad name", "group name must start with a letter or digit and contain only ASCII letters, digits, and underscores")]
    [InlineData("", "", null)]
    [InlineData("Alias", "good_name", null)]
    public void Update_checks_the_alias_then_a_given_name(string alias, string name, string? message)
    {
        var result = new UpdateGroupValidator().Validate(new UpdateGroupCommand(GroupId.New(), Alice, alias, name, null, 0));
        Assert.Equal(message, result.Errors.FirstOrDefault()?.ErrorMessage);
    }
}
