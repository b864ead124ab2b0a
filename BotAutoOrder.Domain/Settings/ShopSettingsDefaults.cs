namespace BotAutoOrder.Domain.Settings;

/// <summary>The defaults the host configured (<c>Shop:*</c>, <c>Store:Name</c>), before dashboard edits.</summary>
public sealed record ShopSettingsDefaults(ShopSettings Value);
