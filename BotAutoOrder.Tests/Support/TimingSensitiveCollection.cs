namespace BotAutoOrder.Tests.Support;

/// <summary>
/// Tests that assert on wall-clock latency (a delivery within 2 s during a broadcast, a p99) run on their own, after
/// the parallel part of the suite: on a 2-core machine the other test classes running beside them would measure the
/// machine's load, not the send path. They still run in every test run; nothing is skipped.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TimingSensitiveCollection
{
    public const string Name = "timing-sensitive";
}
