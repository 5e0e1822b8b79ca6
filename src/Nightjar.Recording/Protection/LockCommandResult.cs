using System.Collections.Immutable;
using Nightjar.Recording.Retention;
using Nightjar.Recording.Validation;

namespace Nightjar.Recording.Protection;

/// <summary>The answer to an <see cref="EvidenceLocks"/> command.</summary>
/// <param name="Status">How it ended.</param>
/// <param name="Lock">The lock added or released; null otherwise.</param>
/// <param name="Errors">Why it is invalid (field names <c>from</c>, <c>to</c>, <c>until</c>, <c>reason</c>), or what was not found.</param>
public sealed record LockCommandResult(LockCommandStatus Status, EvidenceLock? Lock, ImmutableArray<ValidationError> Errors)
{
    public static LockCommandResult Ok(EvidenceLock @lock) => new(LockCommandStatus.Ok, @lock, []);

    public static LockCommandResult Invalid(IEnumerable<ValidationError> errors) => new(LockCommandStatus.Invalid, null, [.. errors]);

    public static LockCommandResult NotFound(string field, string message) => new(LockCommandStatus.NotFound, null, [new ValidationError(field, message)]);
}
