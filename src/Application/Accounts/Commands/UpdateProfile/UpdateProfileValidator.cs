using Conclave.Application.Common.Validation;
using FluentValidation;

namespace Conclave.Application.Accounts.Commands.UpdateProfile;

public sealed class UpdateProfileValidator : AbstractValidator<UpdateProfileCommand>
{
    public UpdateProfileValidator() => RuleFor(c => c.Alias).Cascade(CascadeMode.Stop).ProtocolAlias();
}
