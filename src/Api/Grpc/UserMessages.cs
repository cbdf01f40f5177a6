using Conclave.Application.Users;
using Conclave.V1;

namespace Conclave.Api.Grpc;

internal static class UserMessages
{
    public static UserInfoResponse ToMessage(this UserInfoDto user) => new()
    {
        UserId = user.UserId.ToByteString(),
        Username = user.Username,
        Alias = user.Alias,
        SigningKeyFingerprint = user.SigningKeyFingerprint,
    };
}
