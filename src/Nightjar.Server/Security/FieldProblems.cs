using System.Globalization;
using Nightjar.Recording.Validation;

namespace Nightjar.Server.Security;

/// <summary>
/// Problem-details answers that name the offending fields (<c>errors: {"streams[0].url": ["..."]}</c>). 400: the body
/// or the URL cannot be read as the request (syntax, unknown field, wrong type, invalid id); 422: it was read, but
/// values break the rules; 409: it conflicts with what exists; 403: it asks for more than the caller has.
/// </summary>
internal static class FieldProblems
{
    public static IResult BadRequest(IEnumerable<ValidationError> errors) =>
        Validation(errors, StatusCodes.Status400BadRequest);

    public static IResult Unprocessable(IEnumerable<ValidationError> errors) =>
        Validation(errors, StatusCodes.Status422UnprocessableEntity);

    public static IResult Conflict(string field, string message) =>
        Validation([new ValidationError(field, message)], StatusCodes.Status409Conflict);

    public static IResult Forbidden(string field, string message) =>
        Validation([new ValidationError(field, message)], StatusCodes.Status403Forbidden);

    /// <summary>A validation problem; its detail repeats the first error, for clients that show only the detail.</summary>
    public static IResult Validation(IEnumerable<ValidationError> errors, int statusCode)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var list = errors.ToList();
        if (list.Count == 0)
        {
            throw new ArgumentException("A field problem needs at least one error.", nameof(errors));
        }

        var detail = list.Count == 1
            ? list[0].ToString()
            : string.Create(CultureInfo.InvariantCulture, $"{list[0]} (and {list.Count - 1} more)");
        return Results.ValidationProblem(ValidationError.ToDictionary(list), detail: detail, statusCode: statusCode);
    }
}
