using Conclave.Application.Common.Validation;
using FluentValidation;

namespace Conclave.Application.KeyPackages.Commands.UploadKeyPackages;

// Decision 14: the fingerprint's bound is checked before any package, so a refused upload stores nothing.
public sealed class UploadKeyPackagesValidator : AbstractValidator<UploadKeyPackagesCommand>
{
    public UploadKeyPackagesValidator() => RuleFor(c => c.Fingerprint).SigningKeyFingerprint();
}
