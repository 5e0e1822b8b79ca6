namespace Nightjar.Recording.Validation;

/// <summary>
/// One problem with a request, tied to the field it is about.
/// </summary>
/// <param name="Field">
/// Path of the field in the request JSON, e.g. <c>streams[0].url</c> or <c>dvr.depth</c>;
/// <see cref="Body"/> (<c>$</c>) when the problem is the body as a whole (not JSON, too large...).
/// </param>
/// <param name="Message">A sentence for a person; never contains a secret.</param>
public sealed record ValidationError(string Field, string Message)
{
    /// <summary>The field name used for problems with the whole body.</summary>
    public const string Body = "$";

    /// <summary>
    /// Groups errors by field, in the shape ASP.NET Core's <c>Results.ValidationProblem</c> expects.
    /// </summary>
    public static IDictionary<string, string[]> ToDictionary(IEnumerable<ValidationError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return errors
            .GroupBy(e => e.Field, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray(), StringComparer.Ordinal);
    }

    public override string ToString() => $"{Field}: {Message}";
}
