namespace BotAutoOrder.Domain.Messaging;

/// <summary>Payload of intents about a warranty claim.</summary>
public sealed record ClaimPayload(long ClaimId);
