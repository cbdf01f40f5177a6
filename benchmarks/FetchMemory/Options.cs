using System.Globalization;

namespace Conclave.Benchmarks.FetchMemory;

internal sealed record Options(string? Server, int Messages, int Size, int Concurrency, long RssCapBytes, string[] Surfaces)
{
    public static Options Parse(string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        int Number(string name, int fallback) => Value(name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;
        return new Options(
            Value("--server"),
            Number("--messages", 500),
            Number("--size", 1_048_000), // about 1 MiB: the largest a send takes is 1,048,572 bytes
            Number("--concurrency", 4),
            Number("--rss-cap-mib", 6144) * 1024L * 1024,
            (Value("--surfaces") ?? "protobuf,grpc,json").Split(','));
    }
}
