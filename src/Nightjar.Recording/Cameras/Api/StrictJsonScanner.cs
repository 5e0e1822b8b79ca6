using System.Globalization;
using System.Text.Json;
using Nightjar.Recording.Validation;

namespace Nightjar.Recording.Cameras.Api;

/// <summary>
/// A first pass over request bytes that System.Text.Json's deserializer does not give in a usable form:
/// syntax errors told apart from type errors, depth limits with a clear message, duplicate fields with their path
/// (two "password" fields would let two parsers disagree about which one counts), invalid UTF-8 in any string.
/// It allocates little and reads each byte once, so any input finishes quickly.
/// </summary>
internal static class StrictJsonScanner
{
    public static ValidationError? Scan(ReadOnlySpan<byte> utf8Json, int maxDepth)
    {
        var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions
        {
            // One more than allowed, so the reader never fails on depth before our own clearer check does.
            MaxDepth = maxDepth + 1,
            CommentHandling = JsonCommentHandling.Disallow,
            AllowTrailingCommas = false,
        });
        var frames = new Stack<Frame>();
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        var frame = frames.Peek();
                        var name = reader.GetString() ?? string.Empty;
                        if (!frame.Keys!.Add(name))
                        {
                            return new ValidationError(JsonFieldPath.Child(frame.Path, name), "is given more than once");
                        }

                        frame.PendingName = name;
                        break;
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        if (reader.CurrentDepth >= maxDepth)
                        {
                            return new ValidationError(ValidationError.Body, string.Create(CultureInfo.InvariantCulture, $"is nested deeper than {maxDepth} levels"));
                        }

                        var path = frames.Count == 0 ? string.Empty : frames.Peek().NextValuePath();
                        frames.Push(new Frame(path, reader.TokenType == JsonTokenType.StartObject));
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        frames.Pop();
                        break;
                    case JsonTokenType.String:
                        // Decoding proves the string is valid UTF-8 without lone surrogates.
                        _ = reader.GetString();
                        AdvanceIndex(frames);
                        break;
                    default:
                        AdvanceIndex(frames);
                        break;
                }
            }
        }
        catch (JsonException ex)
        {
            return new ValidationError(ValidationError.Body, string.Create(
                CultureInfo.InvariantCulture,
                $"is not valid JSON (line {(ex.LineNumber ?? 0) + 1}, byte {(ex.BytePositionInLine ?? 0) + 1})"));
        }
        catch (InvalidOperationException)
        {
            return new ValidationError(ValidationError.Body, "is not valid JSON: a string holds invalid UTF-8 or an invalid escape");
        }

        return null;
    }

    private static void AdvanceIndex(Stack<Frame> frames)
    {
        if (frames.Count > 0 && !frames.Peek().IsObject)
        {
            frames.Peek().NextIndex++;
        }
    }

    private sealed class Frame(string path, bool isObject)
    {
        public string Path { get; } = path;

        public bool IsObject { get; } = isObject;

        public HashSet<string>? Keys { get; } = isObject ? new HashSet<string>(StringComparer.Ordinal) : null;

        public string? PendingName { get; set; }

        public int NextIndex { get; set; }

        public string NextValuePath() =>
            IsObject ? JsonFieldPath.Child(Path, PendingName ?? string.Empty) : JsonFieldPath.Item(Path, NextIndex++);
    }
}
