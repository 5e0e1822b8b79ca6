using System.Text.Json;

namespace Nightjar.IntegrationTests.Retention;

/// <summary>One journaled event: its global position, type name (<c>segment.deleted.v1</c>), when it was written, and its camelCase payload.</summary>
internal sealed record JournalRow(long Ordering, string Type, DateTimeOffset WrittenAt, JsonElement Payload)
{
    public string Text(string property) => Payload.GetProperty(property).GetString()!;

    public DateTimeOffset Time(string property) => Payload.GetProperty(property).GetDateTimeOffset();
}
