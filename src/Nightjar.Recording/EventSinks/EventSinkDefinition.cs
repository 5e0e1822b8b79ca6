using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Nightjar.Recording.EventSinks;

/// <summary>
/// A sink as stored in the journal. Everything that may be secret is protected with the node's
/// <see cref="Access.ISecretProtector"/>: the URL (it may carry user info or a token), header values and the signing
/// secret. <see cref="DisplayUrl"/> is the redacted URL for responses and logs.
/// </summary>
/// <param name="Id">16 lowercase hex characters, fixed for the sink's life.</param>
/// <param name="Name">A display name.</param>
/// <param name="ProtectedUrl">The target URL, protected.</param>
/// <param name="DisplayUrl">The target URL with its password and secret-looking query values masked.</param>
/// <param name="Types">Published event types to send; empty for all.</param>
/// <param name="Cameras">Cameras whose events to send; empty for all (site-wide events included).</param>
/// <param name="Headers">Extra request headers: name → protected value.</param>
/// <param name="ProtectedSecret">The HMAC signing secret, protected; null to send unsigned requests.</param>
/// <param name="BatchSize">Most events per POST.</param>
/// <param name="From">Where delivery begins for <see cref="Epoch"/>.</param>
/// <param name="Epoch">Grows when the position is reset (a PUT with <c>from</c>); acknowledgements of an older epoch no longer count.</param>
/// <param name="CreatedAt">When the sink was created.</param>
/// <param name="UpdatedAt">When it was last changed.</param>
public sealed record EventSinkDefinition(
    string Id,
    string Name,
    string ProtectedUrl,
    string DisplayUrl,
    ImmutableArray<string> Types,
    ImmutableArray<string> Cameras,
    ImmutableSortedDictionary<string, string> Headers,
    string? ProtectedSecret,
    int BatchSize,
    EventSinkStart From,
    long Epoch,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public ImmutableArray<string> Types { get; init => field = value.IsDefault ? [] : value; } = Types.IsDefault ? [] : Types;

    public ImmutableArray<string> Cameras { get; init => field = value.IsDefault ? [] : value; } = Cameras.IsDefault ? [] : Cameras;

    public ImmutableSortedDictionary<string, string> Headers { get; init => field = Normalize(value); } = Normalize(Headers);

    /// <summary>The same delivery settings (what a worker needs restarting for); ignores the name and the timestamps.</summary>
    public bool SameDelivery([NotNullWhen(true)] EventSinkDefinition? other) =>
        other is not null
        && string.Equals(ProtectedUrl, other.ProtectedUrl, StringComparison.Ordinal)
        && Types.SequenceEqual(other.Types, StringComparer.Ordinal)
        && Cameras.SequenceEqual(other.Cameras, StringComparer.Ordinal)
        && Headers.Count == other.Headers.Count
        && Headers.SequenceEqual(other.Headers)
        && string.Equals(ProtectedSecret, other.ProtectedSecret, StringComparison.Ordinal)
        && BatchSize == other.BatchSize
        && From == other.From
        && Epoch == other.Epoch;

    // Value equality over the lists and headers too (a record compares immutable collections by reference).
    public bool Equals(EventSinkDefinition? other) =>
        other is not null
        && SameDelivery(other)
        && string.Equals(Id, other.Id, StringComparison.Ordinal)
        && string.Equals(Name, other.Name, StringComparison.Ordinal)
        && string.Equals(DisplayUrl, other.DisplayUrl, StringComparison.Ordinal)
        && CreatedAt == other.CreatedAt
        && UpdatedAt == other.UpdatedAt;

    public override int GetHashCode() => HashCode.Combine(Id, Epoch, UpdatedAt);

    private static ImmutableSortedDictionary<string, string> Normalize(ImmutableSortedDictionary<string, string>? headers) =>
        (headers ?? ImmutableSortedDictionary<string, string>.Empty).WithComparers(StringComparer.OrdinalIgnoreCase, StringComparer.Ordinal);

    // Protected forms are safe to log, but nothing here needs them in a log either.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Id = ").Append(Id).Append(", Name = ").Append(Name).Append(", Url = ").Append(DisplayUrl)
            .Append(", Types = [").AppendJoin(", ", Types).Append("], Cameras = [").AppendJoin(", ", Cameras)
            .Append("], Headers = [").AppendJoin(", ", Headers.Keys).Append("], Secret = ").Append(ProtectedSecret is null ? "(none)" : "***")
            .Append(", BatchSize = ").Append(BatchSize).Append(", From = ").Append(From.ToString()).Append(", Epoch = ").Append(Epoch);
        return true;
    }
}
