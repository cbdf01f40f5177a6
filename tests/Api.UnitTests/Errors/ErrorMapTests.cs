using Conclave.Api.Errors;
using Conclave.Domain.Common;
using Conclave.Plugins.Abstractions.Policies;
using Conclave.V1;
using Grpc.Core;

namespace Conclave.Api.UnitTests.Errors;

// spec appendices/error-codes.md, CLARIFICATIONS §2.6 and C5: every kind with its ErrorCode, HTTP and gRPC status.
public sealed class ErrorMapTests
{
    public static TheoryData<DomainError, ErrorCode, int, StatusCode> Table => new()
    {
        { DomainError.Validation, ErrorCode.InputValidation, 400, StatusCode.InvalidArgument },
        { DomainError.BadRequest, ErrorCode.InputBadRequest, 400, StatusCode.FailedPrecondition },
        { DomainError.NotFound, ErrorCode.ResourceNotFound, 404, StatusCode.NotFound },
        { DomainError.Conflict, ErrorCode.ResourceConflict, 409, StatusCode.AlreadyExists },
        { DomainError.Forbidden, ErrorCode.ResourceForbidden, 403, StatusCode.PermissionDenied },
        { DomainError.NotMember, ErrorCode.GroupNotMember, 401, StatusCode.PermissionDenied },
        { DomainError.NotAdmin, ErrorCode.GroupNotAdmin, 401, StatusCode.PermissionDenied },
        { DomainError.NotPublic, ErrorCode.GroupNotPublic, 403, StatusCode.PermissionDenied },
        { DomainError.Banned, ErrorCode.GroupBanned, 403, StatusCode.PermissionDenied },
        { DomainError.InvalidCredentials, ErrorCode.AuthTokenExpired, 401, StatusCode.Unauthenticated },
        { DomainError.RateLimited, ErrorCode.Unspecified, 429, StatusCode.ResourceExhausted },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void Each_kind_maps_to_its_code_and_statuses(DomainError error, ErrorCode code, int http, StatusCode grpc) =>
        Assert.Equal((code, http, grpc), ErrorMap.For(error));

    [Fact]
    public void The_table_covers_every_kind() =>
        Assert.Equal(Enum.GetValues<DomainError>().Order(), Table.Select(row => (DomainError)row[0]).Order());

    [Theory]
    [MemberData(nameof(Table))]
    public void A_domain_exception_keeps_its_message(DomainError error, ErrorCode code, int http, StatusCode grpc)
    {
        var outcome = ErrorMap.Describe(new DomainException(error, "route message"));

        Assert.Equal((http, grpc, "route message", code), (outcome.HttpStatus, outcome.GrpcStatus, outcome.Body.Message, outcome.Body.ErrorCode));
        Assert.False(outcome.IsInternal);
    }

    [Theory]
    [InlineData(PolicyRejection.Forbidden, ErrorCode.ResourceForbidden, 403, StatusCode.PermissionDenied)]
    [InlineData(PolicyRejection.Validation, ErrorCode.InputValidation, 400, StatusCode.InvalidArgument)]
    [InlineData(PolicyRejection.BadRequest, ErrorCode.InputBadRequest, 400, StatusCode.FailedPrecondition)]
    [InlineData(PolicyRejection.Conflict, ErrorCode.ResourceConflict, 409, StatusCode.AlreadyExists)]
    [InlineData(PolicyRejection.RateLimited, ErrorCode.Unspecified, 429, StatusCode.ResourceExhausted)]
    public void A_plugin_refusal_answers_as_the_core_refusal_of_its_kind(PolicyRejection kind, ErrorCode code, int http, StatusCode grpc)
    {
        var outcome = ErrorMap.Describe(new PolicyRejectedException(kind, "plugin message"));

        Assert.Equal((http, grpc, "plugin message", code), (outcome.HttpStatus, outcome.GrpcStatus, outcome.Body.Message, outcome.Body.ErrorCode));
    }

    [Fact]
    public void Every_plugin_refusal_kind_is_mapped() =>
        Assert.All(Enum.GetValues<PolicyRejection>(), kind => Assert.False(ErrorMap.Describe(new PolicyRejectedException(kind, "m")).IsInternal));

    [Fact]
    public void A_plugin_refusal_of_no_known_kind_is_an_internal_error() =>
        Assert.True(ErrorMap.Describe(new PolicyRejectedException((PolicyRejection)99, "m")).IsInternal);

    [Theory]
    [InlineData(400, ErrorCode.InputBadRequest, StatusCode.InvalidArgument)]
    [InlineData(401, ErrorCode.AuthHeaderMissing, StatusCode.Unauthenticated)]
    [InlineData(404, ErrorCode.ResourceNotFound, StatusCode.NotFound)]
    [InlineData(405, ErrorCode.InputBadRequest, StatusCode.Unimplemented)]
    [InlineData(413, ErrorCode.InputBadRequest, StatusCode.InvalidArgument)]
    public void A_transport_refusal_keeps_its_status_code_and_message(int status, ErrorCode code, StatusCode grpc)
    {
        var outcome = ErrorMap.Describe(new ApiException(status, code, "transport message"));

        Assert.Equal((status, grpc, "transport message", code), (outcome.HttpStatus, outcome.GrpcStatus, outcome.Body.Message, outcome.Body.ErrorCode));
    }

    [Theory]
    [InlineData(400, "invalid request", StatusCode.InvalidArgument)]
    [InlineData(408, "request body arrived too slowly", StatusCode.DeadlineExceeded)]
    [InlineData(413, "request body too large", StatusCode.InvalidArgument)]
    public void Kestrels_refusal_of_a_request_is_the_clients_fault_not_an_internal_failure(int status, string message, StatusCode grpc)
    {
        var outcome = ErrorMap.Describe(new Microsoft.AspNetCore.Http.BadHttpRequestException("Unexpected end of request content.", status));

        Assert.Equal((status, grpc, message, ErrorCode.InputBadRequest), (outcome.HttpStatus, outcome.GrpcStatus, outcome.Body.Message, outcome.Body.ErrorCode));
        Assert.False(outcome.IsInternal);
    }

    [Fact]
    public void Anything_else_is_a_bare_500_that_reveals_nothing()
    {
        var outcome = ErrorMap.Describe(new InvalidOperationException("SQLite Error 1: no such table: sessions at /srv/conclave.db"));

        Assert.Equal((500, StatusCode.Internal), (outcome.HttpStatus, outcome.GrpcStatus));
        Assert.Equal(new ErrorResponse { Message = "internal server error" }, outcome.Body); // code 0: absent on the wire
        Assert.True(outcome.IsInternal);
    }
}
