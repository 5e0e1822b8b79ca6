using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;

namespace Nightjar.Recording.Validation;

/// <summary>
/// Either a valid value or the list of everything wrong with the input (never both, never neither).
/// Create one with <see cref="ValidationResult.Success{T}"/> or <see cref="ValidationResult.Failure{T}(IEnumerable{ValidationError})"/>.
/// </summary>
public sealed class ValidationResult<T>
    where T : class
{
    internal ValidationResult(T? value, ImmutableArray<ValidationError> errors)
    {
        Value = value;
        Errors = errors;
    }

    /// <summary>The value; non-null exactly when <see cref="IsValid"/>.</summary>
    public T? Value { get; }

    /// <summary>The problems found; empty exactly when <see cref="IsValid"/>.</summary>
    public ImmutableArray<ValidationError> Errors { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    public bool IsValid => Value is not null;

    /// <summary>The value, or an <see cref="InvalidOperationException"/> listing the errors (for callers that validated already).</summary>
    public T GetValueOrThrow() =>
        Value ?? throw new InvalidOperationException("Invalid: " + string.Join("; ", Errors));

    public override string ToString() => IsValid ? $"Valid({Value})" : "Invalid(" + string.Join("; ", Errors) + ")";
}
