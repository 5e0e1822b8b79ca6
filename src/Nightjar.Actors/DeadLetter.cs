namespace Nightjar.Actors;

/// <summary>A message that was never processed, published through <see cref="ActorSystem.DeadLetterPublished"/>.</summary>
public sealed record DeadLetter(string RecipientPath, object? Message, DeadLetterReason Reason);
