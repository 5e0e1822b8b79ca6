namespace Nightjar.Recording.Validation;

/// <summary>Creates <see cref="ValidationResult{T}"/> values.</summary>
public static class ValidationResult
{
    public static ValidationResult<T> Success<T>(T value)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(value);
        return new(value, []);
    }

    /// <exception cref="ArgumentException"><paramref name="errors"/> is empty: a failure needs a reason.</exception>
    public static ValidationResult<T> Failure<T>(IEnumerable<ValidationError> errors)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(errors);
        var list = errors.ToList();
        if (list.Count == 0)
        {
            throw new ArgumentException("A failure needs at least one error.", nameof(errors));
        }

        return new(null, [.. list]);
    }

    public static ValidationResult<T> Failure<T>(string field, string message)
        where T : class => Failure<T>([new ValidationError(field, message)]);
}
