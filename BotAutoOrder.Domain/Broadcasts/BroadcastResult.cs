using BotAutoOrder.Domain.Messaging;

namespace BotAutoOrder.Domain.Broadcasts;

/// <summary>The outcome of a broadcast action; <see cref="Text"/> explains an <see cref="BroadcastOutcome.InvalidText"/>.</summary>
public sealed record BroadcastResult(BroadcastOutcome Outcome, long? Id = null, HtmlCheck? Text = null)
{
    public bool Succeeded => Outcome == BroadcastOutcome.Done;
}
