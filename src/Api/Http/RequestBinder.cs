using System.Buffers;
using System.Globalization;
using Conclave.Api.Errors;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Conclave.Api.Http;

// Builds an RPC's request message from a spec HTTP request in the reference's order (CLARIFICATIONS §2.2):
// path, then query, then the body's size, then its decoding.
internal static class RequestBinder
{
    public static void BindPath(RpcRoute route, HttpContext http, IMessage request)
    {
        foreach (var field in route.PathFields)
        {
            var text = http.GetRouteValue(field.Name) as string ?? "";
            if (field.Name.EndsWith("_id", StringComparison.Ordinal) && !UuidText.TryParse(text, out _))
                throw InvalidPath(field.Name, text);
            field.Accessor.SetValue(request, text);
        }
    }

    public static void BindQuery(RpcRoute route, HttpContext http, IMessage request)
    {
        foreach (var (key, values) in http.Request.Query)
        {
            var field = route.Method.InputType.FindFieldByName(key);
            if (field is null || route.PathFields.Contains(field) || field == route.BodyField) continue;
            if (values.Count != 1) throw InvalidQuery($"duplicate field `{key}`");
            var text = values[0] ?? "";
            field.Accessor.SetValue(request, field.FieldType switch
            {
                FieldType.Int64 => long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
                    ? number : throw InvalidQuery($"{key}: invalid digit found in string"),
                FieldType.String => text,
                _ => throw new InvalidOperationException($"query binding for {field.FieldType} is not supported"),
            });
        }
    }

    public static async Task BindBodyAsync(RpcRoute route, HttpContext http, IMessage request)
    {
        if (route.Body == BodyBinding.None) return;
        var declared = http.Request.ContentLength;
        if (declared > BodyLimit.MaxBytes) throw BodyLimit.TooLarge();
        // Pooled, sized by Content-Length when there is one (+1: room for the read that finds the end): the decoded
        // message copies what it keeps, so the buffer goes back as soon as the body is bound.
        var buffer = ArrayPool<byte>.Shared.Rent(declared is { } length ? (int)length + 1 : 4096);
        try
        {
            var size = 0;
            int read;
            while ((read = await http.Request.Body.ReadAsync(buffer.AsMemory(size), http.RequestAborted)) > 0)
            {
                size += read;
                if (size > BodyLimit.MaxBytes) throw BodyLimit.TooLarge();
                if (size == buffer.Length) buffer = Grown(buffer);
            }
            Decode(route, request, buffer, size);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    // Up to one byte past the limit, enough to tell that a body without Content-Length exceeds it.
    private static byte[] Grown(byte[] buffer)
    {
        var grown = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, BodyLimit.MaxBytes + 1));
        buffer.CopyTo(grown, 0);
        ArrayPool<byte>.Shared.Return(buffer);
        return grown;
    }

    private static void Decode(RpcRoute route, IMessage request, byte[] buffer, int size)
    {
        var descriptor = route.BodyDescriptor;
        if (!WireFormatCheck.IsValid(descriptor, buffer, size)) throw InvalidBody();
        var body = buffer.AsSpan(0, size);
        try
        {
            if (route.Body == BodyBinding.Whole) request.MergeFrom(body);
            else route.BodyField!.Accessor.SetValue(request, descriptor.Parser.ParseFrom(body));
        }
        catch (InvalidProtocolBufferException)
        {
            throw InvalidBody();
        }
    }

    private static ApiException InvalidBody() => ApiException.BadRequest("invalid request body");

    private static ApiException InvalidPath(string name, string value) =>
        ApiException.BadRequest($"Invalid URL: Cannot parse `{name}` with value `{value}` as a UUID");

    private static ApiException InvalidQuery(string detail) =>
        ApiException.BadRequest($"Failed to deserialize query string: {detail}");
}
