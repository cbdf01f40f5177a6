using Conclave.Api.Auth;
using Conclave.Application.KeyPackages.Commands.GetKeyPackage;
using Conclave.Application.KeyPackages.Commands.UploadKeyPackages;
using Conclave.Domain.Common;
using Conclave.Server.V1;
using Conclave.V1;
using Google.Protobuf;
using Grpc.Core;
using MediatR;
using UploadEntry = Conclave.Domain.KeyPackages.KeyPackageEntry;

namespace Conclave.Api.Grpc;

public sealed class KeyPackagesService(IMediator mediator, Caller caller) : KeyPackages.KeyPackagesBase
{
    public override async Task<UploadKeyPackageResponse> UploadKeyPackages(UploadKeyPackageRequest request, ServerCallContext context)
    {
        var entries = request.Entries.Select(entry => new UploadEntry(entry.Data.ToByteArray(), entry.IsLastResort)).ToList();
        var command = new UploadKeyPackagesCommand(caller.UserId, entries, request.KeyPackageData.ToByteArray(), request.SigningKeyFingerprint);
        await mediator.Send(command, context.CancellationToken);
        return new UploadKeyPackageResponse();
    }

    public override async Task<GetKeyPackageResponse> GetKeyPackage(GetKeyPackageRequest request, ServerCallContext context)
    {
        var target = new UserId(WireIds.FromPath(request.UserId, "user_id"));
        var data = await mediator.Send(new GetKeyPackageCommand(target), context.CancellationToken);
        return new GetKeyPackageResponse { KeyPackageData = UnsafeByteOperations.UnsafeWrap(data) };
    }
}
