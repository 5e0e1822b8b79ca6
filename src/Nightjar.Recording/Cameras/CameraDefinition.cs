using System.Collections.Immutable;
using System.Text;
using System.Text.Json.Serialization;
using Nightjar.Recording.Access;
using Nightjar.Recording.Policies;

namespace Nightjar.Recording.Cameras;

/// <summary>
/// A camera as configured: the validated form of the camera resource of DESIGN.md. Build one from a request with
/// <see cref="Api.CameraRequestValidator"/>; events hold it with protected credentials
/// (<see cref="ProtectCredentials"/>). Equality compares every field, including the streams and labels.
/// </summary>
/// <param name="Id">The camera's id, fixed for its life.</param>
/// <param name="Name">A display name, 1 to 200 characters.</param>
/// <param name="Streams">At least one; the first is the primary stream (<c>/{camera}/index.m3u8</c>).</param>
/// <param name="Dvr">Retention; <see cref="DvrPolicy.Default"/> when the request has no <c>dvr</c> block.</param>
/// <param name="Events">The camera's own event source, if any.</param>
/// <param name="Labels">Free key/value labels (placement constraints, grouping), ordered by key.</param>
/// <param name="Enabled">False keeps the configuration but records and serves nothing.</param>
/// <param name="Audio">What ingest does with audio; <see cref="AudioMode.Drop"/> by default.</param>
public sealed record CameraDefinition(
    CameraId Id,
    string Name,
    ImmutableArray<StreamDefinition> Streams,
    DvrPolicy Dvr,
    EventSourceDefinition? Events,
    ImmutableSortedDictionary<string, string> Labels,
    bool Enabled = true,
    AudioMode Audio = AudioMode.Drop)
{
    public ImmutableArray<StreamDefinition> Streams { get; init => field = value.IsDefault ? [] : value; } = Streams.IsDefault ? [] : Streams;

    public DvrPolicy Dvr { get; init => field = value ?? DvrPolicy.Default; } = Dvr ?? DvrPolicy.Default;

    // Ordinal keys whatever the deserializer or caller used, so equality and order never depend on culture.
    public ImmutableSortedDictionary<string, string> Labels { get; init => field = NormalizeLabels(value); } = NormalizeLabels(Labels);

    /// <summary>The first stream, served at <c>/{camera}/...</c>.</summary>
    /// <exception cref="InvalidOperationException">The definition has no stream (never true for a validated one).</exception>
    [JsonIgnore]
    public StreamDefinition PrimaryStream =>
        Streams.IsEmpty ? throw new InvalidOperationException($"Camera '{Id}' has no stream.") : Streams[0];

    /// <summary>True while any password is still plaintext: such a definition must not go into an event.</summary>
    [JsonIgnore]
    public bool HasPlaintextCredentials =>
        Streams.Any(s => s.Credentials is { IsProtected: false, HasPassword: true })
        || Events?.Credentials is { IsProtected: false, HasPassword: true };

    /// <summary>The stream called <paramref name="name"/> (exact match), or null.</summary>
    public StreamDefinition? FindStream(string name) =>
        Streams.FirstOrDefault(s => StreamNames.Comparer.Equals(s.Name, name));

    /// <summary>The same camera with every password protected (what events store).</summary>
    public CameraDefinition ProtectCredentials(ISecretProtector protector)
    {
        ArgumentNullException.ThrowIfNull(protector);
        return MapCredentials(c => c.Protect(protector));
    }

    /// <summary>The same camera with every password in plaintext. The result holds SECRETS: keep it in memory only.</summary>
    public CameraDefinition UnprotectCredentials(ISecretProtector protector)
    {
        ArgumentNullException.ThrowIfNull(protector);
        return MapCredentials(c => c.Unprotect(protector));
    }

    public bool Equals(CameraDefinition? other) =>
        other is not null
        && Id == other.Id
        && string.Equals(Name, other.Name, StringComparison.Ordinal)
        && Streams.SequenceEqual(other.Streams)
        && Dvr == other.Dvr
        && Events == other.Events
        && Labels.Count == other.Labels.Count
        && Labels.SequenceEqual(other.Labels)
        && Enabled == other.Enabled
        && Audio == other.Audio;

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Id);
        hash.Add(Name, StringComparer.Ordinal);
        foreach (var stream in Streams)
        {
            hash.Add(stream);
        }

        hash.Add(Dvr);
        hash.Add(Events);
        foreach (var (key, value) in Labels)
        {
            hash.Add(key, StringComparer.Ordinal);
            hash.Add(value, StringComparer.Ordinal);
        }

        hash.Add(Enabled);
        hash.Add(Audio);
        return hash.ToHashCode();
    }

    private static ImmutableSortedDictionary<string, string> NormalizeLabels(ImmutableSortedDictionary<string, string>? labels) =>
        (labels ?? ImmutableSortedDictionary<string, string>.Empty).WithComparers(StringComparer.Ordinal, StringComparer.Ordinal);

    private CameraDefinition MapCredentials(Func<Credentials, Credentials> map) => this with
    {
        Streams = [.. Streams.Select(s => s.Credentials is null ? s : s with { Credentials = map(s.Credentials) })],
        Events = Events?.Credentials is null ? Events : Events with { Credentials = map(Events.Credentials) },
    };

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Id = ").Append(Id.Value)
            .Append(", Name = ").Append(Name)
            .Append(", Streams = [ ").AppendJoin(", ", Streams).Append(" ]")
            .Append(", Dvr = ").Append(Dvr)
            .Append(", Events = ").Append(Events)
            .Append(", Labels = { ").AppendJoin(", ", Labels.Select(l => l.Key + " = " + l.Value)).Append(" }")
            .Append(", Enabled = ").Append(Enabled ? "True" : "False")
            .Append(", Audio = ").Append(Audio.ToString());
        return true;
    }
}
