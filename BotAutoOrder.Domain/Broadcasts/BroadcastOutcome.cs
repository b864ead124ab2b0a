namespace BotAutoOrder.Domain.Broadcasts;

public enum BroadcastOutcome
{
    Done,
    NotFound,
    /// <summary>The broadcast is not in the state the action needs (e.g. starting one that is already sending).</summary>
    WrongState,
    InvalidText,
    PhotoTooLarge,
    PhotoNotImage,
}
