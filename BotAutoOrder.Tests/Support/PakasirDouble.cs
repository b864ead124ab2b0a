using System.Collections.Concurrent;
using System.Net.Http.Json;
using BotAutoOrder.Domain.Payments;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BotAutoOrder.Tests.Support;

/// <summary>
/// A Pakasir stand-in on real HTTP (Kestrel on 127.0.0.1, a free port) speaking both documented wire formats:
/// V1 under <c>/api/…</c> (<c>api_key</c> in body or query) and V2 under <c>/api/v2/…</c> (<c>X-Api-Key</c>).
/// It records every call and lets a test change statuses, amounts and spellings, inject failures and delays,
/// and pay a transaction (which POSTs the webhook like Pakasir does).
/// </summary>
public sealed partial class PakasirDouble : IAsyncDisposable
{
    public const string DefaultProject = "toko-uji";
    public const string DefaultApiKey = "pk_live_DOUBLE_s3cr3t_7f3a9c";

    private readonly WebApplication _app;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, PakasirDoubleTransaction> _byOrder = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<RecordedCall> _calls = new();
    private readonly Queue<Fault> _faults = new();
    private readonly HttpClient _webhookClient = new() { Timeout = TimeSpan.FromSeconds(10) };

    private PakasirDouble(WebApplication app, string project, string apiKey)
    {
        _app = app;
        Project = project;
        ApiKey = apiKey;
    }

    public string Project { get; }
    public string ApiKey { get; }

    /// <summary>The gateway root, e.g. <c>http://127.0.0.1:41234</c> (what <c>Pakasir:BaseUrl</c> is set to).</summary>
    public Uri BaseUrl { get; private set; } = null!;

    public IReadOnlyList<RecordedCall> Calls => _calls.ToArray();

    public static async Task<PakasirDouble> StartAsync(string project = DefaultProject, string apiKey = DefaultApiKey)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var pakasir = new PakasirDouble(app, project, apiKey);
        app.Use(pakasir.RecordAndFaultAsync);
        pakasir.MapV2(app);
        pakasir.MapV1(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        pakasir.BaseUrl = new Uri(address);
        return pakasir;
    }

    /// <summary>Calls whose path contains <paramref name="fragment"/> (e.g. <c>create-transaction</c>).</summary>
    public IReadOnlyList<RecordedCall> CallsTo(string fragment) => Calls.Where(c => c.Path.Contains(fragment, StringComparison.Ordinal)).ToList();

    public PakasirDoubleTransaction? Find(string orderId)
    {
        lock (_gate) return _byOrder.GetValueOrDefault(orderId);
    }

    /// <summary>Sets the status; <paramref name="spelling"/> overrides the wire text (<c>canceled</c>, or an unknown word).</summary>
    public void SetStatus(string orderId, PaymentStatus status, string? spelling = null, DateTimeOffset? completedAt = null)
    {
        lock (_gate)
        {
            var t = _byOrder[orderId];
            t.Status = status;
            t.StatusText = spelling ?? status.ToString().ToLowerInvariant();
            t.CompletedAt = status == PaymentStatus.Completed ? completedAt ?? DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(7)) : completedAt;
        }
    }

    public void OverrideStatusAmount(string orderId, long amount)
    {
        lock (_gate) _byOrder[orderId].StatusAmountOverride = amount;
    }

    /// <summary>Status reads and webhooks for the transaction name <paramref name="project"/> and/or say it is a sandbox one.</summary>
    public void ReportAs(string orderId, string? project = null, bool sandbox = false)
    {
        lock (_gate)
        {
            var t = _byOrder[orderId];
            t.ReportedProject = project;
            t.IsSandbox = sandbox;
        }
    }

    /// <summary>The next <paramref name="times"/> requests answer <paramref name="statusCode"/> (an outage, a 503, …).</summary>
    public void FailNext(int statusCode, int times = 1) => Enqueue(new Fault(statusCode, TimeSpan.Zero, false), times);

    /// <summary>The next request waits <paramref name="delay"/> before being answered normally (a slow gateway).</summary>
    public void DelayNext(TimeSpan delay) => Enqueue(new Fault(null, delay, false), 1);

    /// <summary>
    /// Cancels answer 503 (the gateway's cancel is down): an order then closes on our side while the transaction stays
    /// payable — how a real late payment happens, since Pakasir never completes a transaction it reported cancelled.
    /// </summary>
    public bool CancelUnavailable { get; set; }

    /// <summary>
    /// When above 1, status calls are held until that many are waiting, then all are answered at once (a 10 s cap):
    /// lets two app instances hold a "completed" answer at the same moment.
    /// </summary>
    public int StatusBarrier { get; set; }

    private TaskCompletionSource _barrier = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _waiting;

    /// <summary>Every status call (V1 detail, V2 status) waits this long before answering: lets calls from two apps overlap.</summary>
    public TimeSpan StatusDelay { get; set; }

    /// <summary>The next request gets 200 with a body that is not JSON.</summary>
    public void MalformedNext() => Enqueue(new Fault(null, TimeSpan.Zero, true), 1);

    /// <summary>Marks the transaction completed and POSTs the webhook in the V1 or V2 shape, as Pakasir would.</summary>
    public async Task<HttpResponseMessage> PayAsync(string orderId, Uri webhookUrl, string? secret, bool v1Shape)
    {
        SetStatus(orderId, PaymentStatus.Completed);
        var t = Find(orderId)!;
        object body = v1Shape
            ? new { amount = t.ReportedAmount, order_id = t.OrderId, project = t.ReportedProject ?? t.Project, status = "completed", payment_method = t.Method, completed_at = Time(t.CompletedAt) }
            : new { txn_id = t.TxnId, order_id = t.OrderId, amount = t.ReportedAmount, status = "completed", is_sandbox = t.IsSandbox, completed_at = Time(t.CompletedAt) };
        using var request = new HttpRequestMessage(HttpMethod.Post, webhookUrl) { Content = JsonContent.Create(body) };
        if (secret is not null) request.Headers.Add("X-Secret", secret);
        return await _webhookClient.SendAsync(request);
    }

    /// <summary>Stops listening: from now on a connection to <see cref="BaseUrl"/> is refused (an unreachable gateway).</summary>
    public async Task GoOfflineAsync()
    {
        _offline = true;
        await _app.StopAsync();
    }

    private bool _offline;

    public async ValueTask DisposeAsync()
    {
        _webhookClient.Dispose();
        if (!_offline) await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private void Enqueue(Fault fault, int times)
    {
        lock (_gate)
            for (var i = 0; i < times; i++) _faults.Enqueue(fault);
    }

    private async Task RecordAndFaultAsync(HttpContext ctx, RequestDelegate next)
    {
        ctx.Request.EnableBuffering();
        using (var reader = new StreamReader(ctx.Request.Body, leaveOpen: true))
        {
            var body = await reader.ReadToEndAsync();
            ctx.Request.Body.Position = 0;
            _calls.Enqueue(new RecordedCall(ctx.Request.Method, ctx.Request.Path.Value ?? "", ctx.Request.QueryString.Value ?? "", body,
                ctx.Request.Headers["X-Api-Key"].FirstOrDefault(), DateTimeOffset.UtcNow));
        }
        Fault? fault;
        lock (_gate) fault = _faults.TryDequeue(out var f) ? f : null;
        if (fault is { Delay.Ticks: > 0 }) await Task.Delay(fault.Delay, ctx.RequestAborted);
        var path = ctx.Request.Path.Value ?? "";
        var isStatus = path.Contains("transaction-status", StringComparison.Ordinal) || path.Contains("transactiondetail", StringComparison.Ordinal);
        if (isStatus && StatusDelay > TimeSpan.Zero) await Task.Delay(StatusDelay, ctx.RequestAborted);
        if (isStatus && StatusBarrier > 1) await BarrierAsync(ctx.RequestAborted);
        if (fault is { StatusCode: { } code })
        {
            ctx.Response.StatusCode = code;
            await ctx.Response.WriteAsJsonAsync(new { error = "simulated outage" });
            return;
        }
        if (fault is { Malformed: true })
        {
            ctx.Response.ContentType = "application/json";
            await ctx.Response.WriteAsync("{\"payment\": {\"order_id\": ");
            return;
        }
        await next(ctx);
    }

    private async Task BarrierAsync(CancellationToken ct)
    {
        Task release;
        lock (_gate)
        {
            release = _barrier.Task;
            if (++_waiting >= StatusBarrier)
            {
                _waiting = 0;
                _barrier.TrySetResult();
                _barrier = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }
        await release.WaitAsync(TimeSpan.FromSeconds(10), ct).ContinueWith(_ => { }, TaskScheduler.Default);
    }

    private sealed record Fault(int? StatusCode, TimeSpan Delay, bool Malformed);
}
