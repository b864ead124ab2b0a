namespace BotAutoOrder.Web.Workers;

/// <summary>
/// A background job that runs in one instance at a time (see <see cref="WorkerLease"/>): repeats
/// <see cref="RunOnceAsync"/>, again at once while it reports more work, otherwise after <see cref="Interval"/>.
/// An exception is logged and the loop goes on.
/// </summary>
public abstract class LeasedWorker(WorkerLease lease, TimeProvider clock, ILogger logger) : BackgroundService
{
    protected abstract string Job { get; }
    protected abstract TimeSpan Interval { get; }
    protected TimeProvider Clock { get; } = clock;
    private WorkerLease.HeldLease? _held;

    /// <summary>
    /// Throws <see cref="LeaseLostException"/> when the lease is gone. Checked before every pass; a job whose single
    /// actions must not overlap another instance's (the outbox's sends) also checks before each one.
    /// </summary>
    protected Task EnsureLeaseAsync(CancellationToken ct) => _held?.EnsureHeldAsync(ct) ?? Task.CompletedTask;

    /// <returns>True when there is probably more to do right away.</returns>
    protected abstract Task<bool> RunOnceAsync(CancellationToken ct);

    protected override async Task ExecuteAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            WorkerLease.HeldLease? held = null;
            try
            {
                held = await lease.TryAcquireAsync(Job, stop);
                if (held is null)
                {
                    await Task.Delay(TimeSpan.FromSeconds(5), Clock, stop);
                    continue;
                }
                _held = held;
                while (!stop.IsCancellationRequested)
                {
                    await held.EnsureHeldAsync(stop); // fenced: no pass starts once the lock's session is gone
                    var more = await RunOnceAsync(stop);
                    if (!more) await Task.Delay(Interval, Clock, stop);
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                break;
            }
            catch (LeaseLostException e)
            {
                logger.LogWarning("Background job {Job} lost its lease ({Error}); stopped, will try to take it again", Job,
                    e.InnerException?.Message);
                await Task.Delay(TimeSpan.FromSeconds(2), Clock, stop).ContinueWith(_ => { }, TaskScheduler.Default);
            }
            catch (Exception e)
            {
                logger.LogError(e, "Background job {Job} failed; it will run again", Job);
                await Task.Delay(TimeSpan.FromSeconds(2), Clock, stop).ContinueWith(_ => { }, TaskScheduler.Default);
            }
            finally
            {
                _held = null;
                if (held is not null) await held.DisposeAsync();
            }
        }
    }
}
