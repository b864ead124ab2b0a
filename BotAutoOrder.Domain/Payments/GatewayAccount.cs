namespace BotAutoOrder.Domain.Payments;

/// <summary>
/// Who the shop is at the gateway (from <c>Pakasir:Project</c> and <c>Pakasir:Mode</c>): a status answer about another
/// project, or a sandbox answer while live, is not about our payment.
/// </summary>
public sealed record GatewayAccount(string Project, bool Live);
