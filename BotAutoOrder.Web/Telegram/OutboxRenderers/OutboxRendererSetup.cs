namespace BotAutoOrder.Web.Telegram.OutboxRenderers;

public static class OutboxRendererSetup
{
    /// <summary>One renderer per outbox kind; <see cref="OutboxSender"/> picks by <see cref="IOutboxRenderer.Kind"/>.</summary>
    public static IServiceCollection AddOutboxRenderers(this IServiceCollection services)
    {
        services.AddScoped<IOutboxRenderer, TextRenderer>();
        services.AddScoped<IOutboxRenderer, DocumentRenderer>();
        services.AddScoped<IOutboxRenderer, ApiCallRenderer>();
        services.AddScoped<IOutboxRenderer, BroadcastRenderer>();
        services.AddScoped<IOutboxRenderer, OrderDeliveryRenderer>();
        services.AddScoped<IOutboxRenderer, OrderQrClosedRenderer>();
        services.AddScoped<IOutboxRenderer, OrderLateCreditRenderer>();
        services.AddScoped<IOutboxRenderer, OrderRefundedRenderer>();
        services.AddScoped<IOutboxRenderer, OrderTermsRenderer>();
        services.AddScoped<IOutboxRenderer, DepositCreditedRenderer>();
        services.AddScoped<IOutboxRenderer, DepositQrClosedRenderer>();
        services.AddScoped<IOutboxRenderer, TermsProofAdminRenderer>();
        services.AddScoped<IOutboxRenderer, TermsReviewedRenderer>();
        services.AddScoped<IOutboxRenderer, ClaimReplacedRenderer>();
        services.AddScoped<IOutboxRenderer, ClaimResolvedRenderer>();
        services.AddScoped<IOutboxRenderer, RestockAlertRenderer>();
        services.AddScoped<IOutboxRenderer, ReviewPromptRenderer>();
        services.AddScoped<IOutboxRenderer, TestimonialChannelRenderer>();
        services.AddScoped<AdminDigestRenderer>();
        foreach (var kind in AdminNoticeRenderer.Kinds)
            services.AddScoped<IOutboxRenderer>(sp => new AdminNoticeRenderer(kind, sp.GetRequiredService<AdminNotices>()));
        return services;
    }
}
