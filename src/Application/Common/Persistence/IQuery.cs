using MediatR;

namespace Conclave.Application.Common.Persistence;

/// <summary>A read: it runs without a transaction and raises no events.</summary>
public interface IQuery<out TResponse> : IRequest<TResponse>;
