namespace BotAutoOrder.Web.Workers;

/// <summary>The advisory lock's connection is gone: another instance may hold the job now, so this one must stop.</summary>
public sealed class LeaseLostException(Exception inner) : Exception("The worker lease's connection was lost", inner);
