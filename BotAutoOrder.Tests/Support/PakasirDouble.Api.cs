using System.Globalization;
using System.Text.Json;
using BotAutoOrder.Domain.Payments;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace BotAutoOrder.Tests.Support;

/// <summary>The two wire formats of <see cref="PakasirDouble"/>, written from <c>pakasir.md</c> independently of the app.</summary>
public sealed partial class PakasirDouble
{
    private void MapV2(IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v2/create-transaction/{slug}/{orderId}", async (string slug, string orderId, HttpContext ctx) =>
        {
            if (V2Refusal(ctx, slug) is { } refused) return refused;
            using var body = await JsonDocument.ParseAsync(ctx.Request.Body);
            var t = FindOrCreate(orderId, body.RootElement.GetProperty("amount").GetInt64(), body.RootElement.GetProperty("method").GetString()!);
            return Results.Json(new
            {
                txn_id = t.TxnId, order_id = t.OrderId, amount = t.Amount, fee = t.Fee, total_payment = t.TotalPayment,
                payment_method = t.Method, qr_string = t.Method == "qris" ? t.PaymentNumber : null,
                va_number = t.Method == "qris" ? null : t.PaymentNumber, payment_link = $"{BaseUrl}pay/{t.TxnId}",
                expired_at = Time(t.ExpiresAt), status = t.StatusText, is_sandbox = false,
            });
        });
        app.MapGet("/api/v2/transaction-status/{slug}/{txnId}", (string slug, string txnId, HttpContext ctx) =>
        {
            if (V2Refusal(ctx, slug) is { } refused) return refused;
            lock (_gate)
            {
                var t = _byOrder.Values.FirstOrDefault(x => x.TxnId == txnId);
                return t is null
                    ? Results.NotFound(new { error = "transaction not found" })
                    : Results.Json(new { txn_id = t.TxnId, order_id = t.OrderId, amount = t.ReportedAmount, status = t.StatusText, is_sandbox = t.IsSandbox, completed_at = Time(t.CompletedAt) });
            }
        });
        // Public (no key): the fee each method would add to an amount.
        app.MapGet("/api/v2/payment-fee/{amount:long}", (long amount) =>
            Results.Json(new Dictionary<string, long> { ["qris"] = QrisFee(amount), ["bni_va"] = 4_000, ["bri_va"] = 4_000 }));
        app.MapPost("/api/v2/cancel-transaction/{slug}/{txnId}", (string slug, string txnId, HttpContext ctx) =>
        {
            if (V2Refusal(ctx, slug) is { } refused) return refused;
            PakasirDoubleTransaction? t;
            lock (_gate) t = _byOrder.Values.FirstOrDefault(x => x.TxnId == txnId);
            if (t is null) return Results.NotFound(new { error = "transaction not found" });
            return Cancel(t.OrderId);
        });
    }

    private void MapV1(IEndpointRouteBuilder app)
    {
        app.MapPost("/api/transactioncreate/{method}", async (string method, HttpContext ctx) =>
        {
            using var body = await JsonDocument.ParseAsync(ctx.Request.Body);
            var b = body.RootElement;
            if (V1Refusal(b.GetProperty("api_key").GetString(), b.GetProperty("project").GetString()) is { } refused) return refused;
            var t = FindOrCreate(b.GetProperty("order_id").GetString()!, b.GetProperty("amount").GetInt64(), method);
            return Results.Json(new
            {
                payment = new
                {
                    project = t.Project, order_id = t.OrderId, amount = t.Amount, fee = t.Fee, total_payment = t.TotalPayment,
                    payment_method = t.Method, payment_number = t.PaymentNumber, expired_at = Time(t.ExpiresAt.ToUniversalTime()),
                },
            });
        });
        app.MapGet("/api/transactiondetail", (HttpContext ctx) =>
        {
            var q = ctx.Request.Query;
            if (V1Refusal(q["api_key"], q["project"]) is { } refused) return refused;
            var t = Find(q["order_id"].ToString());
            if (t is null || t.Amount.ToString(CultureInfo.InvariantCulture) != q["amount"]) return Results.NotFound(new { error = "transaction not found" });
            return Results.Json(new
            {
                transaction = new { amount = t.ReportedAmount, order_id = t.OrderId, project = t.ReportedProject ?? t.Project, status = t.StatusText, payment_method = t.Method, completed_at = Time(t.CompletedAt) },
            });
        });
        app.MapPost("/api/transactioncancel", async (HttpContext ctx) =>
        {
            using var body = await JsonDocument.ParseAsync(ctx.Request.Body);
            var b = body.RootElement;
            if (V1Refusal(b.GetProperty("api_key").GetString(), b.GetProperty("project").GetString()) is { } refused) return refused;
            var orderId = b.GetProperty("order_id").GetString()!;
            if (Find(orderId) is null) return Results.NotFound(new { error = "transaction not found" });
            return Cancel(orderId);
        });
    }

    private static long QrisFee(long amount) => amount <= 105_000 ? (long)Math.Ceiling(amount * 0.007m) + 310 : (long)Math.Ceiling(amount * 0.01m);
    /// <summary>Like Pakasir: a cancel closes a pending transaction only; a paid one stays paid (the money is taken).</summary>
    private IResult Cancel(string orderId)
    {
        if (CancelUnavailable) return Results.Json(new { error = "simulated outage" }, statusCode: StatusCodes.Status503ServiceUnavailable);
        lock (_gate)
        {
            var t = _byOrder[orderId];
            if (t.Status == PaymentStatus.Completed)
                return Results.Json(new { error = "transaction already completed" }, statusCode: StatusCodes.Status400BadRequest);
            if (t.Status == PaymentStatus.Pending) SetStatus(orderId, PaymentStatus.Cancelled);
            return Results.Json(new { success = true });
        }
    }

    private PakasirDoubleTransaction FindOrCreate(string orderId, long amount, string method)
    {
        lock (_gate)
        {
            if (_byOrder.TryGetValue(orderId, out var existing)) return existing;
            var fee = QrisFee(amount);
            var t = new PakasirDoubleTransaction
            {
                TxnId = "txn_" + Guid.NewGuid().ToString("N")[..16], OrderId = orderId, Project = Project, Amount = amount, Fee = fee,
                Method = method, ExpiresAt = DateTimeOffset.UtcNow.AddMinutes(30).ToOffset(TimeSpan.FromHours(7)),
            };
            return _byOrder[orderId] = t;
        }
    }

    /// <summary>A wrong key is answered 401 and echoed back, so tests prove clients scrub it from messages.</summary>
    private IResult? V2Refusal(HttpContext ctx, string slug)
    {
        var key = ctx.Request.Headers["X-Api-Key"].ToString();
        if (key != ApiKey) return Results.Json(new { error = $"invalid api key '{key}'" }, statusCode: 401);
        return slug == Project ? null : Results.NotFound(new { error = "project not found" });
    }

    private IResult? V1Refusal(string? apiKey, string? project)
    {
        if (apiKey != ApiKey) return Results.Json(new { error = $"invalid api_key '{apiKey}'" }, statusCode: 401);
        return project == Project ? null : Results.NotFound(new { error = "project not found" });
    }

    /// <summary>RFC 3339 with milliseconds and the offset as given (Pakasir sends both <c>Z</c> and <c>+07:00</c>).</summary>
    private static string? Time(DateTimeOffset? t) =>
        t?.Offset == TimeSpan.Zero
            ? t.Value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)
            : t?.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture);
}
