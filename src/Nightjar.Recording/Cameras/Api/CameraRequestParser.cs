using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Nightjar.Recording.Validation;

namespace Nightjar.Recording.Cameras.Api;

/// <summary>
/// Reads a camera request body strictly: at most <see cref="MaxBodyBytes"/>, exact camelCase field names, unknown
/// or repeated fields rejected, no comments or trailing commas, numbers as JSON numbers. Every failure is one
/// <see cref="ValidationError"/> naming the field (<c>streams[0].expectedBitrateKbps</c>); nothing else is thrown.
/// </summary>
/// <remarks>
/// Type errors stop the reading, so they come one at a time; field rules (<see cref="CameraRequestValidator"/>) are
/// all reported together. Read the body yourself and call this: ASP.NET Core's own binding is not this strict.
/// </remarks>
public static class CameraRequestParser
{
    /// <summary>Largest accepted body; a camera with eight streams and full labels is far below it.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    /// <summary>Deepest accepted nesting; the camera resource itself needs three levels.</summary>
    public const int MaxDepth = 8;

    internal static JsonSerializerOptions Options { get; } = CreateOptions();

    public static ValidationResult<CameraRequest> Parse(ReadOnlySpan<byte> utf8Json)
    {
        if (utf8Json.Length > MaxBodyBytes)
        {
            return ValidationResult.Failure<CameraRequest>(ValidationError.Body, string.Create(CultureInfo.InvariantCulture, $"is larger than {MaxBodyBytes} bytes"));
        }

        if (StrictJsonScanner.Scan(utf8Json, MaxDepth) is { } syntaxError)
        {
            return ValidationResult.Failure<CameraRequest>([syntaxError]);
        }

        try
        {
            var request = JsonSerializer.Deserialize<CameraRequest>(utf8Json, Options);
            return request is null
                ? ValidationResult.Failure<CameraRequest>(ValidationError.Body, "must be a JSON object")
                : ValidationResult.Success(request);
        }
        catch (JsonException ex)
        {
            return ValidationResult.Failure<CameraRequest>([JsonErrorMapper.Map(ex, Options, typeof(CameraRequest))]);
        }
    }

    public static ValidationResult<CameraRequest> Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);

        // Refuse before encoding: a huge string must not cost a huge buffer.
        if (json.Length > MaxBodyBytes)
        {
            return ValidationResult.Failure<CameraRequest>(ValidationError.Body, string.Create(CultureInfo.InvariantCulture, $"is larger than {MaxBodyBytes} bytes"));
        }

        byte[] bytes;
        try
        {
            bytes = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetBytes(json);
        }
        catch (EncoderFallbackException)
        {
            return ValidationResult.Failure<CameraRequest>(ValidationError.Body, "is not valid text: it holds a lone surrogate");
        }

        return Parse(bytes);
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            AllowDuplicateProperties = false,
            PropertyNameCaseInsensitive = false,
            NumberHandling = JsonNumberHandling.Strict,
            ReadCommentHandling = JsonCommentHandling.Disallow,
            AllowTrailingCommas = false,
            MaxDepth = MaxDepth + 1,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
        };
        options.MakeReadOnly();
        return options;
    }
}
