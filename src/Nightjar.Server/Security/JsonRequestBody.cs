using System.Buffers;
using System.Globalization;
using Microsoft.Net.Http.Headers;
using Nightjar.Recording.Validation;

namespace Nightjar.Server.Security;

/// <summary>
/// Reads a JSON request body as raw bytes for the strict parsers, bounded before a byte is buffered: a wrong
/// content type is 415, a body over the limit 413, a missing one 400; nothing else is read or allocated.
/// </summary>
internal static class JsonRequestBody
{
    /// <summary>Reads the body; <see cref="JsonBody.Problem"/> is set when the request must be refused.</summary>
    /// <param name="request">The request.</param>
    /// <param name="maxBytes">Largest accepted body.</param>
    /// <param name="optional">An empty body (without content type) is accepted and gives empty bytes.</param>
    /// <param name="cancellationToken">The request's token.</param>
    public static async Task<JsonBody> ReadAsync(HttpRequest request, int maxBytes, bool optional, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > maxBytes)
        {
            return TooLarge(maxBytes);
        }

        var declaredJson = IsJson(request.ContentType);
        if (!declaredJson && !string.IsNullOrEmpty(request.ContentType) && !(optional && request.ContentLength == 0))
        {
            return UnsupportedMediaType();
        }

        var buffer = new ArrayBufferWriter<byte>(Math.Min(maxBytes + 1, 16 * 1024));
        var memory = new byte[8 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(memory, cancellationToken)) > 0)
        {
            if (buffer.WrittenCount + read > maxBytes)
            {
                return TooLarge(maxBytes);
            }

            buffer.Write(memory.AsSpan(0, read));
        }

        if (buffer.WrittenCount == 0)
        {
            return optional ? new JsonBody([], null) : Missing();
        }

        // A body without any content type is not JSON by declaration, whatever it looks like.
        return declaredJson ? new JsonBody(buffer.WrittenSpan.ToArray(), null) : UnsupportedMediaType();
    }

    private static JsonBody UnsupportedMediaType() =>
        new(null, TypedResults.Problem(
            statusCode: StatusCodes.Status415UnsupportedMediaType,
            detail: "Send the body as 'Content-Type: application/json' (UTF-8)."));

    private static bool IsJson(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var media))
        {
            return false;
        }

        var type = media.MediaType.Value ?? string.Empty;
        var json = string.Equals(type, "application/json", StringComparison.OrdinalIgnoreCase)
            || (type.StartsWith("application/", StringComparison.OrdinalIgnoreCase) && type.EndsWith("+json", StringComparison.OrdinalIgnoreCase));
        var charset = media.Charset.Value;
        return json && (charset is null || string.Equals(charset, "utf-8", StringComparison.OrdinalIgnoreCase));
    }

    private static JsonBody Missing() =>
        new(null, FieldProblems.BadRequest([new ValidationError(ValidationError.Body, "a JSON body is required")]));

    private static JsonBody TooLarge(int maxBytes) =>
        new(null, TypedResults.Problem(
            statusCode: StatusCodes.Status413PayloadTooLarge,
            detail: string.Create(CultureInfo.InvariantCulture, $"The body is larger than {maxBytes} bytes.")));
}
